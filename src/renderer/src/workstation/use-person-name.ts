import { useCallback } from 'react';
import { useT } from '../i18n/use-t';
import { useDirectoryStore } from '../stores/directory-store';
import { useWorkstation } from './workstation-context';

/** A user id as a name: the signed-in user, someone from the directory, or "a colleague". */
export function usePersonName(): (id: string | null) => string | null {
  const t = useT();
  const { session } = useWorkstation();
  const staff = useDirectoryStore((s) => s.staff);
  return useCallback(
    (id) => {
      if (id === null) return null;
      if (id === session.row.user.id) return session.row.user.displayName;
      return staff.find((s) => s.id === id)?.displayName ?? t('card.assignedOther');
    },
    [session, staff, t],
  );
}

import { useCallback } from 'react';
import { usePersonName } from '../../workstation/use-person-name';
import { useWorkstation } from '../../workstation/workstation-context';
import { useSlaT } from './sla-board-messages';
import { useSlaBoardData } from './use-sla-board-data';
import { useSlaSettings } from './use-sla-settings';

/** What both the board and the wall run on: the figures, names, settings and the session. */
export function useBoardContext() {
  const ws = useWorkstation();
  const t = useSlaT();
  const personName = usePersonName();
  const nameOf = useCallback(
    (id: string | null) => (id === null ? t('agent.unassigned') : (personName(id) ?? id)),
    [personName, t],
  );
  const access = { serverUrl: ws.session.serverUrl, token: ws.session.row.token };
  const settings = useSlaSettings(access);
  const data = useSlaBoardData(ws.db);
  return { ws, t, nameOf, access, settings, ...data };
}

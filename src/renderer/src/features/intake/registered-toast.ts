import { liveQuery } from 'dexie';
import type { SaksbordDb } from '../../db/saksbord-db';
import { useToastStore } from '../../stores/toast-store';

/**
 * Says a new case is registered, with its provisional number, and puts the server's number in
 * the same toast as soon as the sync brings it (the agent may read it out to the caller).
 * Stops watching when the toast goes or is replaced.
 */
export function showRegisteredToast(
  db: SaksbordDb,
  caseId: string,
  provisionalNumber: string,
  text: (number: string) => string,
): void {
  const toasts = useToastStore;
  const id = toasts.getState().show(text(provisionalNumber));
  let stop = () => {};
  const watch = liveQuery(() => db.cases.get(caseId)).subscribe({
    next: (record) => {
      if (!record?.number) return;
      toasts.getState().update(id, text(record.number));
      stop();
    },
    error: () => stop(),
  });
  const offToast = toasts.subscribe((s) => {
    if (s.toast?.id !== id) stop();
  });
  stop = () => {
    watch.unsubscribe();
    offToast();
  };
}

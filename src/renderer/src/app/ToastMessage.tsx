import { useEffect } from 'react';
import { useToastStore } from '../stores/toast-store';

/**
 * The current toast; errors are announced assertively, the rest politely (an updated text is
 * announced again). Fades 6 s after it appeared.
 */
export function ToastMessage() {
  const toast = useToastStore((s) => s.toast);
  const clear = useToastStore((s) => s.clear);
  // Timed from when the toast appeared: an update of its text (a number now known) keeps it.
  const id = toast?.id;
  useEffect(() => {
    if (id === undefined) return;
    const timer = setTimeout(clear, 6_000);
    return () => clearTimeout(timer);
  }, [id, clear]);
  return (
    <>
      <div role="status" className="visually-hidden">
        {toast?.tone === 'info' ? toast.text : ''}
      </div>
      <div role="alert" className="visually-hidden">
        {toast?.tone === 'error' ? toast.text : ''}
      </div>
      {toast ? (
        <div className={`toast toast--${toast.tone}`} data-testid="toast" aria-hidden="true">
          {toast.text}
        </div>
      ) : null}
    </>
  );
}

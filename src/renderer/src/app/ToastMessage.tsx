import { useEffect } from 'react';
import { useToastStore } from '../stores/toast-store';

/** The current toast; errors are announced assertively, the rest politely. Fades after 6 s. */
export function ToastMessage() {
  const toast = useToastStore((s) => s.toast);
  const clear = useToastStore((s) => s.clear);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(clear, 6_000);
    return () => clearTimeout(timer);
  }, [toast, clear]);
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

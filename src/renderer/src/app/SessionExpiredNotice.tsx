import { useT } from '../i18n/use-t';
import { useSessionStore } from '../stores/session-store';
import { useSyncStatus } from '../sync/sync-status';
import { signOut } from '../workstation/session-api';
import { useWorkstation } from '../workstation/workstation-context';

/**
 * The server refused the token (expired or revoked): say so, keep working locally, and offer
 * to sign in again. Nothing in the outbox is lost; the same local store opens after sign-in.
 */
export function SessionExpiredNotice() {
  const t = useT();
  const ws = useWorkstation();
  const required = useSyncStatus(ws.engine.status, (s) => s.signInRequired);
  const setSession = useSessionStore((s) => s.setSession);
  if (!required) return null;
  return (
    <div className="alerts" role="alert">
      <p className="row" style={{ margin: 0 }}>
        <span>{t('sync.signInRequired')}</span>
        <button
          type="button"
          className="primary"
          onClick={() => void signOut(ws.session).then(() => setSession(null))}
        >
          {t('sync.signInAgain')}
        </button>
      </p>
    </div>
  );
}

import { formatTime } from '../i18n/format';
import { translateCount } from '../i18n/translate';
import { useLocale, useT } from '../i18n/use-t';
import { useNetworkStore } from '../stores/network-store';
import { useSyncStatus } from '../sync/sync-status';
import { useWorkstation } from '../workstation/workstation-context';

/** Online or offline, and how many changes wait: always visible, in words and an icon. */
export function SyncIndicator() {
  const t = useT();
  const locale = useLocale();
  const { engine } = useWorkstation();
  const serverAnswered = useSyncStatus(engine.status, (s) => s.online);
  const network = useNetworkStore((s) => s.online);
  const online = serverAnswered && network;
  const syncing = useSyncStatus(engine.status, (s) => s.syncing);
  const pending = useSyncStatus(engine.status, (s) => s.pendingCount);
  const lastSyncedAt = useSyncStatus(engine.status, (s) => s.lastSyncedAt);
  const lastError = useSyncStatus(engine.status, (s) => s.lastError);
  const progress = useSyncStatus(engine.status, (s) => s.pullProgress);
  // Before the first answer the engine is not "online" yet; that is not being offline.
  const connecting = network && !serverAnswered && syncing && lastError === null;
  const parts = connecting ? [] : [online ? t('sync.online') : t('sync.offline')];
  if (pending > 0) {
    parts.push(translateCount(t, pending, { one: 'sync.pendingOne', other: 'sync.pending' }));
  } else if (syncing && progress !== null) {
    // In steps of ten: this is a live region, and a screen reader reads every change out.
    parts.push(t('sync.fetching', { percent: Math.floor(progress * 10) * 10 }));
  } else if (syncing) parts.push(t('sync.syncing'));
  else if (online) parts.push(t('sync.inSync'));
  return (
    <span
      className={`sync-status${online || connecting ? '' : ' sync-status--offline'}`}
      role="status"
      data-testid="sync-status"
      data-online={online}
      data-pending={pending}
      title={
        lastSyncedAt ? t('sync.lastSync', { time: formatTime(lastSyncedAt, locale) }) : undefined
      }
    >
      <span aria-hidden="true">{online || connecting ? '●' : '○'}</span>
      {parts.join(' · ')}
    </span>
  );
}

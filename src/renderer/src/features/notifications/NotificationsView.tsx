import {
  decideHeldMail,
  getNotificationPreferences,
  listCaughtMail,
  listHeldMail,
  listMyNotifications,
  listUndeliverable,
  putNotificationPreferences,
  retryUndeliverable,
} from '@core/api/index';
import {
  type NotificationKind,
  type NotificationPreferences,
  notificationKindSchema,
} from '@core/notifications/notification-kinds';
import { useCallback, useEffect, useId, useState } from 'react';
import { useRouteStore } from '../../stores/route-store';
import { useWorkstation } from '../../workstation/workstation-context';
import { kindKey, useNotificationsT } from './notifications-messages';
import './notifications.css';

type Api = ReturnType<typeof useWorkstation>['api'];

/** Loads one answer of the API, again on `reload()`. */
function useAnswer<T>(load: () => Promise<T>) {
  const [value, setValue] = useState<T | null>(null);
  const [failed, setFailed] = useState(false);
  const reload = useCallback(() => {
    setFailed(false);
    load().then(setValue, () => setFailed(true));
  }, [load]);
  useEffect(reload, [reload]);
  return { value, failed, reload };
}

const lineOne = ['agent', 'teamLeader', 'admin'];

/**
 * "Varsel": one's in-app notifications and choices per kind (mail, in the app); for line 1
 * the mail held because its sender is not on the case; for admins the "could not deliver"
 * list with retry and, in the demo, the mail the local catcher received.
 */
export default function NotificationsView() {
  const t = useNotificationsT();
  const ws = useWorkstation();
  const role = ws.actor.role;
  return (
    <section className="notifications" aria-labelledby="notifications-title">
      <h1 id="notifications-title">{t('title')}</h1>
      <MyNotifications api={ws.api} />
      <Preferences api={ws.api} />
      {lineOne.includes(role) ? <HeldMail api={ws.api} /> : null}
      {role === 'admin' ? <Undeliverable api={ws.api} /> : null}
      {role === 'admin' ? <CaughtMail api={ws.api} /> : null}
    </section>
  );
}

function MyNotifications({ api }: { api: Api }) {
  const t = useNotificationsT();
  const navigate = useRouteStore((s) => s.navigate);
  const load = useCallback(() => api.call(listMyNotifications, {}), [api]);
  const { value, failed } = useAnswer(load);
  return (
    <section aria-labelledby="notifications-mine">
      <h2 id="notifications-mine">{t('mine.title')}</h2>
      {failed ? <p role="alert">{t('common.failed')}</p> : null}
      {!value && !failed ? <p role="status">{t('common.loading')}</p> : null}
      {value && value.notifications.length === 0 ? <p>{t('mine.none')}</p> : null}
      {value && value.notifications.length > 0 ? (
        <ul>
          {value.notifications.map((n) => (
            <li key={n.id}>
              {t(kindKey(n.kind))}: {n.title}{' '}
              {n.caseId ? (
                <button
                  type="button"
                  className="link"
                  onClick={() => navigate({ name: 'case', caseId: n.caseId! })}
                >
                  {t('mine.open', { number: n.caseNumber ?? '' })}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function Preferences({ api }: { api: Api }) {
  const t = useNotificationsT();
  const id = useId();
  const load = useCallback(() => api.call(getNotificationPreferences, {}), [api]);
  const { value, failed } = useAnswer(load);
  const [draft, setDraft] = useState<NotificationPreferences | null>(null);
  const [saved, setSaved] = useState<'idle' | 'saved' | 'failed'>('idle');
  useEffect(() => {
    if (value) setDraft(value.preferences);
  }, [value]);
  if (failed) return <p role="alert">{t('common.failed')}</p>;
  if (!value || !draft) return <p role="status">{t('common.loading')}</p>;
  const essential = (kind: NotificationKind) => value.essential.includes(kind);
  const checked = (kind: NotificationKind, channel: 'email' | 'inApp') => {
    if (channel === 'email' && essential(kind)) return true;
    const chosen = draft.kinds[kind]?.[channel];
    if (chosen !== undefined) return chosen;
    return channel === 'email' ? !draft.unsubscribedAll : true;
  };
  const set = (kind: NotificationKind, channel: 'email' | 'inApp', on: boolean) => {
    setSaved('idle');
    setDraft({
      ...draft,
      kinds: { ...draft.kinds, [kind]: { ...draft.kinds[kind], [channel]: on } },
    });
  };
  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    try {
      await api.call(putNotificationPreferences, { body: draft });
      setSaved('saved');
    } catch {
      setSaved('failed');
    }
  };
  return (
    <section aria-labelledby={`${id}-prefs`}>
      <h2 id={`${id}-prefs`}>{t('prefs.title')}</h2>
      <p>{t('prefs.intro')}</p>
      {!value.mailEnabled ? <p>{t('prefs.noMail')}</p> : null}
      {value.mailEnabled ? (
        <p>{value.email ? t('prefs.address', { email: value.email }) : t('prefs.noAddress')}</p>
      ) : null}
      <form onSubmit={save}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('prefs.kind')}</th>
              <th scope="col" id={`${id}-col-email`}>
                {t('prefs.email')}
              </th>
              <th scope="col" id={`${id}-col-inApp`}>
                {t('prefs.inApp')}
              </th>
            </tr>
          </thead>
          <tbody>
            {value.kinds.map((raw) => {
              const kind = notificationKindSchema.parse(raw);
              return (
                <tr key={kind}>
                  <th scope="row" id={`${id}-${kind}`}>
                    {t(kindKey(kind))}{' '}
                    {essential(kind) ? <small>{t('prefs.essential')}</small> : null}
                  </th>
                  {(['email', 'inApp'] as const).map((channel) => (
                    <td key={channel}>
                      <input
                        type="checkbox"
                        aria-labelledby={`${id}-${kind} ${id}-col-${channel}`}
                        checked={checked(kind, channel)}
                        disabled={channel === 'email' && essential(kind)}
                        onChange={(e) => set(kind, channel, e.target.checked)}
                      />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
        <p>
          <label>
            <input
              type="checkbox"
              checked={draft.unsubscribedAll}
              onChange={(e) => {
                setSaved('idle');
                setDraft({ ...draft, unsubscribedAll: e.target.checked });
              }}
            />{' '}
            {t('prefs.unsubscribedAll')}
          </label>
        </p>
        <button type="submit" className="primary">
          {t('prefs.save')}
        </button>
        <span role="status">
          {saved === 'saved' ? t('prefs.saved') : saved === 'failed' ? t('common.failed') : ''}
        </span>
      </form>
    </section>
  );
}

function HeldMail({ api }: { api: Api }) {
  const t = useNotificationsT();
  const load = useCallback(() => api.call(listHeldMail, {}), [api]);
  const { value, failed, reload } = useAnswer(load);
  const decide = async (id: string, action: 'post' | 'discard') => {
    await api.call(decideHeldMail, { params: { id }, body: { action } }).catch(() => {});
    reload();
  };
  return (
    <section aria-labelledby="notifications-held">
      <h2 id="notifications-held">{t('held.title')}</h2>
      <p>{t('held.intro')}</p>
      {failed ? <p role="alert">{t('common.failed')}</p> : null}
      {value && value.mails.length === 0 ? <p>{t('held.none')}</p> : null}
      <ul>
        {value?.mails.map((m) => (
          <li key={m.id}>
            <p>
              <strong>{m.subject}</strong> — {t('held.from', { from: m.from })}
            </p>
            <pre className="notifications__body">{m.body}</pre>
            {m.caseId ? (
              <button type="button" onClick={() => void decide(m.id, 'post')}>
                {t('held.post')}
              </button>
            ) : null}{' '}
            <button type="button" onClick={() => void decide(m.id, 'discard')}>
              {t('held.discard')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Undeliverable({ api }: { api: Api }) {
  const t = useNotificationsT();
  const load = useCallback(() => api.call(listUndeliverable, {}), [api]);
  const { value, failed, reload } = useAnswer(load);
  const [queued, setQueued] = useState('');
  const retry = async (id: string) => {
    await api.call(retryUndeliverable, { params: { id } }).catch(() => {});
    setQueued(t('failed.queued'));
    reload();
  };
  return (
    <section aria-labelledby="notifications-failed">
      <h2 id="notifications-failed">{t('failed.title')}</h2>
      {failed ? <p role="alert">{t('common.failed')}</p> : null}
      <p role="status">{queued}</p>
      {value && value.notifications.length === 0 ? <p>{t('failed.none')}</p> : null}
      {value && value.notifications.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('failed.to')}</th>
              <th scope="col">{t('failed.kind')}</th>
              <th scope="col">{t('failed.attempts')}</th>
              <th scope="col">{t('failed.error')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('failed.retry')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {value.notifications.map((n) => {
              const kind = notificationKindSchema.safeParse(n.kind);
              return (
                <tr key={n.id}>
                  <td>{n.recipient}</td>
                  <td>{kind.success ? t(kindKey(kind.data)) : n.kind}</td>
                  <td>{n.attempts}</td>
                  <td>{n.lastError}</td>
                  <td>
                    <button type="button" onClick={() => void retry(n.id)}>
                      {t('failed.retry')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function CaughtMail({ api }: { api: Api }) {
  const t = useNotificationsT();
  const load = useCallback(() => api.call(listCaughtMail, {}), [api]);
  const { value } = useAnswer(load);
  if (!value?.running) return null;
  return (
    <section aria-labelledby="notifications-caught">
      <h2 id="notifications-caught">{t('caught.title')}</h2>
      <p>{t('caught.intro', { address: value.address ?? '' })}</p>
      {value.mails.length === 0 ? <p>{t('caught.none')}</p> : null}
      {value.mails.map((m) => (
        <details key={m.n}>
          <summary>
            {m.subject} — {t('caught.to', { to: m.to })}
          </summary>
          <pre className="notifications__body">{m.text}</pre>
        </details>
      ))}
    </section>
  );
}

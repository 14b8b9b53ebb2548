import { assignableRoles } from '@core/account/user-admin-rules';
import {
  type AdminUser,
  endUserSessions,
  getAdminUser,
  resetUserPassword,
  setUserDisabled,
  type UserHistoryEntry,
  updateAdminUser,
} from '@core/api/index';
import type { Role } from '@core/rules/index';
import { useCallback, useEffect, useId, useState } from 'react';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-t';
import { routeHash } from '../../stores/route-store';
import { actorOf } from '../../workstation/workstation';
import { useWorkstation } from '../../workstation/workstation-context';
import { MunicipalityChoice } from './MunicipalityChoice';
import { type UsersMessageKey, useUsersT } from './users-messages';
import { failedField, failureText, historyText } from './users-words';

type Notice = { kind: 'ok' | 'error'; text: string; field?: string | null } | null;

/**
 * One account: its facts, role and municipalities to change, disable or enable, a new
 * password, "sign out everywhere", and its history (every change: who, when, what).
 */
export function UserDetail(props: { userId: string; onChanged: () => void }) {
  const t = useUsersT();
  const locale = useLocale();
  const ws = useWorkstation();
  const id = useId();
  const actor = actorOf(ws.session);
  const [user, setUser] = useState<AdminUser | null>(null);
  const [history, setHistory] = useState<UserHistoryEntry[]>([]);
  const [role, setRole] = useState<Role>('agent');
  const [municipalityIds, setMunicipalityIds] = useState<string[]>([]);
  const [newPassword, setNewPassword] = useState('');
  const [removeTotp, setRemoveTotp] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const { onChanged, userId } = props;

  const load = useCallback(async () => {
    try {
      const answer = await ws.api.call(getAdminUser, { params: { id: userId } });
      setUser(answer.user);
      setHistory(answer.history);
      setRole(answer.user.role);
      setMunicipalityIds(answer.user.municipalityIds);
    } catch (e) {
      setNotice({ kind: 'error', text: failureText(e, t, locale) });
    }
  }, [ws.api, userId, t, locale]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (run: () => Promise<string>) => {
    setBusy(true);
    setNotice(null);
    try {
      const text = await run();
      setNotice({ kind: 'ok', text });
      await load();
      onChanged();
    } catch (e) {
      setNotice({ kind: 'error', text: failureText(e, t, locale), field: failedField(e) });
    } finally {
      setBusy(false);
    }
  };

  const back = (
    <p>
      <a href={routeHash({ name: 'users' })}>{t('detail.back')}</a>
    </p>
  );
  if (!user) {
    return (
      <section className="users">
        {back}
        {notice ? <p role="alert">{notice.text}</p> : <p role="status">{t('users.loading')}</p>}
      </section>
    );
  }
  const params = { id: user.id };
  const roleChoices = [...new Set([user.role, ...assignableRoles(actor)])];
  const withMunicipalities = role === 'consultant' || role === 'requester';

  return (
    <section className="users users--detail" aria-labelledby={`${id}-title`}>
      {back}
      <h1 id={`${id}-title`}>{user.displayName}</h1>
      <dl className="users-facts" aria-label={t('detail.facts')}>
        <dt>{t('users.username')}</dt>
        <dd>{user.username}</dd>
        <dt>{t('users.email')}</dt>
        <dd>{user.email ?? '–'}</dd>
        <dt>{t('users.source')}</dt>
        <dd>{t(`source.${user.source}`)}</dd>
        <dt>{t('users.status')}</dt>
        <dd>{user.disabled ? t('users.disabled') : t('users.active')}</dd>
        <dt>{t('users.lastSignIn')}</dt>
        <dd>{user.lastSignInAt ? formatDateTime(user.lastSignInAt, locale) : t('users.never')}</dd>
        <dt>{t('detail.facts')}</dt>
        <dd>
          {t('detail.created', { at: formatDateTime(user.createdAt, locale) })} ·{' '}
          {t('detail.sessions', { count: user.sessions })}
          {user.totpEnabled ? ` · ${t('detail.totpOn')}` : ''}
        </dd>
      </dl>

      {notice ? (
        <p role={notice.kind === 'error' ? 'alert' : 'status'} className={`users__${notice.kind}`}>
          {notice.text}
        </p>
      ) : null}

      <form
        className="users-form"
        aria-labelledby={`${id}-edit`}
        onSubmit={(e) => {
          e.preventDefault();
          void act(async () => {
            await ws.api.call(updateAdminUser, {
              params,
              body: { role, municipalityIds: withMunicipalities ? municipalityIds : [] },
            });
            return t('detail.saved');
          });
        }}
      >
        <h2 id={`${id}-edit`}>{t('detail.edit')}</h2>
        {user.source !== 'local' ? <p className="users__note">{t('detail.ssoNote')}</p> : null}
        <div className="users-field">
          <label htmlFor={`${id}-role`}>{t('users.role')}</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {roleChoices.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}` as UsersMessageKey)}
              </option>
            ))}
          </select>
        </div>
        {withMunicipalities ? (
          <MunicipalityChoice
            legend={t('detail.municipalities')}
            value={municipalityIds}
            onChange={setMunicipalityIds}
          />
        ) : null}
        <button type="submit" disabled={busy}>
          {t('detail.save')}
        </button>
      </form>

      <div className="users-actions">
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void act(async () => {
              const disabled = !user.disabled;
              await ws.api.call(setUserDisabled, { params, body: { disabled } });
              return t(disabled ? 'detail.disabledDone' : 'detail.enabledDone', {
                name: user.displayName,
              });
            })
          }
        >
          {user.disabled ? t('detail.enable') : t('detail.disable')}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void act(async () => {
              const answer = await ws.api.call(endUserSessions, { params });
              return t('detail.endedSessions', { count: answer.ended });
            })
          }
        >
          {t('detail.endSessions')}
        </button>
      </div>

      {user.hasPassword || user.source === 'local' ? (
        <form
          className="users-form"
          aria-labelledby={`${id}-reset`}
          onSubmit={(e) => {
            e.preventDefault();
            void act(async () => {
              await ws.api.call(resetUserPassword, { params, body: { newPassword, removeTotp } });
              setNewPassword('');
              setRemoveTotp(false);
              return t('detail.resetDone');
            });
          }}
        >
          <h2 id={`${id}-reset`}>{t('detail.resetPassword')}</h2>
          <div className="users-field">
            <label htmlFor={`${id}-password`}>{t('detail.newPassword')}</label>
            <input
              id={`${id}-password`}
              type="password"
              autoComplete="new-password"
              required
              value={newPassword}
              aria-invalid={notice?.field === 'newPassword' ? true : undefined}
              onChange={(e) => setNewPassword(e.target.value)}
            />
          </div>
          {user.totpEnabled ? (
            <label className="users-check">
              <input
                type="checkbox"
                checked={removeTotp}
                onChange={(e) => setRemoveTotp(e.target.checked)}
              />{' '}
              {t('detail.removeTotp')}
            </label>
          ) : null}
          <button type="submit" disabled={busy}>
            {t('detail.resetPassword')}
          </button>
        </form>
      ) : null}

      <h2>{t('detail.history')}</h2>
      {history.length === 0 ? (
        <p>{t('detail.noHistory')}</p>
      ) : (
        <ol className="users-history" data-testid="user-history">
          {history.map((h) => (
            <li key={h.id}>
              <time dateTime={h.at}>{formatDateTime(h.at, locale)}</time> {historyText(h, t)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

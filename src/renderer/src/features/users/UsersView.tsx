import { assignableRoles } from '@core/account/user-admin-rules';
import {
  type AdminUser,
  type LastSignInFilter,
  listAdminUsers,
  type UserSource,
} from '@core/api/index';
import { type Role, roles } from '@core/rules/index';
import { useEffect, useId, useMemo, useState } from 'react';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-t';
import { routeHash } from '../../stores/route-store';
import { useServiceConfigStore } from '../../stores/service-config-store';
import { actorOf } from '../../workstation/workstation';
import { useWorkstation } from '../../workstation/workstation-context';
import { CreateUserDialog } from './CreateUserDialog';
import { UserDetail } from './UserDetail';
import { type UsersMessageKey, useUsersT } from './users-messages';
import { failureText } from './users-words';
import './users.css';

interface Filters {
  q: string;
  role: Role | '';
  municipality: string;
  source: UserSource | '';
  status: 'active' | 'disabled' | '';
  lastSignIn: LastSignInFilter | '';
}

const noFilters: Filters = {
  q: '',
  role: '',
  municipality: '',
  source: '',
  status: '',
  lastSignIn: '',
};

/**
 * The Users screen (admins; team leaders see the agents of their line): search and filter by
 * role, municipality, source and last sign-in; open a user to change them and see their
 * history; create a local account. Online only: accounts are the server's, not the device's.
 */
export default function UsersView({ userId }: { userId?: string }) {
  const t = useUsersT();
  const locale = useLocale();
  const ws = useWorkstation();
  const id = useId();
  const actor = actorOf(ws.session);
  const municipalities = useServiceConfigStore((s) => s.config.municipalities);
  const municipalityName = useMemo(() => {
    const names = new Map(municipalities.map((m) => [m.id, m.name]));
    return (mid: string) => names.get(mid) ?? mid;
  }, [municipalities]);
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [users, setUsers] = useState<AdminUser[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    // Typing in the search waits a moment so each key is not a request.
    const timer = setTimeout(
      () => {
        const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== ''));
        ws.api
          .call(listAdminUsers, { query })
          .then((answer) => {
            if (!live) return;
            setUsers(answer.users);
            setError(null);
          })
          .catch((e: unknown) => {
            if (live) setError(failureText(e, t, locale));
          });
      },
      reload === 0 && filters.q === '' ? 0 : 250,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [filters, reload, ws.api, t, locale]);

  if (userId) {
    return <UserDetail userId={userId} onChanged={() => setReload((n) => n + 1)} />;
  }

  const set = <K extends keyof Filters>(key: K, value: Filters[K]) =>
    setFilters((f) => ({ ...f, [key]: value }));
  const roleChoices = actor.role === 'admin' ? roles : (['agent'] as const);
  const select = <K extends keyof Filters>(
    key: K,
    label: string,
    options: readonly { value: string; label: string }[],
  ) => (
    <div className="users-filter">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select
        id={`${id}-${key}`}
        value={filters[key]}
        onChange={(e) => set(key, e.target.value as Filters[K])}
      >
        <option value="">{t('users.any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section className="users" aria-labelledby={`${id}-title`}>
      <div className="users__head">
        <h1 id={`${id}-title`}>{t('users.title')}</h1>
        {assignableRoles(actor).length > 0 ? (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            {t('users.new')}
          </button>
        ) : null}
      </div>
      <form
        className="users-filters"
        aria-label={t('users.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="users-filter users-filter--wide">
          <label htmlFor={`${id}-q`}>{t('users.search')}</label>
          <input
            id={`${id}-q`}
            type="search"
            value={filters.q}
            onChange={(e) => set('q', e.target.value)}
          />
        </div>
        {select(
          'role',
          t('users.role'),
          roleChoices.map((r) => ({ value: r, label: t(`role.${r}` as UsersMessageKey) })),
        )}
        {select(
          'municipality',
          t('users.municipality'),
          municipalities.map((m) => ({ value: m.id, label: m.name })),
        )}
        {select(
          'source',
          t('users.source'),
          (['local', 'oidc', 'scim'] as const).map((s) => ({ value: s, label: t(`source.${s}`) })),
        )}
        {select('status', t('users.status'), [
          { value: 'active', label: t('users.active') },
          { value: 'disabled', label: t('users.disabled') },
        ])}
        {select(
          'lastSignIn',
          t('users.lastSignIn'),
          (['7d', '30d', 'over30d', 'never'] as const).map((v) => ({
            value: v,
            label: t(`lastSignIn.${v}`),
          })),
        )}
      </form>
      {error ? (
        <p role="alert" className="users__error">
          {error}
        </p>
      ) : null}
      {users === null && !error ? <p role="status">{t('users.loading')}</p> : null}
      {users ? (
        <>
          <p role="status" className="users__count">
            {t('users.count', { count: users.length })}
          </p>
          {users.length === 0 ? (
            <p>{t('users.none')}</p>
          ) : (
            <div className="users__table-wrap">
              <table className="users__table">
                <thead>
                  <tr>
                    <th scope="col">{t('users.name')}</th>
                    <th scope="col">{t('users.username')}</th>
                    <th scope="col">{t('users.role')}</th>
                    <th scope="col">{t('users.municipality')}</th>
                    <th scope="col">{t('users.source')}</th>
                    <th scope="col">{t('users.lastSignIn')}</th>
                    <th scope="col">{t('users.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {users.map((u) => (
                    <tr key={u.id} className={u.disabled ? 'users__row--disabled' : undefined}>
                      <th scope="row">
                        <a href={routeHash({ name: 'users', userId: u.id })}>{u.displayName}</a>
                      </th>
                      <td>{u.username}</td>
                      <td>{t(`role.${u.role}` as UsersMessageKey)}</td>
                      <td>{u.municipalityIds.map(municipalityName).join(', ')}</td>
                      <td>{t(`source.${u.source}`)}</td>
                      <td>
                        {u.lastSignInAt ? formatDateTime(u.lastSignInAt, locale) : t('users.never')}
                      </td>
                      <td>{u.disabled ? t('users.disabled') : t('users.active')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
      {creating ? (
        <CreateUserDialog
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            setReload((n) => n + 1);
          }}
        />
      ) : null}
    </section>
  );
}

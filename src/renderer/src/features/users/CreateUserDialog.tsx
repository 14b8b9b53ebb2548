import { assignableRoles } from '@core/account/user-admin-rules';
import { createLocalUser } from '@core/api/index';
import type { Role } from '@core/rules/index';
import { useId, useState } from 'react';
import { useLocale } from '../../i18n/use-t';
import { Dialog } from '../../workstation/Dialog';
import { actorOf } from '../../workstation/workstation';
import { useWorkstation } from '../../workstation/workstation-context';
import { MunicipalityChoice } from './MunicipalityChoice';
import { type UsersMessageKey, useUsersT } from './users-messages';
import { failedField, failureText } from './users-words';

/** A new local account: username, name, e-mail, role, municipalities and a first password. */
export function CreateUserDialog(props: { onClose: () => void; onCreated: () => void }) {
  const t = useUsersT();
  const locale = useLocale();
  const ws = useWorkstation();
  const id = useId();
  const choices = assignableRoles(actorOf(ws.session));
  const [form, setForm] = useState({
    username: '',
    displayName: '',
    email: '',
    role: (choices[0] ?? 'agent') as Role,
    municipalityIds: [] as string[],
    password: '',
  });
  const [error, setError] = useState<{ text: string; field: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await ws.api.call(createLocalUser, {
        body: {
          username: form.username,
          displayName: form.displayName,
          role: form.role,
          municipalityIds:
            form.role === 'consultant' || form.role === 'requester' ? form.municipalityIds : [],
          email: form.email.trim() === '' ? null : form.email.trim(),
          password: form.password,
        },
      });
      props.onCreated();
    } catch (e) {
      setError({ text: failureText(e, t, locale), field: failedField(e) });
    } finally {
      setBusy(false);
    }
  }

  const field = (
    key: 'username' | 'displayName' | 'email' | 'password',
    label: string,
    type = 'text',
    autoComplete = 'off',
  ) => (
    <div className="users-field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type={type}
        required={key !== 'email'}
        autoComplete={autoComplete}
        value={form[key]}
        aria-invalid={error?.field === key ? true : undefined}
        aria-describedby={error?.field === key ? `${id}-error` : undefined}
        onChange={(e) => set(key, e.target.value)}
      />
    </div>
  );

  return (
    <Dialog title={t('create.title')} onClose={props.onClose}>
      <form onSubmit={submit} className="users-form">
        {field('displayName', t('users.name'))}
        {field('username', t('users.username'))}
        {field('email', t('users.email'), 'email')}
        <div className="users-field">
          <label htmlFor={`${id}-role`}>{t('users.role')}</label>
          <select
            id={`${id}-role`}
            value={form.role}
            onChange={(e) => set('role', e.target.value as Role)}
          >
            {choices.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}` as UsersMessageKey)}
              </option>
            ))}
          </select>
        </div>
        {form.role === 'consultant' || form.role === 'requester' ? (
          <MunicipalityChoice
            legend={t('detail.municipalities')}
            value={form.municipalityIds}
            onChange={(ids) => set('municipalityIds', ids)}
          />
        ) : null}
        {field('password', t('create.password'), 'password', 'new-password')}
        {error ? (
          <p id={`${id}-error`} role="alert" className="users__error">
            {error.text}
          </p>
        ) : null}
        <div className="dialog__actions">
          <button type="button" onClick={props.onClose}>
            {t('account.close')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('create.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

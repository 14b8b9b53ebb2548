import { isPasswordRule, passwordProblemText } from '@core/account/password-policy';
import { changeOwnPassword } from '@core/api';
import { ApiError, createApiClient } from '@web/api';
import { type FormEvent, useId, useState } from 'react';
import { usePortal } from '../app/portal-context';

/**
 * Change one's own password (local portal accounts): the current password is required, the
 * policy's refusal is said in the user's language with the field marked, and other sessions
 * end. Accounts that sign in through their municipality are told to change it there.
 */
export function AccountPage() {
  const { t, locale, session, config } = usePortal();
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string; field?: string } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);
  const minLength = config.passwordPolicy?.minLength ?? 12;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (next !== repeat) {
      setMessage({ ok: false, text: t('account.mismatch'), field: 'repeat' });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const api = createApiClient({ baseUrl: '', getToken: () => session.token });
      await api.call(changeOwnPassword, { body: { currentPassword: current, newPassword: next } });
      setCurrent('');
      setNext('');
      setRepeat('');
      setMessage({ ok: true, text: t('account.changed') });
    } catch (error) {
      const rule = error instanceof ApiError ? error.rule : null;
      if (error instanceof ApiError && rule && isPasswordRule(rule)) {
        setMessage({
          ok: false,
          text: passwordProblemText(rule, error.params, locale),
          field: 'newPassword',
        });
      } else if (rule === 'account.wrongPassword') {
        setMessage({ ok: false, text: t('account.wrongPassword'), field: 'currentPassword' });
      } else if (rule === 'users.noLocalPassword') {
        setMessage({ ok: false, text: t('account.sso') });
      } else {
        setMessage({ ok: false, text: t('account.failed') });
      }
    } finally {
      setBusy(false);
    }
  }

  const fieldProps = (field: string) =>
    message?.field === field
      ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-message` }
      : {};

  return (
    <>
      <h1>{t('account.heading')}</h1>
      <form className="form" onSubmit={submit} noValidate>
        <p id={`${id}-policy`}>{t('account.policy', { min: minLength })}</p>
        <div className="field">
          <label htmlFor={`${id}-current`}>{t('account.current')}</label>
          <input
            id={`${id}-current`}
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            {...fieldProps('currentPassword')}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-new`}>{t('account.new')}</label>
          <input
            id={`${id}-new`}
            type="password"
            autoComplete="new-password"
            aria-describedby={`${id}-policy`}
            value={next}
            onChange={(e) => setNext(e.target.value)}
            {...fieldProps('newPassword')}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-repeat`}>{t('account.repeat')}</label>
          <input
            id={`${id}-repeat`}
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
            {...fieldProps('repeat')}
          />
        </div>
        {message ? (
          <p
            id={`${id}-message`}
            role={message.ok ? 'status' : 'alert'}
            className={message.ok ? 'alert alert--ok' : 'alert alert--error'}
          >
            {message.text}
          </p>
        ) : null}
        <button type="submit" className="button" disabled={busy}>
          {t('account.submit')}
        </button>
      </form>
    </>
  );
}

import { changeOwnPassword, confirmTotpEnrolment, startTotpEnrolment } from '@core/api/index';
import { useId, useState } from 'react';
import { useLocale } from '../../i18n/use-t';
import { useServiceConfigStore } from '../../stores/service-config-store';
import { Dialog } from '../../workstation/Dialog';
import { useWorkstation } from '../../workstation/workstation-context';
import { useUsersT } from './users-messages';
import { failedField, failureText } from './users-words';
import './users.css';

type Notice = { kind: 'ok' | 'error'; text: string; field?: string | null } | null;

/** "Kontoen min" in the header: opens the account dialog. */
export function AccountButton() {
  const t = useUsersT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {t('account.open')}
      </button>
      {open ? <AccountDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}

/**
 * One's own account: change the password (the current one is required; other sessions end)
 * and turn on two-step sign-in (scan the QR code or type the key, then confirm with a code).
 */
export function AccountDialog(props: { onClose: () => void }) {
  const t = useUsersT();
  const locale = useLocale();
  const ws = useWorkstation();
  const id = useId();
  const minLength = useServiceConfigStore((s) => s.config.passwordPolicy?.minLength ?? 12);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const [enrolment, setEnrolment] = useState<{ secret: string; qrSvg: string } | null>(null);
  const [code, setCode] = useState('');
  const [totpNotice, setTotpNotice] = useState<Notice>(null);

  async function changePassword(event: React.FormEvent) {
    event.preventDefault();
    if (next !== repeat) {
      setNotice({ kind: 'error', text: t('account.mismatch'), field: 'repeat' });
      return;
    }
    setBusy(true);
    setNotice(null);
    try {
      await ws.api.call(changeOwnPassword, {
        body: { currentPassword: current, newPassword: next },
      });
      setCurrent('');
      setNext('');
      setRepeat('');
      setNotice({ kind: 'ok', text: t('account.changed') });
    } catch (e) {
      setNotice({ kind: 'error', text: failureText(e, t, locale), field: failedField(e) });
    } finally {
      setBusy(false);
    }
  }

  async function startTotp() {
    setTotpNotice(null);
    try {
      const answer = await ws.api.call(startTotpEnrolment, {});
      setEnrolment({ secret: answer.secret, qrSvg: answer.qrSvg });
    } catch (e) {
      setTotpNotice({ kind: 'error', text: failureText(e, t, locale) });
    }
  }

  async function confirmTotp(event: React.FormEvent) {
    event.preventDefault();
    if (!enrolment) return;
    try {
      await ws.api.call(confirmTotpEnrolment, { body: { secret: enrolment.secret, code } });
      setEnrolment(null);
      setCode('');
      setTotpNotice({ kind: 'ok', text: t('account.totpOn') });
    } catch (e) {
      setTotpNotice({ kind: 'error', text: failureText(e, t, locale), field: 'code' });
    }
  }

  const invalid = (field: string) => (notice?.field === field ? true : undefined);
  const described = (field: string) => (notice?.field === field ? `${id}-notice` : undefined);

  return (
    <Dialog title={t('account.title')} onClose={props.onClose}>
      <form className="users-form" onSubmit={changePassword} aria-labelledby={`${id}-pw`}>
        <h3 id={`${id}-pw`}>{t('account.changePassword')}</h3>
        <p id={`${id}-policy`} className="users__note">
          {t('account.policy', { min: minLength })}
        </p>
        <div className="users-field">
          <label htmlFor={`${id}-current`}>{t('account.current')}</label>
          <input
            id={`${id}-current`}
            type="password"
            autoComplete="current-password"
            required
            value={current}
            aria-invalid={invalid('currentPassword')}
            aria-describedby={described('currentPassword')}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </div>
        <div className="users-field">
          <label htmlFor={`${id}-new`}>{t('account.new')}</label>
          <input
            id={`${id}-new`}
            type="password"
            autoComplete="new-password"
            required
            value={next}
            aria-invalid={invalid('newPassword')}
            aria-describedby={[`${id}-policy`, described('newPassword')].filter(Boolean).join(' ')}
            onChange={(e) => setNext(e.target.value)}
          />
        </div>
        <div className="users-field">
          <label htmlFor={`${id}-repeat`}>{t('account.repeat')}</label>
          <input
            id={`${id}-repeat`}
            type="password"
            autoComplete="new-password"
            required
            value={repeat}
            aria-invalid={invalid('repeat')}
            aria-describedby={described('repeat')}
            onChange={(e) => setRepeat(e.target.value)}
          />
        </div>
        {notice ? (
          <p
            id={`${id}-notice`}
            role={notice.kind === 'error' ? 'alert' : 'status'}
            className={`users__${notice.kind}`}
          >
            {notice.text}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          {t('account.changePassword')}
        </button>
      </form>

      <section aria-labelledby={`${id}-totp`}>
        <h3 id={`${id}-totp`}>{t('account.totp')}</h3>
        {enrolment ? (
          <form className="users-form" onSubmit={confirmTotp}>
            <p>{t('account.totpScan')}</p>
            <img
              className="users-qr"
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`}
              alt={t('account.totpQr')}
              width={180}
              height={180}
            />
            <p>
              {t('account.totpSecret')}: <code data-testid="totp-secret">{enrolment.secret}</code>
            </p>
            <div className="users-field">
              <label htmlFor={`${id}-code`}>{t('account.totpCode')}</label>
              <input
                id={`${id}-code`}
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]{6}"
                required
                value={code}
                aria-invalid={totpNotice?.field === 'code' ? true : undefined}
                onChange={(e) => setCode(e.target.value)}
              />
            </div>
            <button type="submit">{t('account.totpConfirm')}</button>
          </form>
        ) : (
          <button type="button" onClick={() => void startTotp()}>
            {t('account.totpStart')}
          </button>
        )}
        {totpNotice ? (
          <p
            role={totpNotice.kind === 'error' ? 'alert' : 'status'}
            className={`users__${totpNotice.kind}`}
          >
            {totpNotice.text}
          </p>
        ) : null}
      </section>
      <div className="dialog__actions">
        <button type="button" onClick={props.onClose}>
          {t('account.close')}
        </button>
      </div>
    </Dialog>
  );
}

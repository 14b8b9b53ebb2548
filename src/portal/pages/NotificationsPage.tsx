import { getNotificationPreferences, putNotificationPreferences } from '@core/api';
import type { Locale } from '@core/config';
import {
  type NotificationKind,
  type NotificationPreferences,
  notificationKindSchema,
} from '@core/notifications/notification-kinds';
import { createApiClient } from '@web/api';
import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { usePortal } from '../app/portal-context';

/** This page's words (kept beside it; the portal catalogues hold only its heading and link). */
const words: Record<Locale, Record<string, string>> = {
  nn: {
    intro:
      'Vel kva e-post du vil ha om sakene dine. Nokre e-postar er naudsynte for saka og kjem alltid.',
    address: 'E-post går til {email}.',
    noAddress:
      'Kontoen din har inga e-postadresse. Sakene dine får e-post berre om adressa står på saka.',
    noMail: 'Brukarstøtta sender ikkje e-post no.',
    essential: '(naudsynt)',
    onlyEssential: 'Berre naudsynte e-postar',
    save: 'Lagre',
    saved: 'Vala er lagra.',
    failed: 'Fekk ikkje lagra. Prøv igjen om litt.',
    loading: 'Lastar …',
    caseReceived: 'Kvittering når saka er registrert',
    agentReplied: 'Svar frå brukarstøtta',
    waitingForYou: 'Når vi ventar på svar frå deg',
    resolved: 'Når saka er løyst (stadfest eller opna att)',
    closed: 'Når saka er lukka',
  },
  nb: {
    intro:
      'Velg hvilke e-poster du vil ha om sakene dine. Noen e-poster er nødvendige for saken og kommer alltid.',
    address: 'E-post går til {email}.',
    noAddress:
      'Kontoen din har ingen e-postadresse. Sakene dine får e-post bare hvis adressen står på saken.',
    noMail: 'Brukerstøtten sender ikke e-post nå.',
    essential: '(nødvendig)',
    onlyEssential: 'Bare nødvendige e-poster',
    save: 'Lagre',
    saved: 'Valgene er lagret.',
    failed: 'Fikk ikke lagret. Prøv igjen om litt.',
    loading: 'Laster …',
    caseReceived: 'Kvittering når saken er registrert',
    agentReplied: 'Svar fra brukerstøtten',
    waitingForYou: 'Når vi venter på svar fra deg',
    resolved: 'Når saken er løst (bekreft eller gjenåpne)',
    closed: 'Når saken er lukket',
  },
  en: {
    intro:
      'Choose which e-mails you want about your cases. Some e-mails are essential for the case and always come.',
    address: 'E-mail goes to {email}.',
    noAddress:
      'Your account has no e-mail address. Your cases get e-mail only if the address is on the case.',
    noMail: 'User support sends no e-mail now.',
    essential: '(essential)',
    onlyEssential: 'Only essential e-mails',
    save: 'Save',
    saved: 'The choices are saved.',
    failed: 'Could not save. Try again in a while.',
    loading: 'Loading …',
    caseReceived: 'Receipt when the case is registered',
    agentReplied: 'Replies from user support',
    waitingForYou: 'When we are waiting for your answer',
    resolved: 'When the case is resolved (confirm or reopen)',
    closed: 'When the case is closed',
  },
};

/** A requester's e-mail choices per kind, and "only essential e-mails" (the unsubscribe link's). */
export function NotificationsPage() {
  const { t, locale, session } = usePortal();
  const w = words[locale];
  const id = useId();
  const api = useMemo(
    () => createApiClient({ baseUrl: '', getToken: () => session.token }),
    [session],
  );
  const [answer, setAnswer] = useState<Awaited<ReturnType<typeof load>> | null>(null);
  const [draft, setDraft] = useState<NotificationPreferences | null>(null);
  const [status, setStatus] = useState('');
  function load() {
    return api.call(getNotificationPreferences, {});
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: loaded once per session
  useEffect(() => {
    void load().then(
      (a) => {
        setAnswer(a);
        setDraft(a.preferences);
      },
      () => setStatus(w.failed!),
    );
  }, [api]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    try {
      await api.call(putNotificationPreferences, { body: draft });
      setStatus(w.saved!);
    } catch {
      setStatus(w.failed!);
    }
  }

  const essential = (kind: NotificationKind) => answer?.essential.includes(kind) ?? false;
  const on = (kind: NotificationKind) =>
    essential(kind) || (draft?.kinds[kind]?.email ?? !draft?.unsubscribedAll);
  return (
    <section className="page-section" aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`} tabIndex={-1}>
        {t('notifications.heading')}
      </h1>
      <p>{w.intro}</p>
      {!answer || !draft ? (
        <p role="status">{status || w.loading}</p>
      ) : (
        <form onSubmit={submit}>
          {!answer.mailEnabled ? <p>{w.noMail}</p> : null}
          <p>{answer.email ? w.address!.replace('{email}', answer.email) : w.noAddress}</p>
          <fieldset>
            <legend>{t('notifications.heading')}</legend>
            {answer.kinds.map((raw) => {
              const kind = notificationKindSchema.parse(raw);
              return (
                <p key={kind}>
                  <label>
                    <input
                      type="checkbox"
                      checked={on(kind)}
                      disabled={essential(kind)}
                      onChange={(e) => {
                        setStatus('');
                        setDraft({
                          ...draft,
                          kinds: { ...draft.kinds, [kind]: { email: e.target.checked } },
                        });
                      }}
                    />{' '}
                    {w[kind] ?? kind} {essential(kind) ? w.essential : ''}
                  </label>
                </p>
              );
            })}
            <p>
              <label>
                <input
                  type="checkbox"
                  checked={draft.unsubscribedAll}
                  onChange={(e) => {
                    setStatus('');
                    setDraft({ ...draft, unsubscribedAll: e.target.checked });
                  }}
                />{' '}
                {w.onlyEssential}
              </label>
            </p>
          </fieldset>
          <button type="submit" className="button">
            {w.save}
          </button>
          <p role="status">{status}</p>
        </form>
      )}
    </section>
  );
}

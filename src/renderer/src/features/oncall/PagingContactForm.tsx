import { getPagingContact, type pagingContactViewSchema, putPagingContact } from '@core/api';
import { type FormEvent, useEffect, useState } from 'react';
import type { z } from 'zod';
import { useWorkstation } from '../../workstation/workstation-context';
import { useOnCallT } from './oncall-messages';

type Contact = z.infer<typeof pagingContactViewSchema>;

/** How I am paged: SMS number, e-mail, channels, push devices, my calendar feed. */
export function PagingContactForm() {
  const ws = useWorkstation();
  const t = useOnCallT();
  const [contact, setContact] = useState<Contact | null>(null);
  const [status, setStatus] = useState('');
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once per workstation
  useEffect(() => {
    ws.api
      .call(getPagingContact, {})
      .then(setContact, (e: Error) => setStatus(t('loadFailed', { message: e.message })));
  }, [ws]);
  if (!contact) return <p role="status">{status || t('loading')}</p>;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const saved = await ws.api.call(putPagingContact, {
        body: {
          phone: contact.phone || null,
          email: contact.email || null,
          pushOn: contact.pushOn,
          smsOn: contact.smsOn,
          emailOn: contact.emailOn,
        },
      });
      setContact(saved);
      setStatus(t('saved'));
    } catch (error) {
      setStatus(t('saveFailed', { message: (error as Error).message }));
    }
  };
  const pageUrl = new URL('/vakt/', contact.feedUrl).toString();
  return (
    <section aria-labelledby="oncall-contact-heading" className="oncall-section">
      <h2 id="oncall-contact-heading">{t('contact.heading')}</h2>
      <form onSubmit={submit} className="oncall-form">
        <label>
          {t('contact.phone')}
          <input
            type="tel"
            autoComplete="tel"
            value={contact.phone ?? ''}
            onChange={(e) => setContact({ ...contact, phone: e.target.value })}
          />
        </label>
        <label>
          {t('contact.email')}
          <input
            type="email"
            autoComplete="email"
            value={contact.email ?? ''}
            onChange={(e) => setContact({ ...contact, email: e.target.value })}
          />
        </label>
        <fieldset>
          <legend>{t('contact.channels')}</legend>
          {(
            [
              ['pushOn', 'contact.push'],
              ['smsOn', 'contact.sms'],
              ['emailOn', 'contact.mail'],
            ] as const
          ).map(([field, label]) => (
            <label key={field} className="oncall-check">
              <input
                type="checkbox"
                checked={contact[field]}
                onChange={(e) => setContact({ ...contact, [field]: e.target.checked })}
              />
              {t(label)}
            </label>
          ))}
        </fieldset>
        <button type="submit">{t('contact.save')}</button>
        <p role="status">{status}</p>
      </form>
      <p>{t('contact.devices', { count: contact.pushSubscriptions })}</p>
      <p>
        {t('contact.openPage')} <a href={pageUrl}>{pageUrl}</a>
      </p>
      <p>
        {t('contact.feed')} <code className="oncall-feed">{contact.feedUrl}</code>
      </p>
    </section>
  );
}

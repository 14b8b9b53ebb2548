/**
 * The pages behind the links in mail: confirm or reopen a solved case, unsubscribe. HTML
 * forms for a person's browser (contract routes with HTML answers), reached without signing
 * in (the signed token is the permission). Opening a link (GET) only shows
 * a page with a button: mail scanners that fetch links must not confirm a case. The button
 * POSTs; confirm and reopen work once. `List-Unsubscribe-Post` one-click (RFC 8058) posts
 * to the same address.
 */
import { randomUUID } from 'node:crypto';
import { actOnMailLink, openMailLink } from '@core/api';
import type { Locale } from '@core/config';
import { escapeHtml, noPreferences } from '@core/notifications';
import type { Context } from 'hono';
import { loadCase } from '../cases/case-queries';
import { applyMutation } from '../cases/mutation-service';
import type { AppEnv, AppRouter } from '../http/app-env';
import { mountRoute } from '../http/contract-route';
import type { ServerContext } from '../server-context';
import { type LinkCheck, linkSecret, linkUsed, spendLink, verifyLink } from './mail-links';
import { preferencesOf, savePreferences } from './preferences-store';
import { requesterActor } from './requester-account';

const texts: Record<Locale, Record<string, string>> = {
  nn: {
    confirmTitle: 'Stadfest at saka er løyst',
    confirmText: 'Trykk på knappen for å stadfeste at saka {number} er løyst. Saka blir då lukka.',
    confirmButton: 'Stadfest',
    reopenTitle: 'Opna saka att',
    reopenText:
      'Er problemet i sak {number} ikkje borte? Skriv gjerne kva som framleis er feil, og trykk på knappen.',
    reopenLabel: 'Kva er framleis feil? (valfritt)',
    reopenButton: 'Opna saka att',
    unsubscribeTitle: 'Meld av e-post',
    unsubscribeText: 'Du får då berre e-postar som er naudsynte for sakene dine.',
    unsubscribeButton: 'Meld av',
    doneConfirm: 'Takk! Saka er lukka.',
    doneReopen: 'Saka er opna att. Vi ser på ho igjen.',
    doneUnsubscribe: 'Du er meld av. Du får berre naudsynte e-postar.',
    invalid: 'Lenkja er ikkje gyldig.',
    expired: 'Lenkja har gått ut. Opne saka i sjølvbeteningsportalen i staden.',
    used: 'Lenkja er alt brukt.',
    refused: 'Saka kunne ikkje endrast no (ho er kanskje alt lukka eller opna att).',
  },
  nb: {
    confirmTitle: 'Bekreft at saken er løst',
    confirmText: 'Trykk på knappen for å bekrefte at sak {number} er løst. Saken blir da lukket.',
    confirmButton: 'Bekreft',
    reopenTitle: 'Gjenåpne saken',
    reopenText:
      'Er problemet i sak {number} ikke borte? Skriv gjerne hva som fortsatt er feil, og trykk på knappen.',
    reopenLabel: 'Hva er fortsatt feil? (valgfritt)',
    reopenButton: 'Gjenåpne saken',
    unsubscribeTitle: 'Meld av e-post',
    unsubscribeText: 'Du får da bare e-poster som er nødvendige for sakene dine.',
    unsubscribeButton: 'Meld av',
    doneConfirm: 'Takk! Saken er lukket.',
    doneReopen: 'Saken er gjenåpnet. Vi ser på den igjen.',
    doneUnsubscribe: 'Du er meldt av. Du får bare nødvendige e-poster.',
    invalid: 'Lenken er ikke gyldig.',
    expired: 'Lenken har gått ut. Åpne saken i selvbetjeningsportalen i stedet.',
    used: 'Lenken er allerede brukt.',
    refused: 'Saken kunne ikke endres nå (den er kanskje allerede lukket eller gjenåpnet).',
  },
  en: {
    confirmTitle: 'Confirm the case is resolved',
    confirmText:
      'Press the button to confirm that case {number} is resolved. The case is then closed.',
    confirmButton: 'Confirm',
    reopenTitle: 'Reopen the case',
    reopenText:
      'Is the problem in case {number} not gone? Say what is still wrong if you like, and press the button.',
    reopenLabel: 'What is still wrong? (optional)',
    reopenButton: 'Reopen the case',
    unsubscribeTitle: 'Unsubscribe from e-mail',
    unsubscribeText: 'You will then get only the e-mails your cases need.',
    unsubscribeButton: 'Unsubscribe',
    doneConfirm: 'Thank you! The case is closed.',
    doneReopen: 'The case is reopened. We will look at it again.',
    doneUnsubscribe: 'You are unsubscribed. You will get only essential e-mails.',
    invalid: 'The link is not valid.',
    expired: 'The link has expired. Open the case in the service portal instead.',
    used: 'The link has already been used.',
    refused: 'The case could not be changed now (it may already be closed or reopened).',
  },
};

function languageOf(c: Context<AppEnv>): Locale {
  const query = c.req.query('lang');
  if (query === 'nn' || query === 'nb' || query === 'en') return query;
  const accept = (c.req.header('accept-language') ?? '').toLowerCase();
  for (const part of accept.split(',')) {
    const tag = part.trim().split(';')[0]!;
    if (tag.startsWith('nn')) return 'nn';
    if (tag.startsWith('nb') || tag === 'no' || tag.startsWith('no-')) return 'nb';
    if (tag.startsWith('en')) return 'en';
  }
  return 'nn';
}

function page(language: Locale, title: string, inner: string, status = 200) {
  const html = `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:sans-serif;font-size:1.1rem;line-height:1.5;max-width:36em;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
button{font-size:1.1rem;padding:.6em 1.2em;background:#0b4fa8;color:#fff;border:0;border-radius:4px;cursor:pointer}
button:focus-visible,textarea:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}
textarea{width:100%;font:inherit;min-height:6em}label{display:block;margin:1em 0 .3em;font-weight:bold}</style>
</head><body><main><h1>${escapeHtml(title)}</h1>${inner}</main></body></html>`;
  return { html, status };
}

export function mountMailLinkPages(app: AppRouter, ctx: ServerContext): void {
  const check = async (token: string): Promise<LinkCheck> => {
    const key = await linkSecret(ctx.db);
    const verdict = verifyLink(key, token, ctx.now());
    if (
      verdict.ok &&
      verdict.link.action !== 'unsubscribe' &&
      (await linkUsed(ctx.db, verdict.link.id))
    ) {
      return { ok: false, reason: 'used' };
    }
    return verdict;
  };

  mountRoute(app, ctx, openMailLink, async ({ c, params }) => {
    // A page for one person's link: never kept by a cache.
    c.header('cache-control', 'no-store');
    const language = languageOf(c);
    const t = texts[language];
    const verdict = await check(params.token);
    if (!verdict.ok) {
      const p = page(language, t[verdict.reason]!, '', verdict.reason === 'invalid' ? 404 : 410);
      return c.html(p.html, p.status as 404);
    }
    const { link } = verdict;
    const record = link.caseId ? await loadCase(ctx, link.caseId) : undefined;
    const number = escapeHtml(record?.number ?? '');
    const action = escapeHtml(c.req.path);
    const form = (button: string, extra = '') =>
      `<form method="post" action="${action}?lang=${language}">${extra}<p><button type="submit">${escapeHtml(button)}</button></p></form>`;
    let p: { html: string; status: number };
    if (link.action === 'confirm') {
      p = page(
        language,
        t.confirmTitle!,
        `<p>${escapeHtml(t.confirmText!).replace('{number}', number)}</p>${form(t.confirmButton!)}`,
      );
    } else if (link.action === 'reopen') {
      p = page(
        language,
        t.reopenTitle!,
        `<p>${escapeHtml(t.reopenText!).replace('{number}', number)}</p>${form(
          t.reopenButton!,
          `<label for="why">${escapeHtml(t.reopenLabel!)}</label><textarea id="why" name="why" maxlength="4000"></textarea>`,
        )}`,
      );
    } else {
      p = page(
        language,
        t.unsubscribeTitle!,
        `<p>${escapeHtml(t.unsubscribeText!)}</p>${form(t.unsubscribeButton!)}`,
      );
    }
    return c.html(p.html);
  });

  mountRoute(app, ctx, actOnMailLink, async ({ c, params, body }) => {
    // A page for one person's link: never kept by a cache.
    c.header('cache-control', 'no-store');
    const language = languageOf(c);
    const t = texts[language];
    const verdict = await check(params.token);
    if (!verdict.ok) {
      const p = page(language, t[verdict.reason]!, '', verdict.reason === 'invalid' ? 404 : 410);
      return c.html(p.html, p.status as 404);
    }
    const { link } = verdict;
    if (link.action === 'unsubscribe') {
      const current = await preferencesOf(ctx.db, link.subject);
      await savePreferences(
        ctx.db,
        link.subject,
        { ...noPreferences, ...current, unsubscribedAll: true },
        ctx.now(),
      );
      return c.html(page(language, t.doneUnsubscribe!, '').html);
    }
    // The page's form (application/x-www-form-urlencoded), read from the raw body.
    const form = new URLSearchParams(new TextDecoder().decode(body));
    const why = (form.get('why') ?? '').trim().slice(0, 4000);
    const record = link.caseId ? await loadCase(ctx, link.caseId) : undefined;
    if (record?.status !== 'resolved') return c.html(page(language, t.refused!, '', 409).html, 409);
    const who = await requesterActor(ctx, record);
    if (!who) return c.html(page(language, t.refused!, '', 409).html, 409);
    // Single use: the link id is recorded first; a second press finds it used.
    if (!(await spendLink(ctx.db, link.id, ctx.now())))
      return c.html(page(language, t.used!, '', 410).html, 410);
    const outcome = await applyMutation(ctx, who.actor, 'mail-link', {
      mutationId: randomUUID(),
      caseId: record.id,
      baseVersion: who.record.version,
      clientAt: ctx.now().toISOString(),
      change: {
        type: 'statusChanged',
        status: link.action === 'confirm' ? 'closed' : 'reopened',
        waitingReason: null,
        note: why,
      },
    });
    if (outcome.result.status !== 'applied')
      return c.html(page(language, t.refused!, '', 409).html, 409);
    return c.html(
      page(language, link.action === 'confirm' ? t.doneConfirm! : t.doneReopen!, '').html,
    );
  });
}

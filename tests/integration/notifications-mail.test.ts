/**
 * Mail out and in against real SMTP peers on loopback: the mail catcher (smtp-server) receives
 * what the outbox sends, mailparser reads it; replies go to the server's own inbound SMTP
 * listener through nodemailer. On SQLite and PostgreSQL.
 */
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from './helpers/engines';
import { type MailTestServer, mailTestServer } from './helpers/mail-test-server';
import { newCaseBody } from './helpers/test-server';

const waitUntil = async (check: () => Promise<boolean> | boolean, what: string, ms = 10_000) => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe.each(engines)('mail on $name', (engine) => {
  let s: MailTestServer;
  const mailsTo = (address: string) =>
    s.catcher.mails.filter((m) => m.envelopeTo.includes(address));

  beforeAll(async () => {
    if (!engine.available) return;
    s = await mailTestServer(engine, { inbound: { host: '127.0.0.1', port: 0 } });
  });
  afterAll(async () => {
    await s?.close();
  });

  const change = async (caseId: string, body: Record<string, unknown>, token = s.tokens.agent) => {
    const res = await s.call('POST', `/api/v1/cases/${caseId}/changes`, {
      token,
      body: { change: body },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  it.skipIf(!engine.available)(
    'a phone case for a requester with an account: linked to it, receipt mailed with both bodies and the right headers',
    async () => {
      const kari = s.emails.requesterKari;
      const res = await s.call('POST', '/api/v1/cases', {
        token: s.tokens.agent,
        body: newCaseBody({
          priority: 'high',
          requester: {
            name: 'Kari Nordmann',
            municipalityId: 'molde',
            contact: '900 00 000',
            email: kari,
          },
        }),
      });
      expect(res.status).toBe(201);
      const record = res.body.case;
      expect(record.requester.userId).toBe(s.ids.requesterKari);
      await waitUntil(() => mailsTo(kari).length === 1, 'the receipt');
      const mail = mailsTo(kari)[0]!;
      const emailRow = () =>
        s.ctx.db
          .selectFrom('notifications')
          .selectAll()
          .where('case_id', '=', record.id)
          .where('channel', '=', 'email')
          .executeTakeFirstOrThrow();
      await waitUntil(async () => (await emailRow()).status === 'sent', 'the row marked sent');
      expect(mail.messageId).toBe(`<n.${(await emailRow()).id}@test.no>`);
      expect(mail.subject).toContain(`[${record.number}]`);
      expect(mail.subject).toContain('Vi har fått saka di');
      expect(mail.headers['auto-submitted']).toBe('auto-generated');
      expect(mail.headers['list-unsubscribe']).toMatch(
        /^<http:\/\/127\.0\.0\.1:\d+\/mail\/l\/[^>]+>$/,
      );
      expect(mail.parsed.replyTo?.text).toMatch(
        new RegExp(`^brukarstotte\\+${record.number}\\.[a-z0-9_-]{12}@test\\.no$`),
      );
      expect(mail.text).toContain(record.number);
      expect(mail.html).toContain('<html lang="nn">');
      expect(mail.html).toContain(record.number);
      // The unsubscribe link works without a password.
      const unsubscribe = /<(http[^>]+)>/.exec(mail.headers['list-unsubscribe']!)![1]!;
      const page = await fetch(unsubscribe);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<form method="post"');
    },
  );

  it.skipIf(!engine.available)(
    'a portal case carries the requester’s address from their account, and its receipt goes there',
    async () => {
      const ola = s.emails.requesterOla;
      const res = await s.call('POST', '/api/v1/cases', {
        token: s.tokens.requesterOla,
        body: newCaseBody({
          channel: 'portal',
          priority: 'low',
          requester: {
            name: 'Ola',
            municipalityId: 'rauma',
            contact: '',
            userId: s.ids.requesterOla,
          },
        }),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.case.requester.email).toBe(ola);
      await waitUntil(() => mailsTo(ola).length === 1, 'the portal receipt');
      expect(mailsTo(ola)[0]!.text).toContain('/portal/saker/');
    },
  );

  it.skipIf(!engine.available)(
    'internal notes are never mailed; a reply to the requester is; an assignment mails the assignee',
    async () => {
      // The address typed as the contact on the phone is the requester's address.
      const address = 'ola.phone@example.no';
      const res = await s.call('POST', '/api/v1/cases', {
        token: s.tokens.agent,
        body: newCaseBody({
          requester: { name: 'Ola', municipalityId: 'molde', contact: address },
        }),
      });
      expect(res.body.case.requester.email).toBe(address);
      const id = res.body.case.id;
      await waitUntil(() => mailsTo(address).length === 1, 'the receipt');
      await change(id, {
        type: 'commented',
        commentId: crypto.randomUUID(),
        body: 'HEMMELEG internt notat',
        visibility: 'internal',
      });
      await change(id, {
        type: 'commented',
        commentId: crypto.randomUUID(),
        body: 'Har du prøvd å starte skrivaren på nytt?',
        visibility: 'requester',
      });
      await change(id, { type: 'assigned', assigneeId: s.ids.agent2 });
      await waitUntil(() => mailsTo(address).length === 2, 'the reply');
      await waitUntil(() => mailsTo(s.emails.agent2).length === 1, 'the assignment');
      const reply = mailsTo(address)[1]!;
      expect(reply.subject).toContain('Nytt svar i saka di');
      expect(reply.text).toContain('Har du prøvd å starte skrivaren på nytt?');
      for (const m of s.catcher.mails) {
        expect(m.text).not.toContain('HEMMELEG');
        expect(m.html).not.toContain('HEMMELEG');
      }
      expect(mailsTo(s.emails.agent2)[0]!.subject).toContain('Sak tildelt deg');
      // The actor is not told of their own act.
      expect(mailsTo(s.emails.agent)).toHaveLength(0);
    },
  );

  it.skipIf(!engine.available)(
    'solved: the confirm link works once without a password',
    async () => {
      const address = 'per.solved@example.no';
      const res = await s.call('POST', '/api/v1/cases', {
        token: s.tokens.agent,
        body: newCaseBody({
          requester: { name: 'Per', municipalityId: 'molde', contact: '', email: address },
        }),
      });
      const id = res.body.case.id;
      await change(id, {
        type: 'statusChanged',
        status: 'resolved',
        waitingReason: null,
        note: 'Bytte tonerkassett.',
      });
      await waitUntil(() => mailsTo(address).length === 2, 'the solved mail');
      const solved = mailsTo(address)[1]!;
      expect(solved.text).toContain('Bytte tonerkassett.');
      const confirm = /Stadfest at saka er løyst: (http\S+)/.exec(solved.text)![1]!;
      const reopen = /Opna saka att: (http\S+)/.exec(solved.text)![1]!;
      expect(solved.html).toContain(confirm.replace(/&/g, '&amp;'));
      const shown = await fetch(confirm);
      expect(shown.status).toBe(200);
      // Opening the page changed nothing (mail scanners fetch links).
      expect(
        (await s.call('GET', `/api/v1/cases/${id}`, { token: s.tokens.agent })).body.case.status,
      ).toBe('resolved');
      const done = await fetch(confirm, { method: 'POST' });
      expect(done.status).toBe(200);
      const after = await s.call('GET', `/api/v1/cases/${id}`, { token: s.tokens.agent });
      expect(after.body.case.status).toBe('closed');
      expect((await fetch(confirm, { method: 'POST' })).status).toBe(410);
      // The reopen link of the same mail no longer applies to a closed case.
      expect((await fetch(reopen, { method: 'POST' })).status).toBe(409);
      // A forged token is refused.
      expect((await fetch(`${confirm}x`, { method: 'POST' })).status).toBe(404);
    },
  );

  it.skipIf(!engine.available)(
    'a refused address is given up into the admins’ list, and an admin’s retry delivers it',
    async () => {
      const address = 'refused@example.no';
      s.catcher.setRefuse((a) => (a === address ? 550 : undefined));
      try {
        const res = await s.call('POST', '/api/v1/cases', {
          token: s.tokens.agent,
          body: newCaseBody({
            requester: { name: 'Refusert', municipalityId: 'molde', contact: '', email: address },
          }),
        });
        const caseId = res.body.case.id;
        let failed: { id: string; caseId: string; lastError: string }[] = [];
        await waitUntil(async () => {
          const list = await s.call('GET', '/api/v1/notifications/undeliverable', {
            token: s.tokens.admin,
          });
          failed = list.body.notifications.filter((n: { caseId: string }) => n.caseId === caseId);
          return failed.length === 1;
        }, 'the give-up');
        expect(failed[0]!.lastError).toMatch(/550/);
        expect(
          (await s.call('GET', '/api/v1/notifications/undeliverable', { token: s.tokens.agent }))
            .status,
        ).toBe(403);
      } finally {
        s.catcher.setRefuse(undefined);
      }
      const list = await s.call('GET', '/api/v1/notifications/undeliverable', {
        token: s.tokens.admin,
      });
      const id = list.body.notifications.find(
        (n: { recipient: string }) => n.recipient === address,
      ).id;
      expect(
        (await s.call('POST', `/api/v1/notifications/${id}/retry`, { token: s.tokens.admin }))
          .status,
      ).toBe(204);
      await waitUntil(() => mailsTo(address).length === 1, 'the retried mail');
      expect(mailsTo(address)[0]!.messageId).toBe(`<n.${id}@test.no>`);
    },
  );

  it.skipIf(!engine.available)(
    'a temporary failure is retried with backoff until it is delivered, once',
    async () => {
      const address = 'later@example.no';
      let refusals = 0;
      s.catcher.setRefuse((a) => (a === address && refusals++ < 2 ? 451 : undefined));
      try {
        await s.call('POST', '/api/v1/cases', {
          token: s.tokens.agent,
          body: newCaseBody({
            requester: { name: 'Seinare', municipalityId: 'molde', contact: '', email: address },
          }),
        });
        await waitUntil(() => mailsTo(address).length === 1, 'the mail after two refusals');
      } finally {
        s.catcher.setRefuse(undefined);
      }
      const row = async () =>
        s.ctx.db
          .selectFrom('notifications')
          .selectAll()
          .where('recipient', 'like', `%${address}%`)
          .executeTakeFirstOrThrow();
      await waitUntil(async () => (await row()).status === 'sent', 'the row marked sent');
      expect(Number((await row()).attempts)).toBe(3);
      await new Promise((r) => setTimeout(r, 300));
      expect(mailsTo(address)).toHaveLength(1);
    },
  );

  it.skipIf(!engine.available)(
    'mail in: a reply becomes the requester’s comment, a stranger is held, auto-replies are ignored, new mail is a new case',
    async () => {
      const inbound = nodemailer.createTransport({
        host: '127.0.0.1',
        port: s.ctx.notifications.inboundPort!,
        secure: false,
        ignoreTLS: true,
      });
      const address = 'svarar@example.no';
      const res = await s.call('POST', '/api/v1/cases', {
        token: s.tokens.agent,
        body: newCaseBody({
          requester: { name: 'Svein Svarar', municipalityId: 'molde', contact: '', email: address },
        }),
      });
      const record = res.body.case;
      await change(record.id, { type: 'assigned', assigneeId: s.ids.agent2 });
      await waitUntil(() => mailsTo(address).length === 1, 'the receipt');
      const receipt = mailsTo(address)[0]!;
      const assigneeMails = () =>
        mailsTo(s.emails.agent2).filter((m) => m.subject.includes(record.number));
      await waitUntil(() => assigneeMails().length === 1, 'the assignment');

      // A reply by Message-ID reference, with an attachment and the quoted mail below.
      await inbound.sendMail({
        from: `Svein Svarar <${address}>`,
        to: receipt.parsed.replyTo!.text,
        subject: `Re: ${receipt.subject}`,
        inReplyTo: receipt.messageId,
        references: [receipt.messageId],
        text: `Ja, no verkar det.\n\nDen 30.11.2026 skreiv Brukarstøtta:\n> Vi har fått saka di`,
        attachments: [
          {
            filename: 'skjerm.png',
            content: Buffer.from('89504e470d0a1a0a', 'hex'),
            contentType: 'image/png',
          },
        ],
      });
      const events = async () =>
        (await s.call('GET', `/api/v1/cases/${record.id}`, { token: s.tokens.agent })).body
          .events as {
          actorId: string;
          change: { type: string; body?: string; visibility?: string };
        }[];
      await waitUntil(
        async () => (await events()).some((e) => e.change.type === 'commented'),
        'the comment',
      );
      const posted = (await events()).find((e) => e.change.type === 'commented')!;
      expect(posted.change.body).toBe('Ja, no verkar det.');
      expect(posted.change.visibility).toBe('requester');
      const withAccount = (
        await s.call('GET', `/api/v1/cases/${record.id}`, { token: s.tokens.agent })
      ).body.case;
      expect(posted.actorId).toBe(withAccount.requester.userId);
      expect((await events()).some((e) => e.change.type === 'attachmentAdded')).toBe(true);
      // The assignee hears that the requester answered.
      await waitUntil(() => assigneeMails().length === 2, 'the requester-replied mail');
      expect(assigneeMails()[1]!.subject).toContain('Innmeldar har svart');

      // Someone else answering the same thread is held for line 1.
      await inbound.sendMail({
        from: 'framand@example.no',
        to: receipt.parsed.replyTo!.text,
        subject: 'Re: sak',
        text: 'Eg veit kva som er gale.',
      });
      await waitUntil(
        async () =>
          (await s.call('GET', '/api/v1/mail/held', { token: s.tokens.agent })).body.mails
            .length === 1,
        'the held mail',
      );
      const held = (await s.call('GET', '/api/v1/mail/held', { token: s.tokens.agent })).body
        .mails[0];
      expect(held).toMatchObject({
        from: 'framand@example.no',
        caseId: record.id,
        reason: 'unknownSender',
      });
      expect(
        (
          await s.call('POST', `/api/v1/mail/held/${held.id}`, {
            token: s.tokens.agent,
            body: { action: 'post' },
          })
        ).status,
      ).toBe(204);
      await waitUntil(
        async () => (await events()).some((e) => e.change.visibility === 'internal'),
        'the released note',
      );

      // An auto-reply to a reply address is ignored (no comment, no new case, no answer).
      const before = s.catcher.count();
      await inbound.sendMail({
        from: `Svein Svarar <${address}>`,
        to: receipt.parsed.replyTo!.text,
        subject: 'Fråverande',
        text: 'Eg er på ferie.',
        headers: { 'Auto-Submitted': 'auto-replied' },
      });
      const rows = async () =>
        s.ctx.db
          .selectFrom('inbound_mail')
          .selectAll()
          .where('subject', '=', 'Fråverande')
          .execute();
      await waitUntil(
        async () => (await rows()).length === 1 && (await rows())[0]!.status === 'ignored',
        'the ignored auto-reply',
      );
      expect((await rows())[0]!.reason).toBe('autoSubmitted');

      // A new mail to the support address is a new case on line 1, channel e-mail.
      await inbound.sendMail({
        from: 'Nina Ny <nina.ny@example.no>',
        to: 'brukarstotte@test.no',
        subject: 'Skannaren svarar ikkje',
        text: 'Skannaren på kontoret er død.',
      });
      let created:
        | { id: string; line: number; channel: string; requester: { email: string } }
        | undefined;
      await waitUntil(async () => {
        const list = await s.call('GET', '/api/v1/cases?q=Skannaren', { token: s.tokens.agent });
        created = list.body.cases?.[0] ?? list.body.items?.[0];
        return created !== undefined;
      }, 'the new case');
      expect(created).toMatchObject({ line: 1, channel: 'email' });
      expect(created!.requester.email).toBe('nina.ny@example.no');
      await waitUntil(
        () => mailsTo('nina.ny@example.no').length === 1,
        'the receipt of the mailed case',
      );
      // Our own receipt coming back (a forwarding loop) is ignored.
      const own = mailsTo('nina.ny@example.no')[0]!;
      await inbound.sendMail({
        envelope: { from: 'brukarstotte@test.no', to: ['brukarstotte@test.no'] },
        raw: own.raw,
      });
      await waitUntil(
        async () =>
          (
            await s.ctx.db
              .selectFrom('inbound_mail')
              .selectAll()
              .where('message_id', '=', own.messageId)
              .execute()
          ).length === 1,
        'the looped mail',
      );
      const looped = await s.ctx.db
        .selectFrom('inbound_mail')
        .selectAll()
        .where('message_id', '=', own.messageId)
        .executeTakeFirstOrThrow();
      expect(looped.status).toBe('ignored');
      expect(s.catcher.count()).toBeGreaterThanOrEqual(before);
      inbound.close();
    },
  );
});

/**
 * On-call paging end to end, on SQLite and PostgreSQL, with real peers on loopback: a Web
 * Push service that decrypts every push (RFC 8291) and checks its VAPID signature (RFC 8292),
 * and an HTTP SMS gateway that records the template's requests. The clock is fixed and moved
 * by the test; the durable scheduler is ticked by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from './helpers/engines';
import { type PagingTestServer, pagingTestServer } from './helpers/paging-test-server';
import { newCaseBody } from './helpers/test-server';

// Wednesday 4 March 2026, 02:00 in Oslo (01:00Z): outside support hours, on call.
const NIGHT = '2026-03-04T01:00:00.000Z';

for (const engine of engines) {
  describe.skipIf(!engine.available)(`paging (${engine.name})`, () => {
    let s: PagingTestServer;
    let subscription: ReturnType<PagingTestServer['push']['subscribe']>;

    beforeAll(async () => {
      s = await pagingTestServer(engine, NIGHT);
      const leader = s.tokens.teamLeader;
      const put = await s.call('PUT', '/api/v1/oncall/rota/settings', {
        token: leader,
        body: { rotation: [s.ids.agent, s.ids.agent2], anchorDate: '2026-03-02', rotateBy: 'week' },
      });
      expect(put.status).toBe(200);
      expect(
        (
          await s.call('PUT', '/api/v1/oncall/contact', {
            token: s.tokens.agent,
            body: { phone: '900 11 222', email: null, pushOn: true, smsOn: true, emailOn: false },
          })
        ).status,
      ).toBe(200);
      await s.call('PUT', '/api/v1/oncall/contact', {
        token: s.tokens.agent2,
        body: { phone: '+47 911 22 333', email: null, pushOn: true, smsOn: true, emailOn: false },
      });
      subscription = s.push.subscribe();
      const sub = await s.call('POST', '/api/v1/paging/subscriptions', {
        token: s.tokens.agent,
        body: subscription,
      });
      expect(sub.status).toBe(201);
    }, 60_000);
    afterAll(() => s?.close());

    it('shows who is on call now and next, and warns of a period with nobody', async () => {
      const now = await s.call('GET', '/api/v1/oncall/now', { token: s.tokens.agent2 });
      expect(now.status).toBe(200);
      expect(now.body.now.period.id).toBe('2026-03-03T15:30');
      expect(now.body.now.primary.id).toBe(s.ids.agent);
      expect(now.body.now.backup.id).toBe(s.ids.agent2);
      expect(now.body.next.period.id).toBe('2026-03-04T15:30');
      const cleared = await s.call('PUT', '/api/v1/oncall/rota/overrides', {
        token: s.tokens.teamLeader,
        body: { overrides: [{ periodId: '2026-03-07T08:00', role: 'primary', userId: null }] },
      });
      expect(cleared.status).toBe(204);
      const rota = await s.call('GET', '/api/v1/oncall/rota?from=2026-03-02&days=7', {
        token: s.tokens.teamLeader,
      });
      // Sunday 1 March 08:00 – Monday 08:00 overlaps the week too.
      expect(rota.body.assignments).toHaveLength(8);
      expect(rota.body.warnings).toEqual([{ periodId: '2026-03-07T08:00', kind: 'nobodyOnCall' }]);
      const refused = await s.call('PUT', '/api/v1/oncall/rota/overrides', {
        token: s.tokens.agent,
        body: { overrides: [{ periodId: '2026-03-07T08:00', role: 'primary', userId: null }] },
      });
      expect(refused.status).toBe(403);
    });

    it('pages the person on call at once by push and SMS; escalates; a link acknowledges once', async () => {
      const created = await s.call('POST', '/api/v1/cases', {
        token: s.tokens.requesterKari,
        body: newCaseBody({
          title: 'Heile legevakta er utan nett',
          priority: 'critical',
          priorityAnswers: { lifeAndHealth: true, completeLoss: true },
          channel: 'portal',
          requester: { name: 'Kari', municipalityId: 'molde', userId: s.ids.requesterKari },
        }),
      });
      expect(created.status).toBe(201);
      const caseId = created.body.case.id as string;
      const number = created.body.case.number as string;
      await s.settle();
      const pushes = await s.push.waitFor(1);
      expect(s.push.rejected).toEqual([]);
      const payload = pushes[0]!.payload as { title: string; ackUrl: string; caseId: string };
      expect(payload.title).toBe(`KRITISK sak ${number}`);
      expect(payload.caseId).toBe(caseId);
      expect(pushes[0]!.urgency).toBe('high');
      expect(pushes[0]!.vapid.sub).toBe('mailto:vakt@romsdal-ikt.example');
      const [sms] = await s.sms.waitFor(1);
      expect(sms!.headers.authorization).toBe('Bearer test-key');
      expect(sms!.body).toMatchObject({ to: '+4790011222' });
      expect(String(sms!.body!.message)).toContain('https://saksbord.test/api/v1/paging/ack/');

      const portal = await s.call('GET', `/api/v1/cases/${caseId}/on-call-status`, {
        token: s.tokens.requesterKari,
      });
      expect(portal.body).toMatchObject({ paged: true, acknowledgedAt: null });

      // Nobody acknowledges within 4 minutes: the backup is paged.
      s.clock.advanceMinutes(4);
      await s.settle();
      const [, second] = await s.sms.waitFor(2);
      expect(second!.body).toMatchObject({ to: '+4791122333' });

      // The first person acknowledges from the SMS link.
      const link = String(sms!.body!.message).match(/https:\/\/saksbord\.test(\S+)/)![1]!;
      const page = await s.call('GET', link);
      expect(page.status).toBe(200);
      expect(String(page.body)).toContain('<form method="post">');
      s.clock.advanceMinutes(1);
      const ack = await s.call('POST', link);
      expect(ack.status).toBe(200);
      expect((await s.call('POST', link)).status).toBe(409);

      const seen = await s.call('GET', `/api/v1/cases/${caseId}`, { token: s.tokens.agent });
      expect(seen.body.case.firstResponseAt).toBe('2026-03-04T01:05:00.000Z');
      const after = await s.call('GET', `/api/v1/cases/${caseId}/on-call-status`, {
        token: s.tokens.requesterKari,
      });
      expect(after.body.acknowledgedAt).toBe('2026-03-04T01:05:00.000Z');

      // No more steps after the acknowledgement.
      s.clock.advanceMinutes(20);
      await s.settle();
      expect(s.sms.received).toHaveLength(2);
      expect(s.push.received).toHaveLength(1);

      const history = await s.call('GET', `/api/v1/cases/${caseId}/paging`, {
        token: s.tokens.agent,
      });
      expect(history.body.incidents).toMatchObject([
        { mode: 'onCall', status: 'acknowledged', step: 1, acknowledgedVia: 'link' },
      ]);
      const kinds = history.body.log.map(
        (l: { kind: string; channel: string | null }) => `${l.kind}:${l.channel ?? ''}`,
      );
      expect(kinds).toEqual(
        expect.arrayContaining([
          'critical:',
          'paged:push',
          'paged:sms',
          'delivered:push',
          'delivered:sms',
          'escalated:',
          'acknowledged:link',
        ]),
      );

      const csv = await s.call('GET', '/api/v1/oncall/log?from=2026-03-03T15:30&format=csv', {
        token: s.tokens.teamLeader,
      });
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toContain('text/csv');
      expect(String(csv.body)).toContain(number);
      expect(String(csv.body)).toContain(';5;ja;');
    });

    it('inside support hours: desktop alerts first, the team leader after 10 minutes', async () => {
      s.clock.set('2026-03-04T09:00:00.000Z'); // 10:00 in Oslo
      const before = s.sms.received.length;
      const created = await s.call('POST', '/api/v1/cases', {
        token: s.tokens.agent,
        body: newCaseBody({ priority: 'critical', title: 'Sak i opningstida' }),
      });
      await s.settle();
      expect(s.sms.received.length).toBe(before);
      s.clock.advanceMinutes(10);
      await s.settle();
      const got = await s.sms.waitFor(before + 1);
      expect(got[before]!.body).toMatchObject({ to: '+4770162403' });
      const history = await s.call('GET', `/api/v1/cases/${created.body.case.id}/paging`, {
        token: s.tokens.agent,
      });
      expect(history.body.incidents[0].mode).toBe('insideHours');
    });

    it('warns of SLA risk and breach; a paused clock warns nobody', async () => {
      s.clock.set('2026-03-05T09:00:00.000Z'); // Thursday 10:00
      const created = await s.call('POST', '/api/v1/cases', {
        token: s.tokens.agent,
        body: newCaseBody({ priority: 'high', title: 'Høg sak' }),
      });
      const caseId = created.body.case.id as string;
      const paused = await s.call('POST', '/api/v1/cases', {
        token: s.tokens.agent,
        body: newCaseBody({ priority: 'high', title: 'Ventar' }),
      });
      const wait = await s.call('POST', `/api/v1/cases/${paused.body.case.id}/changes`, {
        token: s.tokens.agent,
        body: { change: { type: 'statusChanged', status: 'waiting', waitingReason: 'requester' } },
      });
      expect(wait.status).toBe(200);
      s.clock.advanceMinutes(46); // 75 % of the 60-minute response target
      await s.settle();
      s.clock.advanceMinutes(15);
      await s.settle();
      const log = await s.call('GET', `/api/v1/cases/${caseId}/paging`, { token: s.tokens.agent });
      expect(
        log.body.log
          .filter((l: { kind: string }) => l.kind === 'slaWarning')
          .map((l: { detail: string }) => l.detail),
      ).toEqual(['response:atRisk', 'response:breached']);
      const none = await s.call('GET', `/api/v1/cases/${paused.body.case.id}/paging`, {
        token: s.tokens.agent,
      });
      expect(none.body.log).toEqual([]);
      const inApp = await s.ctx.db
        .selectFrom('notifications')
        .select(['recipient'])
        .where('case_id', '=', caseId)
        .where('kind', '=', 'slaWarning')
        .where('channel', '=', 'inApp')
        .execute();
      // Unassigned on line 1: the line's agents and the team leader, twice (risk, breach).
      expect(inApp).toHaveLength(6);
    });

    it('serves the installable on-call page: manifest, service worker, script', async () => {
      const page = await s.call('GET', '/vakt/');
      expect(page.status).toBe(200);
      expect(String(page.body)).toContain('rel="manifest"');
      const manifest = await s.call('GET', '/vakt/manifest.webmanifest');
      expect(manifest.body).toMatchObject({ start_url: '/vakt/', display: 'standalone' });
      const sw = await s.call('GET', '/vakt/sw.js');
      expect(sw.headers.get('content-type')).toContain('javascript');
      expect(String(sw.body)).toContain("addEventListener('push'");
      expect((await s.call('GET', '/vakt/icon.png')).status).toBe(200);
      expect((await s.call('GET', '/vakt/../package.json')).status).toBe(404);
      const key = await s.call('GET', '/api/v1/paging/push-key');
      expect(key.body.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    });

    it('serves a signed iCalendar feed of a person’s shifts', async () => {
      s.clock.set(NIGHT);
      const contact = await s.call('GET', '/api/v1/oncall/contact', { token: s.tokens.agent });
      const path = new URL(contact.body.feedUrl).pathname;
      const feed = await s.call('GET', path);
      expect(feed.status).toBe(200);
      expect(feed.headers.get('content-type')).toContain('text/calendar');
      expect(String(feed.body)).toContain('BEGIN:VEVENT');
      expect(String(feed.body)).toContain('SUMMARY:Vakt (vakttelefonen)');
      expect((await s.call('GET', `${path.slice(0, -4)}AAAA`)).status).toBe(404);
    });
  });
}

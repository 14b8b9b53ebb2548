/**
 * `npm start`'s on-call demo (SAKSBORD_DEMO_PAGING=1): a recording SMS gateway in this
 * process (every SMS also appended to `<data>/sms-gateway.log`), a demo rota (agent1 on call,
 * agent2 backup, agent3 in the rotation; weekly), paging contacts for them, and — once, on a
 * fresh demo database — a critical case at a fixed instant outside support hours (02:13 the
 * night before the server started) run through the whole chain on that night's clock: agent1
 * paged by SMS and e-mail, nobody acknowledges, agent2 paged 4 minutes later, agent2
 * acknowledges from the link in the SMS 2 minutes after that. The pages show in the demo's
 * mail catcher and the gateway log, and in the case's paging history.
 */

import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { actorOf } from '../cases/case-rules';
import { applyMutation } from '../cases/mutation-service';
import { writeTransaction } from '../db/write-lock';
import type { ServerContext } from '../server-context';
import { findUserByUsername, toStoredUser } from '../users/user-store';
import { putContact } from './contacts-store';
import { type SmsGateway, startSmsGateway } from './demo-sms-gateway';
import { acknowledgeWithToken } from './paging-ack';
import { firePageTimer } from './paging-service';
import { getRotaSettings, putRotaSettings } from './rota-store';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startDemoSmsGateway(ctx: ServerContext): Promise<SmsGateway> {
  const gateway = await startSmsGateway({ logFile: join(ctx.options.dataDir, 'sms-gateway.log') });
  ctx.config = {
    ...ctx.config,
    paging: {
      ...ctx.config.paging,
      sms: {
        url: `${gateway.url}/send`,
        method: 'POST',
        bodyFormat: 'json',
        headers: {},
        body: '{"to":"{{to}}","message":"{{text}}","reference":"{{ref}}"}',
        countryCode: '+47',
      },
    },
  };
  console.log(
    `paging: demo SMS gateway on ${gateway.url}; every SMS is logged to ${join(ctx.options.dataDir, 'sms-gateway.log')}`,
  );
  return gateway;
}

/** Waits for the demo accounts (seeded after start-up), then sets the rota and runs the chain. */
export async function runOnCallDemo(
  ctx: ServerContext,
  pause: () => Promise<void>,
  resume: () => void,
) {
  let agent1 = await findUserByUsername(ctx.db, 'agent1');
  for (let i = 0; i < 240 && !agent1; i++) {
    await sleep(500);
    agent1 = await findUserByUsername(ctx.db, 'agent1');
  }
  const agent2 = await findUserByUsername(ctx.db, 'agent2');
  const agent3 = await findUserByUsername(ctx.db, 'agent3');
  const leader = await findUserByUsername(ctx.db, 'teamleiar');
  if (!agent1 || !agent2 || !agent3 || !leader) return;
  const done = await ctx.db
    .selectFrom('oncall_settings')
    .select('key')
    .where('key', '=', 'demo-chain')
    .executeTakeFirst();
  if (done) return;
  const zone = ctx.config.calendar.timeZone;
  const started = DateTime.fromJSDate(ctx.now(), { zone });
  if ((await getRotaSettings(ctx.db)).rotation.length === 0) {
    await putRotaSettings(
      ctx.db,
      {
        rotation: [agent1.id, agent2.id, agent3.id],
        // agent1 has this week (the Monday of the night before the start).
        anchorDate: started.minus({ days: 1 }).startOf('week').toISODate()!,
        rotateBy: 'week',
        backupFromRotation: true,
      },
      leader.id,
      ctx.now(),
    );
    const phones = ['900 10 001', '900 10 002', '900 10 003'];
    for (const [i, user] of [agent1, agent2, agent3].entries()) {
      await putContact(
        ctx.db,
        {
          userId: user.id,
          phone: phones[i]!,
          email: `${user.username}@saksbord.test`,
          pushOn: true,
          smsOn: true,
          emailOn: true,
        },
        ctx.now(),
      );
    }
    await putContact(
      ctx.db,
      {
        userId: leader.id,
        phone: '900 10 009',
        email: 'teamleiar@saksbord.test',
        pushOn: true,
        smsOn: true,
        emailOn: true,
      },
      ctx.now(),
    );
  }
  // 02:13 the night before: on call (with the default calendar every night is).
  let night = started.minus({ days: 1 }).set({ hour: 2, minute: 13, second: 0, millisecond: 0 });
  if (night >= started) night = night.minus({ days: 1 });
  let clock = night.toJSDate();
  const demo: ServerContext = Object.create(ctx, { now: { value: () => clock } });
  await pause();
  try {
    const caseId = randomUUID();
    const outcome = await applyMutation(demo, actorOf(toStoredUser(leader)), 'oncall-demo', {
      mutationId: randomUUID(),
      caseId,
      baseVersion: 0,
      clientAt: clock.toISOString(),
      change: {
        type: 'created',
        title: 'Legevakta: journalsystemet svarar ikkje (demo av vaktvarsling)',
        description: 'Ringt inn på vakttelefonen kl. 02:13. Heile legevakta er utan journal.',
        priority: 'critical',
        priorityAnswers: { lifeAndHealth: true, completeLoss: true },
        channel: 'phone',
        requester: {
          name: 'Legevakta i Molde',
          municipalityId: ctx.config.municipalities[0]?.id ?? 'molde',
          contact: '71 11 11 11',
          unit: 'Legevakta',
          userId: null,
        },
        categoryId: null,
        formValues: {},
      },
    });
    if (outcome.result.status !== 'applied') return;
    const incident = await ctx.db
      .selectFrom('paging_incidents')
      .select('id')
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (!incident) return;
    // Nobody acknowledges: 4 minutes later the backup is paged.
    clock = new Date(clock.getTime() + 4 * 60_000);
    await writeTransaction(ctx.db, async (trx) => {
      await trx
        .updateTable('timers')
        .set({ state: 'fired', fired_at: clock.toISOString(), fired_by: 'oncall-demo' })
        .where('key', '=', `page:${incident.id}:1`)
        .execute();
      await firePageTimer(trx, demo, { incidentId: incident.id, step: 1 }, clock);
    });
    ctx.notifications.dispatcher.nudge();
    // The backup acknowledges from the link in the SMS two minutes later.
    clock = new Date(clock.getTime() + 2 * 60_000);
    const page = await ctx.db
      .selectFrom('notifications')
      .select('payload')
      .where('case_id', '=', caseId)
      .where('channel', '=', 'sms')
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    const link = page ? (JSON.parse(page.payload) as { ackUrl?: string }).ackUrl : undefined;
    const token = link ? decodeURIComponent(link.split('/').pop()!) : null;
    if (token) await acknowledgeWithToken(demo, token);
    await ctx.db
      .insertInto('oncall_settings')
      .values({
        key: 'demo-chain',
        value: JSON.stringify({ caseId }),
        updated_by: 'system',
        updated_at: ctx.now().toISOString(),
      })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    console.log(
      `paging: demo chain for case ${outcome.record?.number ?? caseId} at ${night.toFormat('yyyy-MM-dd HH:mm')} (on call agent1, backup agent2): see the mail catcher and the SMS gateway log`,
    );
  } finally {
    resume();
  }
}

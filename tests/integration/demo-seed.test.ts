import type { CaseRecord } from '@core/case';
import { slaStateOfCase } from '@core/sla';
import { afterEach, describe, expect, it } from 'vitest';
import { recordOf } from '../../src/server/cases/case-rows';
import { seedDemo } from '../../src/server/demo/demo-seed';
import { closeServerContext, createServerContext } from '../../src/server/server';
import type { ServerContext } from '../../src/server/server-context';
import { engines } from './helpers/engines';

/** The demo as a team leader sees it the moment it starts. */
async function demoAt(ctx: ServerContext, now: Date) {
  const summary = await seedDemo(ctx, { cases: 100, now });
  const rows = await ctx.db.selectFrom('cases').select('record').execute();
  const cases: CaseRecord[] = rows.map(recordOf);
  const users = await ctx.db.selectFrom('users').select(['username', 'display_name']).execute();
  const open = cases.filter((c) => c.status !== 'resolved' && c.status !== 'closed');
  const states = open.map((c) => slaStateOfCase(c, ctx.calendar, ctx.config.sla, now.getTime()));
  const count = (worst: string) => states.filter((s) => s?.worst === worst).length;
  return { summary, cases, users, open, states, count };
}

describe.each(engines)('the demo looks like a real morning on $name', (engine) => {
  const test = it.skipIf(!engine.available);
  let ctx: ServerContext | null = null;
  afterEach(async () => {
    if (ctx) await closeServerContext(ctx);
    ctx = null;
  });
  const fresh = async () => {
    ctx = await createServerContext({ ...engine.freshLocation(), options: { staticDir: null } });
    return ctx;
  };

  // Seeding goes through the mutation path, a thousand changes or so: give it time.
  test.each([
    ['a Tuesday morning', '2026-11-24T09:40:00+01:00'],
    ['a Saturday (support closed)', '2026-11-28T11:00:00+01:00'],
  ])(
    '%s: most cases on time, some at risk, a few breached; one critical case waiting; a name each',
    {
      timeout: 90_000,
    },
    async (_when, iso) => {
      const now = new Date(iso);
      const demo = await demoAt(await fresh(), now);
      expect(demo.summary).toMatchObject({ cases: 100, rejected: 0 });
      expect(demo.cases).toHaveLength(100);
      // Nothing happens after the demo starts, and the last 30 days hold the history.
      const nowMs = now.getTime();
      expect(demo.cases.every((c) => Date.parse(c.updatedAt) <= nowMs)).toBe(true);
      expect(demo.cases.every((c) => Date.parse(c.createdAt) >= nowMs - 46 * 24 * 3600_000)).toBe(
        true,
      );
      expect(demo.open.length).toBeGreaterThan(15);
      const late = demo.count('breached');
      const atRisk = demo.count('atRisk');
      const fine = demo.open.length - late - atRisk;
      expect(fine / demo.open.length).toBeGreaterThanOrEqual(0.55);
      expect(atRisk).toBeGreaterThanOrEqual(2);
      expect(late).toBeGreaterThanOrEqual(1);
      expect(late / demo.open.length).toBeLessThanOrEqual(0.2);

      // A critical case is waiting: just in, nobody has acknowledged it.
      const critical = demo.open.filter((c) => c.priority === 'critical');
      expect(critical).toHaveLength(1);
      expect(critical[0]).toMatchObject({ status: 'new', firstResponseAt: null, assigneeId: null });
      const age = now.getTime() - Date.parse(critical[0]!.createdAt);
      expect(age).toBeGreaterThan(0);
      expect(age).toBeLessThan(15 * 60_000);

      // Every person has a name of their own; the documented accounts are there.
      const names = demo.users.map((u) => u.display_name);
      expect(new Set(names).size).toBe(names.length);
      expect(names.every((n) => /^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u.test(n))).toBe(true);
      expect(demo.users.map((u) => u.username)).toEqual(
        expect.arrayContaining([
          'admin',
          'teamleiar',
          'agent1',
          'senior1',
          'konsulent-molde',
          'brukar-molde-1',
        ]),
      );
      // Requesters who report in the portal report under their own name.
      const portal = demo.cases.filter((c) => c.requester.userId !== null);
      expect(portal.length).toBeGreaterThan(0);
    },
  );
});

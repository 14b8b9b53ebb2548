/**
 * `serve --demo`: a demo organisation on an empty database that looks like a real morning at
 * the moment the demo starts (`now`). Accounts on every line, a team leader, an admin and
 * requesters, every person with a name of their own; the last 30 days of closed and resolved
 * cases behind it; and an open queue whose SLA states are spread as on a good day: most cases
 * on time, some at risk, a few breached, and one critical case just in, waiting for someone
 * to acknowledge it. Every case is made through the same mutation path as real changes (so
 * each has its events). Deterministic: the same seed and `now` give the same organisation.
 */
import { randomUUID } from 'node:crypto';
import type { ServiceCalendar } from '@core/calendar';
import type { CaseChange, Priority, SupportLine } from '@core/case';
import { isStaff, type Role } from '@core/rules';
import { type SlaConfig, type SlaTimelineEntry, slaState } from '@core/sla';
import { hashPassword } from '../auth/passwords';
import { actorOf } from '../cases/case-rules';
import { applyMutation } from '../cases/mutation-service';
import type { ServerContext } from '../server-context';
import { readSlaSettings } from '../settings/settings-store';
import { createUser, type StoredUser } from '../users/user-store';
import {
  demoFirstNames,
  demoLastNames,
  demoResolutions,
  demoTitles,
  demoUnits,
} from './demo-titles';

export const demoPassword = 'saksbord-demo';

export interface DemoSummary {
  users: number;
  cases: number;
  password: string;
  rejected: number;
}

export interface DemoOptions {
  /** How many cases (default 300), the critical case waiting included. */
  cases?: number;
  seed?: number;
  /** The moment the demo starts; every case is placed relative to it (default: the server's clock). */
  now?: Date;
}

/** mulberry32: a small deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

interface Planned {
  at: number;
  actor: StoredUser;
  caseId: string;
  change: CaseChange;
}

/** Where a demo case ends up. Open fates are placed by SLA state, the others in the last 30 days. */
type Fate =
  | 'new'
  | 'inProgress'
  | 'waiting'
  | 'line2'
  | 'line3'
  | 'reopened'
  | 'resolved'
  | 'closed';
const fates: ReadonlyArray<readonly [Fate, number]> = [
  ['new', 7],
  ['inProgress', 10],
  ['waiting', 5],
  ['line2', 5],
  ['line3', 2],
  ['reopened', 1],
  ['resolved', 8],
  ['closed', 62],
];
const openFates: ReadonlySet<Fate> = new Set(['new', 'inProgress', 'waiting', 'line2', 'line3']);

/**
 * What share of its target an open case has used at `now`, by the SLA state it should show:
 * lowest and highest share. Dealt in turn (not drawn), so that even a small demo shows each.
 */
type Band = 'onTime' | 'atRisk' | 'breached';
const bandShares: Readonly<Record<Band, readonly [number, number]>> = {
  onTime: [0.08, 0.6],
  atRisk: [0.8, 0.95],
  breached: [1.1, 1.6],
};
/** Seven on time, two at risk, one breached in every ten. */
const bandTurns: readonly Band[] = [
  'onTime',
  'atRisk',
  'onTime',
  'breached',
  'onTime',
  'onTime',
  'atRisk',
  'onTime',
  'onTime',
  'onTime',
];

function pickWeighted<T>(list: ReadonlyArray<readonly [T, number, ...unknown[]]>, roll: number): T {
  const total = list.reduce((sum, [, w]) => sum + w, 0);
  let rest = roll * total;
  for (const [value, weight] of list) {
    rest -= weight;
    if (rest < 0) return value;
  }
  return list[list.length - 1]![0];
}

/**
 * Unique "first last" names in a shuffled order: a demo where two agents or three requesters
 * share a name looks broken. When every pair is used, the list starts again (a phone caller
 * who calls twice is real enough).
 */
function nameSource(random: () => number): () => string {
  const all = demoFirstNames.flatMap((f) => demoLastNames.map((l) => `${f} ${l}`));
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  let next = 0;
  return () => all[next++ % all.length]!;
}

/**
 * The SLA facts a planned case will have (the reducer makes the real ones): creation, priority
 * changes, the first act of staff as the response, waiting, resolving and reopening.
 */
function plannedTimeline(
  steps: ReadonlyArray<{ at: number; role: Role; change: CaseChange }>,
): SlaTimelineEntry[] {
  const timeline: SlaTimelineEntry[] = [];
  let responded = false;
  let waiting = false;
  for (const { at, role, change } of steps) {
    if (change.type === 'created') {
      timeline.push({ at, kind: 'created', priority: change.priority });
      continue;
    }
    if (!responded && isStaff({ role }) && change.type !== 'worklogAdded') {
      responded = true;
      timeline.push({ at, kind: 'responded' });
    }
    if (change.type === 'prioritySet') {
      timeline.push({ at, kind: 'priorityChanged', priority: change.priority });
    } else if (change.type === 'statusChanged') {
      if (waiting && change.status !== 'waiting') timeline.push({ at, kind: 'resumed' });
      waiting = change.status === 'waiting';
      if (waiting) timeline.push({ at, kind: 'paused' });
      if (change.status === 'resolved') timeline.push({ at, kind: 'resolved' });
      if (change.status === 'reopened') timeline.push({ at, kind: 'reopened' });
    }
  }
  return timeline;
}

/** The share of its target the more urgent running clock has used (0 when none runs). */
function usedShare(
  timeline: readonly SlaTimelineEntry[],
  calendar: ServiceCalendar,
  sla: SlaConfig,
  now: number,
): number {
  const state = slaState(timeline, calendar, sla, now);
  const running = (s: string) => s === 'running' || s === 'atRisk' || s === 'breached';
  return Math.max(
    running(state.response.status) ? state.response.fraction : 0,
    running(state.resolution.status) ? state.resolution.fraction : 0,
  );
}

/** Instants in opening hours, every five minutes, over the `days` before `now` (ascending). */
function openingInstants(calendar: ServiceCalendar, now: number, days: number): number[] {
  const step = 5 * MINUTE;
  const instants: number[] = [];
  let plan = calendar.dayPlanAt(now - days * DAY);
  for (let d = 0; d <= days; d++, plan = calendar.dayPlan(plan.dayNumber + 1)) {
    const open = plan.intervals.support;
    for (let i = 0; i < open.length; i += 2) {
      for (let t = open[i]!; t < open[i + 1]! && t < now - 2 * MINUTE; t += step) {
        if (t >= now - days * DAY) instants.push(t);
      }
    }
  }
  return instants;
}

export async function seedDemo(
  ctx: ServerContext,
  options: DemoOptions = {},
): Promise<DemoSummary | null> {
  const existing = await ctx.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) return null;

  const now = options.now ?? ctx.now();
  const nowMs = now.getTime();
  const random = prng(options.seed ?? 20260301);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const between = (low: number, high: number) => low + random() * (high - low);
  const person = nameSource(random);
  const hash = await hashPassword(demoPassword);
  const { sla } = await readSlaSettings(ctx.db, ctx.config.sla);
  const users: StoredUser[] = [];
  const add = async (
    username: string,
    displayName: string,
    role: string,
    municipalityIds: string[] = [],
  ) => {
    const user = await createUser(
      ctx.db,
      { username, displayName, role, municipalityIds, password: '' },
      now,
      hash,
    );
    users.push(user);
    return user;
  };

  // Usernames and the password are documented (README, src/server/README.md); tests use them.
  await add('admin', person(), 'admin');
  const teamLeader = await add('teamleiar', person(), 'teamLeader');
  const agents: StoredUser[] = [];
  for (let i = 1; i <= 4; i++) agents.push(await add(`agent${i}`, person(), 'agent'));
  const seniors: StoredUser[] = [];
  for (let i = 1; i <= 2; i++) seniors.push(await add(`senior${i}`, person(), 'senior'));
  const consultants = new Map<string, StoredUser>();
  const requesters = new Map<string, StoredUser[]>();
  for (const m of ctx.config.municipalities) {
    if (m.line2Group)
      consultants.set(m.id, await add(`konsulent-${m.id}`, person(), 'consultant', [m.id]));
    const list = [];
    for (let i = 1; i <= 2; i++)
      list.push(await add(`brukar-${m.id}-${i}`, person(), 'requester', [m.id]));
    requesters.set(m.id, list);
  }

  const count = Math.max(1, options.cases ?? 300);
  const planned: Planned[] = [];
  const instants = openingInstants(ctx.calendar, nowMs, 45);
  const lastMonth = instants.filter((t) => t >= nowMs - 30 * DAY);
  const urgentTitles = demoTitles.filter(([, p]) => p === 'critical');
  const everydayTitles = demoTitles.filter(([, p]) => p !== 'critical');

  /** One case as steps `minutes` after its creation (wall clock), by whom. */
  type Step = { after: number; actor: StoredUser; change: CaseChange };

  const created = (
    title: string,
    priority: Priority,
    municipalityId: string,
    requester: StoredUser | null,
  ): CaseChange => ({
    type: 'created',
    title,
    description: `${title}. Meld frå ${ctx.config.municipalities.find((m) => m.id === municipalityId)?.name ?? municipalityId}.`,
    priority,
    priorityAnswers: null,
    channel: requester ? 'portal' : pick(['phone', 'phone', 'email', 'agent'] as const),
    requester: {
      name: requester ? requester.displayName : person(),
      contact: `9${Math.floor(random() * 1e7)
        .toString()
        .padStart(7, '0')}`,
      municipalityId,
      unit: pick(demoUnits),
      userId: requester ? requester.id : null,
    },
    categoryId: null,
    formValues: {},
  });

  /** The steps of one case from creation to its fate (minutes are wall clock, jittered). */
  function stepsFor(fate: Fate, municipalityId: string, title: string, usual: Priority): Step[] {
    const viaPortal = random() < 0.35;
    const requester = pick(requesters.get(municipalityId)!);
    const agent = pick(agents);
    // Portal users may not claim more than the definitions give; staff set it afterwards.
    const priority: Priority = viaPortal ? 'low' : usual;
    let after = 0;
    const steps: Step[] = [];
    const step = (actor: StoredUser, change: CaseChange, minutes = 8) => {
      after += minutes * (0.5 + random());
      steps.push({ after, actor, change });
    };
    step(
      viaPortal ? requester : agent,
      created(title, priority, municipalityId, viaPortal ? requester : null),
      0,
    );
    if (fate === 'new') return steps;
    if (viaPortal && usual !== 'low') {
      step(agent, {
        type: 'prioritySet',
        priority: usual,
        answers: null,
        note: 'Sett av brukarstøtta etter samtale',
      });
    }
    step(agent, { type: 'assigned', assigneeId: agent.id });
    step(agent, { type: 'statusChanged', status: 'inProgress', waitingReason: null, note: '' }, 2);
    step(agent, {
      type: 'commented',
      commentId: randomUUID(),
      body: 'Vi ser på saka.',
      visibility: 'requester',
    });
    if (fate === 'inProgress') return steps;
    if (fate === 'waiting') {
      step(agent, {
        type: 'statusChanged',
        status: 'waiting',
        waitingReason: pick(['requester', 'thirdParty'] as const),
        note: 'Ventar på svar',
      });
      return steps;
    }
    let worker = agent;
    let line: SupportLine = 1;
    const consultant = consultants.get(municipalityId);
    const escalate =
      fate === 'line2' || fate === 'line3'
        ? fate
        : random() < 0.25
          ? pick(['line2', 'line3'] as const)
          : null;
    if (escalate === 'line2' && consultant) {
      step(agent, {
        type: 'escalated',
        toLine: 2,
        reason: 'Treng lokal tilgang i kommunen',
        tried: 'Fjernstyring og omstart',
      });
      step(consultant, { type: 'assigned', assigneeId: consultant.id }, 30);
      worker = consultant;
      line = 2;
    } else if (escalate) {
      const senior = pick(seniors);
      step(agent, {
        type: 'escalated',
        toLine: 3,
        reason: 'Feil i sentral infrastruktur',
        tried: 'Sjekka klient og nett',
      });
      step(senior, { type: 'assigned', assigneeId: senior.id }, 30);
      worker = senior;
      line = 3;
    }
    step(worker, {
      type: 'worklogAdded',
      entryId: randomUUID(),
      minutes: 5 + Math.floor(random() * 90),
      line,
      note: '',
    });
    if (fate === 'line2' || fate === 'line3') return steps;
    step(
      worker,
      {
        type: 'statusChanged',
        status: 'resolved',
        waitingReason: null,
        note: pick(demoResolutions),
      },
      90,
    );
    if (fate === 'resolved') return steps;
    if (fate === 'reopened') {
      step(
        viaPortal ? requester : agent,
        { type: 'statusChanged', status: 'reopened', waitingReason: null, note: 'Feilen kom att' },
        300,
      );
      return steps;
    }
    const closer = viaPortal ? requester : teamLeader;
    step(closer, { type: 'statusChanged', status: 'closed', waitingReason: null, note: '' }, 600);
    return steps;
  }

  /**
   * When an open case was registered so that at `now` it has used about `share` of its SLA
   * target: the latest opening-hours instant at which it has used at least that much (the
   * share only grows the earlier it was registered).
   */
  function registeredAt(steps: readonly Step[], share: number): number {
    const used = (start: number) =>
      usedShare(
        plannedTimeline(
          steps.map((s) => ({
            at: Math.min(start + s.after * MINUTE, nowMs - MINUTE),
            role: s.actor.role as Role,
            change: s.change,
          })),
        ),
        ctx.calendar,
        sla,
        nowMs,
      );
    let low = 0;
    let high = instants.length - 1;
    if (used(instants[low]!) < share) return instants[low]!;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (used(instants[mid]!) >= share) low = mid;
      else high = mid - 1;
    }
    return instants[low]!;
  }

  const place = (caseId: string, steps: readonly Step[], start: number) => {
    for (const s of steps) {
      planned.push({
        at: Math.min(start + s.after * MINUTE, nowMs - MINUTE),
        actor: s.actor,
        caseId,
        change: s.change,
      });
    }
  };

  // The critical case just in: registered by phone a few minutes ago, nobody has taken it.
  {
    const municipality = pick(ctx.config.municipalities);
    const [title] = pick(urgentTitles);
    place(
      randomUUID(),
      [
        {
          after: 0,
          actor: pick(agents),
          change: created(title, 'critical', municipality.id, null),
        },
      ],
      nowMs - Math.round(between(3, 9)) * MINUTE,
    );
  }

  let turn = 0;
  for (let i = 1; i < count; i++) {
    const caseId = randomUUID();
    const municipality = pick(ctx.config.municipalities);
    const fate = pickWeighted(fates, random());
    const open = openFates.has(fate) || fate === 'reopened';
    // Open critical cases are handled within hours; the queue holds none but the new one.
    const [title, usual] = pick(open ? everydayTitles : demoTitles);
    const steps = stepsFor(fate, municipality.id, title, usual);
    if (!open) {
      // History: registered in opening hours over the last 30 days, finished before now.
      const span = steps[steps.length - 1]!.after * MINUTE;
      place(caseId, steps, Math.min(pick(lastMonth), nowMs - span - 30 * MINUTE));
      continue;
    }
    if (fate === 'waiting') {
      // Paused: registered in the last few working days, waiting since.
      place(caseId, steps, pick(instants.slice(-Math.min(instants.length, 5 * 96))));
      continue;
    }
    const [low, high] = bandShares[bandTurns[turn++ % bandTurns.length]!];
    place(caseId, steps, registeredAt(steps, between(low, high)));
  }

  // Changes in time order, each at its own instant (the server orders them as they come).
  planned.sort((a, b) => a.at - b.at);
  let clock = 0;
  const seedCtx: ServerContext = { ...ctx, now: () => new Date(clock) };
  let rejected = 0;
  for (const step of planned) {
    clock = Math.max(step.at, clock + 1);
    const outcome = await applyMutation(seedCtx, actorOf(step.actor), 'demo-seed', {
      mutationId: randomUUID(),
      caseId: step.caseId,
      baseVersion: Number.MAX_SAFE_INTEGER,
      clientAt: new Date(clock).toISOString(),
      change: step.change,
    });
    if (outcome.result.status !== 'applied') rejected++;
  }
  return { users: users.length, cases: count, password: demoPassword, rejected };
}

/**
 * `serve --demo`: a demo organisation on an empty database. Accounts on every line, a team
 * leader, an admin and requesters; and a few hundred cases in every state, made through the
 * same mutation path as real changes (so each has its events), spread over the last 30 days.
 * Deterministic: the same seed gives the same organisation.
 */
import { randomUUID } from 'node:crypto';
import type { CaseChange, CaseStatus, Priority, SupportLine } from '../../core/case';
import { hashPassword } from '../auth/passwords';
import { actorOf } from '../cases/case-rules';
import { applyMutation } from '../cases/mutation-service';
import type { ServerContext } from '../server-context';
import { createUser, type StoredUser } from '../users/user-store';
import { demoFirstNames, demoLastNames, demoTitles, demoUnits } from './demo-titles';

export const demoPassword = 'saksbord-demo';

export interface DemoSummary {
  users: number;
  cases: number;
  password: string;
  rejected: number;
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

interface Planned {
  at: number;
  actor: StoredUser;
  caseId: string;
  change: CaseChange;
}

/** Where a demo case ends up. */
type Fate =
  | 'new'
  | 'inProgress'
  | 'waiting'
  | 'line2'
  | 'line3'
  | 'resolved'
  | 'closed'
  | 'reopened';
const fates: ReadonlyArray<readonly [Fate, number]> = [
  ['new', 14],
  ['inProgress', 18],
  ['waiting', 10],
  ['line2', 12],
  ['line3', 7],
  ['resolved', 12],
  ['closed', 22],
  ['reopened', 5],
];

function pickFate(roll: number): Fate {
  let rest = roll;
  for (const [fate, weight] of fates) {
    rest -= weight;
    if (rest < 0) return fate;
  }
  return 'new';
}

export async function seedDemo(
  ctx: ServerContext,
  options: { cases?: number; seed?: number } = {},
): Promise<DemoSummary | null> {
  const existing = await ctx.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) return null;

  const random = prng(options.seed ?? 20260301);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const person = () => `${pick(demoFirstNames)} ${pick(demoLastNames)}`;
  const hash = await hashPassword(demoPassword);
  const now = ctx.now();
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

  await add('admin', 'Admin Adminsen', 'admin');
  const teamLeader = await add('teamleiar', 'Tone Teamleiar', 'teamLeader');
  const agents = [];
  for (let i = 1; i <= 4; i++) agents.push(await add(`agent${i}`, person(), 'agent'));
  const seniors = [];
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

  const count = options.cases ?? 300;
  const spanMs = 30 * 24 * 3600_000;
  const start = now.getTime() - spanMs;
  const totalWeight = fates.reduce((sum, [, w]) => sum + w, 0);
  const planned: Planned[] = [];

  for (let i = 0; i < count; i++) {
    const caseId = randomUUID();
    let at = start + (spanMs * i) / count + random() * 3600_000;
    const later = (minutes: number) => {
      at += minutes * 60_000 * (0.5 + random());
      return Math.min(at, now.getTime() - (count - i) * 1000);
    };
    const plan = (actor: StoredUser, change: CaseChange, minutes = 20) =>
      planned.push({ at: later(minutes), actor, caseId, change });

    const municipality = pick(ctx.config.municipalities);
    const [title, usualPriority] = pick(demoTitles);
    const viaPortal = random() < 0.35;
    const requesterUser = pick(requesters.get(municipality.id)!);
    const agent = pick(agents);
    // Portal users may not claim more than the definitions give; staff set it afterwards.
    const priority: Priority = viaPortal ? 'low' : usualPriority;
    plan(
      viaPortal ? requesterUser : agent,
      {
        type: 'created',
        title,
        description: `${title}. Meld frå ${municipality.name}.`,
        priority,
        priorityAnswers: null,
        channel: viaPortal ? 'portal' : pick(['phone', 'phone', 'email', 'agent'] as const),
        requester: {
          name: viaPortal ? requesterUser.displayName : person(),
          contact: `9${Math.floor(random() * 1e7)
            .toString()
            .padStart(7, '0')}`,
          municipalityId: municipality.id,
          unit: pick(demoUnits),
          userId: viaPortal ? requesterUser.id : null,
        },
        categoryId: null,
        formValues: {},
      },
      0,
    );

    const fate = pickFate(random() * totalWeight);
    if (fate === 'new') continue;

    if (viaPortal && usualPriority !== 'low') {
      plan(agent, {
        type: 'prioritySet',
        priority: usualPriority,
        answers: null,
        note: 'Sett av brukarstøtta etter samtale',
      });
    }
    plan(agent, { type: 'assigned', assigneeId: agent.id });
    plan(agent, { type: 'statusChanged', status: 'inProgress', waitingReason: null, note: '' });
    plan(agent, {
      type: 'commented',
      commentId: randomUUID(),
      body: 'Vi ser på saka.',
      visibility: 'requester',
    });
    if (fate === 'inProgress') continue;
    if (fate === 'waiting') {
      plan(agent, {
        type: 'statusChanged',
        status: 'waiting',
        waitingReason: pick(['requester', 'thirdParty'] as const),
        note: 'Ventar på svar',
      });
      continue;
    }
    let worker = agent;
    let line: SupportLine = 1;
    const consultant = consultants.get(municipality.id);
    if ((fate === 'line2' || random() < 0.2) && consultant) {
      plan(agent, {
        type: 'escalated',
        toLine: 2,
        reason: 'Treng lokal tilgang i kommunen',
        tried: 'Fjernstyring og omstart',
      });
      plan(consultant, { type: 'assigned', assigneeId: consultant.id });
      worker = consultant;
      line = 2;
    } else if (fate === 'line3' || random() < 0.1) {
      const senior = pick(seniors);
      plan(agent, {
        type: 'escalated',
        toLine: 3,
        reason: 'Feil i sentral infrastruktur',
        tried: 'Sjekka klient og nett',
      });
      plan(senior, { type: 'assigned', assigneeId: senior.id });
      worker = senior;
      line = 3;
    }
    plan(worker, {
      type: 'worklogAdded',
      entryId: randomUUID(),
      minutes: 5 + Math.floor(random() * 90),
      line,
      note: '',
    });
    if (fate === 'line2' || fate === 'line3') continue;
    plan(
      worker,
      { type: 'statusChanged', status: 'resolved', waitingReason: null, note: 'Løyst' },
      120,
    );
    if (fate === 'resolved') continue;
    const closer = viaPortal ? requesterUser : teamLeader;
    const closed: CaseStatus = 'closed';
    plan(closer, { type: 'statusChanged', status: closed, waitingReason: null, note: '' }, 600);
    if (fate === 'reopened') {
      plan(
        viaPortal ? requesterUser : agent,
        { type: 'statusChanged', status: 'reopened', waitingReason: null, note: 'Feilen kom att' },
        600,
      );
    }
  }

  planned.sort((a, b) => a.at - b.at);
  let clock = 0;
  const seedCtx: ServerContext = { ...ctx, now: () => new Date(clock) };
  let rejected = 0;
  for (const step of planned) {
    clock = step.at;
    const outcome = await applyMutation(seedCtx, actorOf(step.actor), 'demo-seed', {
      mutationId: randomUUID(),
      caseId: step.caseId,
      baseVersion: Number.MAX_SAFE_INTEGER,
      clientAt: new Date(step.at).toISOString(),
      change: step.change,
    });
    if (outcome.result.status !== 'applied') rejected++;
  }
  return { users: users.length, cases: count, password: demoPassword, rejected };
}

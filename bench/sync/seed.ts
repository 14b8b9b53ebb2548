/**
 * Seeding a Saksbord server with many cases for the sync benchmark.
 *
 * The server's one write path (`applyMutation`) takes one transaction per mutation with a
 * synchronous commit (about 2 ms each here), which would make 50,000 cases take minutes. So
 * the first cases go through `applyMutation`, and the rest through a bulk path that writes the
 * very same rows in one transaction: the case record made by the core reducer (`applyChange`)
 * from a `created` change, its event, the stored mutation result, and the `seq` and
 * case-number counters moved on. `checkSameShape` compares one case of each path.
 */
import { randomUUID } from 'node:crypto';
import {
  applyChange,
  type CaseChange,
  type CaseEvent,
  type CaseRecord,
  caseChangeSchema,
} from '@core/case/index';
import type { MutationResult } from '@core/sync/index';
import { sql } from 'kysely';
import { caseRow, eventRow, recordOf } from '../../src/server/cases/case-rows';
import type { CaseActor } from '../../src/server/cases/case-rules';
import { applyMutation } from '../../src/server/cases/mutation-service';
import { writeTransaction } from '../../src/server/db/write-lock';
import {
  demoFirstNames,
  demoLastNames,
  demoTitles,
  demoUnits,
} from '../../src/server/demo/demo-titles';
import type { ServerContext } from '../../src/server/server-context';

const municipalities = ['molde', 'aukra', 'hustadvika', 'rauma', 'vestnes', 'gjemnes'];
const channels = ['phone', 'email', 'portal', 'agent'] as const;

/** mulberry32: the same cases every run. */
export function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The `created` change of case number `i` (realistic sizes: a title, a paragraph, a requester). */
export function createdChange(i: number, rnd: () => number): CaseChange {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const [title, priority] = pick(demoTitles);
  const first = pick(demoFirstNames);
  const last = pick(demoLastNames);
  return caseChangeSchema.parse({
    type: 'created',
    title: `${title} (${i})`,
    description:
      `${first} ${last} ringde frå ${pick(demoUnits).toLowerCase()}. ` +
      'Feilen kom i morgon tidleg og gjeld fleire brukarar. Har prøvd omstart utan hell; ' +
      'ber om at nokon ser på det så snart som mogleg.',
    priority: priority === 'critical' ? 'high' : priority,
    channel: pick(channels),
    requester: {
      name: `${first} ${last}`,
      contact: `9${String(Math.floor(rnd() * 1e7)).padStart(7, '0')}`,
      municipalityId: pick(municipalities),
      unit: pick(demoUnits),
    },
  });
}

function caseYear(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(now);
}

/** Moves a counter on by `n` inside a write transaction; returns its new value. */
async function advanceCounter(
  trx: Parameters<Parameters<typeof writeTransaction>[1]>[0],
  name: string,
  n: number,
): Promise<number> {
  await trx
    .insertInto('counters')
    .values({ name, value: 0 })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await trx
    .updateTable('counters')
    .set({ value: sql`value + ${n}` })
    .where('name', '=', name)
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

async function insertChunked<T>(
  rows: T[],
  size: number,
  insert: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export interface SeedResult {
  /** Every case as the server holds it, in creation order. */
  records: CaseRecord[];
  /** How many went through `applyMutation` (the rest through the bulk path). */
  viaMutationPath: number;
}

/**
 * Creates `count` cases by `actor`: `viaMutationPath` through the server's mutation service,
 * the rest in bulk (see the file comment).
 */
export async function seedCases(
  ctx: ServerContext,
  actor: CaseActor,
  count: number,
  options: { viaMutationPath?: number; seed?: number } = {},
): Promise<SeedResult> {
  const rnd = prng(options.seed ?? 20260306);
  const viaMutationPath = Math.min(count, options.viaMutationPath ?? 50);
  const deviceId = 'bench-seed';
  for (let i = 0; i < viaMutationPath; i++) {
    const outcome = await applyMutation(ctx, actor, deviceId, {
      mutationId: randomUUID(),
      caseId: randomUUID(),
      baseVersion: 0,
      clientAt: ctx.now().toISOString(),
      change: createdChange(i, rnd),
    });
    if (outcome.result.status !== 'applied') {
      throw new Error(`seeding case ${i} was ${outcome.result.status}: ${outcome.result.reason}`);
    }
  }

  const bulk = count - viaMutationPath;
  if (bulk > 0) {
    const now = ctx.now();
    const year = caseYear(now, ctx.config.calendar.timeZone);
    await writeTransaction(ctx.db, async (trx) => {
      const lastSeq = await advanceCounter(trx, 'seq', bulk);
      const lastNumber = await advanceCounter(trx, `case-number:${year}`, bulk);
      const cases: ReturnType<typeof caseRow>[] = [];
      const events: ReturnType<typeof eventRow>[] = [];
      const mutations: {
        mutation_id: string;
        user_id: string;
        case_id: string;
        result: string;
        created_at: string;
      }[] = [];
      for (let k = 0; k < bulk; k++) {
        const seq = lastSeq - bulk + 1 + k;
        const n = lastNumber - bulk + 1 + k;
        const caseId = randomUUID();
        const mutationId = randomUUID();
        const change = createdChange(viaMutationPath + k, rnd);
        // Spread over the last 60 days, in sequence order.
        const at = new Date(now.getTime() - (bulk - k) * 100_000).toISOString();
        const record: CaseRecord = {
          ...applyChange(null, change, {
            caseId,
            at,
            actorId: actor.id,
            actorRole: actor.role,
            seq,
          }),
          number: `${year}-${String(n).padStart(5, '0')}`,
        };
        const event: CaseEvent = {
          id: randomUUID(),
          caseId,
          seq,
          at,
          clientAt: at,
          actorId: actor.id,
          deviceId,
          mutationId,
          change,
        };
        const result: MutationResult = {
          mutationId,
          status: 'applied',
          seq,
          conflicts: [],
          reason: null,
          rule: null,
        };
        cases.push(caseRow(record));
        events.push(eventRow(event));
        mutations.push({
          mutation_id: mutationId,
          user_id: actor.id,
          case_id: caseId,
          result: JSON.stringify(result),
          created_at: at,
        });
      }
      // At most 32,766 bound parameters per statement in SQLite.
      await insertChunked(cases, 1_000, (c) => trx.insertInto('cases').values(c).execute());
      await insertChunked(events, 1_000, (c) => trx.insertInto('case_events').values(c).execute());
      await insertChunked(mutations, 2_000, (c) => trx.insertInto('mutations').values(c).execute());
    });
  }

  const rows = await ctx.db
    .selectFrom('cases')
    .innerJoin('case_events', 'case_events.case_id', 'cases.id')
    .select('cases.record')
    .orderBy('case_events.seq')
    .execute();
  const records = rows.map(recordOf);
  ctx.metrics.headSeq = Math.max(ctx.metrics.headSeq, records.at(-1)?.version ?? 0);
  if (viaMutationPath > 0 && bulk > 0) checkSameShape(records[0]!, records.at(-1)!);
  return { records, viaMutationPath };
}

/** A bulk-made case must look exactly like one made by the mutation service. */
function checkSameShape(viaService: CaseRecord, viaBulk: CaseRecord): void {
  const shape = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, shape(v)]),
        )
      : value === null
        ? 'null'
        : Array.isArray(value)
          ? 'array'
          : typeof value;
  const a = JSON.stringify(shape(viaService));
  const b = JSON.stringify(shape(viaBulk));
  if (a !== b) throw new Error(`bulk-seeded case differs in shape:\n${a}\n${b}`);
}

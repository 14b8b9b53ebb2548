/**
 * The convergence run: several simulated desktop clients, each with its own IndexedDB
 * (fake-indexeddb), case repository and sync engine, against the real server in this process
 * (SQLite in a temp dir; requests go through the server's whole HTTP stack via `app.request`).
 * Clients make random edits, go offline and online, restart (some pushes left "sending"), and
 * a chaos layer fails requests before the server sees them and after it applied them (the
 * answer is lost). Afterwards every client and the server must hold identical cases, every
 * mutation must have been decided exactly once, and none lost.
 *
 * Every random choice comes from one seeded PRNG, and the clients take turns (one action at
 * a time, timers driven by the run), so a seed replays the same run.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { CaseChangeInput, CaseRecord } from '@core/case/index';
import { Dexie } from 'dexie';
import { stripLocal } from '../../src/renderer/src/db/case-rebase';
import {
  type CaseRepository,
  createCaseRepository,
} from '../../src/renderer/src/db/case-repository';
import { countEvents } from '../../src/renderer/src/db/event-log';
import { SaksbordDb } from '../../src/renderer/src/db/saksbord-db';
import { createHttpTransport } from '../../src/renderer/src/sync/http-transport';
import { createSyncEngine, type SyncEngine } from '../../src/renderer/src/sync/sync-engine';
import type { SyncTransport } from '../../src/renderer/src/sync/sync-transport';
import { createApp } from '../../src/server/app';
import { hashPassword } from '../../src/server/auth/passwords';
import { recordOf } from '../../src/server/cases/case-rows';
import { closeServerContext, createServerContext } from '../../src/server/server';
import { createUser } from '../../src/server/users/user-store';

export interface ConvergenceOptions {
  clients: number;
  seconds: number;
  seed: number;
  /** Run exactly this many rounds instead of until `seconds` have passed (exact replays). */
  rounds?: number;
  /** Chance that a request fails before the server sees it / after the server applied it. */
  failBefore?: number;
  failAfter?: number;
  log?: (line: string) => void;
}

export interface ConvergenceResult {
  converged: boolean;
  clients: number;
  mutations: number;
  lost: number;
  duplicated: number;
  problems: string[];
  stats: Record<string, number>;
}

/** mulberry32: small, fast, good enough for choosing test actions. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(random() * 4)]!;
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

interface SimClient {
  index: number;
  userId: string;
  token: string;
  dbName: string;
  db: SaksbordDb;
  repo: CaseRepository;
  engine: SyncEngine;
  offline: boolean;
  chaos: boolean;
}

export async function runConvergence(options: ConvergenceOptions): Promise<ConvergenceResult> {
  const log = options.log ?? (() => {});
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;
  const failBefore = options.failBefore ?? 0.1;
  const failAfter = options.failAfter ?? 0.1;
  const stats: Record<string, number> = {
    actions: 0,
    failedBefore: 0,
    failedAfter: 0,
    restarts: 0,
    offlineSpells: 0,
    syncs: 0,
  };
  const bump = (key: string) => {
    stats[key] = (stats[key] ?? 0) + 1;
  };

  const dataDir = mkdtempSync(join(tmpdir(), 'saksbord-convergence-'));
  const ctx = await createServerContext({ dataDir, options: { staticDir: null } });
  const app = createApp(ctx);
  const serverFetch = (async (input: string | URL | Request, init?: RequestInit) =>
    app.request(input instanceof Request ? input : String(input), init)) as typeof fetch;

  let simTime = Date.parse('2026-11-24T08:00:00Z');
  const now = () => new Date(simTime);
  /** Every mutation any client made: id → client index. */
  const ledger = new Map<string, number>();
  const clients: SimClient[] = [];

  try {
    const hash = await hashPassword('convergence-passord');
    for (let i = 0; i < options.clients; i++) {
      const user = await createUser(
        ctx.db,
        {
          username: `agent${i}`,
          displayName: `Agent ${i}`,
          role: i % 3 === 2 ? 'teamLeader' : 'agent',
          municipalityIds: [],
          password: '',
        },
        new Date(),
        hash,
      );
      const res = await app.request('/api/v1/auth/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          username: `agent${i}`,
          password: 'convergence-passord',
          deviceId: `device-${i}`,
        }),
      });
      if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
      const { token } = (await res.json()) as { token: string };
      const client = {
        index: i,
        userId: user.id,
        token,
        dbName: `convergence-${options.seed}-${i}-${process.pid}`,
        offline: false,
        chaos: true,
      } as SimClient;
      open(client);
      await client.engine.start();
      clients.push(client);
    }

    function transportFor(client: SimClient): SyncTransport {
      const chaosFetch = (async (input: string | URL | Request, init?: RequestInit) => {
        if (client.offline) throw new TypeError('fetch failed (offline)');
        if (client.chaos && chance(failBefore)) {
          bump('failedBefore');
          throw new TypeError('fetch failed (lost before the server)');
        }
        const response = await serverFetch(input, init);
        if (client.chaos && chance(failAfter)) {
          bump('failedAfter');
          await response.body?.cancel();
          throw new TypeError('fetch failed (answer lost)');
        }
        return response;
      }) as typeof fetch;
      const http = createHttpTransport({
        baseUrl: 'http://saksbord.test',
        getToken: () => client.token,
        fetch: chaosFetch,
      });
      // Live events are covered by the integration tests; here the run drives every sync so
      // that a seed replays exactly.
      return { push: http.push, pull: http.pull, subscribe: () => () => {} };
    }

    function open(client: SimClient): void {
      client.db = new SaksbordDb(client.dbName);
      client.repo = createCaseRepository(client.db, {
        deviceId: `device-${client.index}`,
        getActor: () => ({ id: client.userId }),
        now,
        newId: () => uuidFrom(random),
      });
      client.engine = createSyncEngine({
        db: client.db,
        transport: transportFor(client),
        deviceId: `device-${client.index}`,
        now,
        random,
        // Timers never fire on their own: the run decides when each client syncs.
        schedule: () => () => {},
        pollIntervalMs: 0,
        pushBatchSize: 1 + Math.floor(random() * 20),
        pullLimit: 1 + Math.floor(random() * 50),
      });
    }

    async function localChange(client: SimClient, caseId: string, change: CaseChangeInput) {
      const before = await client.db.outbox.orderBy('order').last();
      await client.repo.applyLocalChange(caseId, change);
      const after = await client.db.outbox.orderBy('order').last();
      if (after && after.order !== before?.order) ledger.set(after.mutationId, client.index);
    }

    async function act(client: SimClient): Promise<void> {
      bump('actions');
      const cases = await client.db.cases.toArray();
      const roll = random();
      if (roll < 0.1 || cases.length === 0) {
        const id = await client.repo.createCase({
          title: `Sak frå klient ${client.index} #${stats.actions}`,
          priority: pick(['low', 'medium', 'high', 'critical'] as const),
          channel: pick(['phone', 'email', 'agent'] as const),
          requester: { name: 'Kari Nordmann', municipalityId: 'molde' },
        });
        const item = await client.db.outbox.where('caseId').equals(id).first();
        if (item) ledger.set(item.mutationId, client.index);
        bump('creates');
        return;
      }
      const target = pick(cases);
      if (roll < 0.65) {
        const change = pick<() => CaseChangeInput>([
          () => ({ type: 'prioritySet', priority: pick(['low', 'medium', 'high', 'critical']) }),
          () => ({
            type: 'fieldsChanged',
            changes: { title: `Tittel ${Math.floor(random() * 1e6)}` },
          }),
          () => ({
            type: 'fieldsChanged',
            changes: { description: `Skildring ${Math.floor(random() * 1e6)}` },
          }),
          () => {
            const status = pick([
              'inProgress',
              'waiting',
              'resolved',
              'reopened',
              'closed',
            ] as const);
            return {
              type: 'statusChanged',
              status,
              waitingReason: status === 'waiting' ? pick(['requester', 'thirdParty']) : null,
              // A resolution needs its note (status.resolutionNoteRequired).
              note: status === 'resolved' ? `Løyst ${Math.floor(random() * 1e6)}` : '',
            };
          },
          () => ({ type: 'assigned', assigneeId: chance(0.7) ? client.userId : null }),
          () => ({
            type: 'commented',
            commentId: uuidFrom(random),
            body: `Kommentar ${Math.floor(random() * 1e6)}`,
            visibility: pick(['internal', 'requester']),
          }),
          () => ({
            type: 'worklogAdded',
            entryId: uuidFrom(random),
            minutes: 1 + Math.floor(random() * 60),
            line: 1,
          }),
          () => ({ type: 'acknowledged' }),
        ])();
        await localChange(client, target.id, change);
        bump(`change.${change.type}`);
      } else if (roll < 0.85) {
        bump('syncs');
        await client.engine.syncNow();
      } else if (roll < 0.93) {
        client.offline = !client.offline;
        if (client.offline) bump('offlineSpells');
        client.engine.setNetworkAvailable(!client.offline);
        await settle(client);
      } else if (roll < 0.97) {
        // Reconflict losers now and then: the one action to apply a losing value again.
        const [conflict] = await client.db.conflicts.where('state').equals('open').toArray();
        if (conflict) {
          const before = await client.db.outbox.orderBy('order').last();
          await client.repo.reapplyConflict(conflict.id);
          const after = await client.db.outbox.orderBy('order').last();
          if (after && after.order !== before?.order) ledger.set(after.mutationId, client.index);
          bump('reapplied');
        }
      } else {
        // Crash and restart; a crash during a push leaves items "sending".
        bump('restarts');
        await client.engine.stop();
        if (chance(0.5)) {
          const pending = await client.db.outbox
            .where('state')
            .equals('pending')
            .limit(3)
            .toArray();
          await client.db.outbox
            .where('order')
            .anyOf(pending.map((p) => p.order!))
            .modify({ state: 'sending' });
        }
        client.db.close();
        open(client);
        client.engine.setNetworkAvailable(!client.offline);
        await client.engine.start();
      }
    }

    /** Lets a sync started by setNetworkAvailable finish before the next action. */
    async function settle(client: SimClient): Promise<void> {
      await client.engine.syncNow();
    }

    const deadline = Date.now() + options.seconds * 1000;
    let rounds = 0;
    while (options.rounds !== undefined ? rounds < options.rounds : Date.now() < deadline) {
      rounds += 1;
      for (const client of [...clients].sort(() => random() - 0.5)) {
        simTime += Math.floor(random() * 60_000);
        await act(client);
      }
    }
    stats.rounds = rounds;
    log(`ran ${rounds} rounds, ${stats.actions} actions`);

    // Everyone back online, no more chaos: sync until nothing is left in any outbox.
    for (const client of clients) {
      client.offline = false;
      client.chaos = false;
      client.engine.setNetworkAvailable(true);
    }
    for (let round = 0; round < 10; round++) {
      for (const client of clients) await client.engine.syncNow();
      const left = await Promise.all(
        clients.map((c) =>
          c.db.outbox.where('state').anyOf('pending', 'sending', 'acknowledged').count(),
        ),
      );
      if (left.every((n) => n === 0)) break;
    }
    // One more pull each, so everyone has seen everybody's last pushes.
    for (const client of clients) await client.engine.syncNow();

    return await verify();
  } finally {
    for (const client of clients) {
      await client.engine.stop();
      client.db.close();
      await Dexie.delete(client.dbName);
    }
    await closeServerContext(ctx);
    rmSync(dataDir, { recursive: true, force: true });
  }

  async function verify(): Promise<ConvergenceResult> {
    const problems: string[] = [];
    const serverCases = new Map<string, CaseRecord>(
      (await ctx.db.selectFrom('cases').select('record').execute()).map((row) => {
        const record = recordOf(row);
        return [record.id, record];
      }),
    );
    const eventRows = await ctx.db
      .selectFrom('case_events')
      .select(['seq', 'mutation_id'])
      .execute();
    const results = new Map(
      (await ctx.db.selectFrom('mutations').select(['mutation_id', 'result']).execute()).map(
        (r) => [r.mutation_id, JSON.parse(r.result) as { status: string; seq: number | null }],
      ),
    );
    const eventsPerMutation = new Map<string, number>();
    for (const row of eventRows) {
      if (row.mutation_id) {
        eventsPerMutation.set(row.mutation_id, (eventsPerMutation.get(row.mutation_id) ?? 0) + 1);
      }
    }

    // Exactly once: each mutation decided once by the server (or refused as a request and
    // kept as rejected by its client), and an applied one recorded as exactly one event.
    let lost = 0;
    let duplicated = 0;
    const outcomes: Record<string, number> = {};
    const rejectedLocally = new Set<string>();
    for (const client of clients) {
      for (const item of await client.db.outbox.toArray()) {
        if (item.state === 'rejected') rejectedLocally.add(item.mutationId);
        else
          problems.push(`client ${client.index}: mutation ${item.mutationId} still ${item.state}`);
      }
    }
    for (const [mutationId, index] of ledger) {
      const result = results.get(mutationId);
      const events = eventsPerMutation.get(mutationId) ?? 0;
      if (events > 1) duplicated += 1;
      if (!result) {
        // Nothing in this run is refused as a whole request (chaos only loses requests), so a
        // mutation the server never decided was dropped, whatever its client thinks of it.
        lost += 1;
        problems.push(
          `mutation ${mutationId} of client ${index} never reached the server${rejectedLocally.has(mutationId) ? ' (marked rejected locally)' : ''}`,
        );
        continue;
      }
      outcomes[result.status] = (outcomes[result.status] ?? 0) + 1;
      if (result.status === 'applied' && events !== 1) {
        problems.push(`applied mutation ${mutationId} has ${events} events`);
        if (events === 0) lost += 1;
      }
      if (result.status !== 'applied' && events !== 0) {
        problems.push(`${result.status} mutation ${mutationId} has ${events} events`);
      }
    }
    for (const mutationId of eventsPerMutation.keys()) {
      if (!ledger.has(mutationId)) problems.push(`event for unknown mutation ${mutationId}`);
    }

    // The user has seen the rejections; dismissing them leaves only what the server holds.
    for (const client of clients) {
      for (const item of await client.repo.rejectedMutations()) {
        await client.repo.dismissRejected(item.mutationId);
      }
    }

    // Identical cases everywhere.
    for (const client of clients) {
      const local = await client.db.cases.toArray();
      const localIds = new Set(local.map((c) => c.id));
      for (const id of serverCases.keys()) {
        if (!localIds.has(id)) problems.push(`client ${client.index} lacks case ${id}`);
      }
      for (const c of local) {
        const server = serverCases.get(c.id);
        if (!server) {
          problems.push(`client ${client.index} has case ${c.id} the server does not`);
          continue;
        }
        if (c.pendingCount !== 0 || c.provisionalNumber !== null) {
          problems.push(`client ${client.index}: case ${c.id} not settled`);
        }
        if (!isDeepStrictEqual(stripLocal(c), server)) {
          problems.push(
            `client ${client.index}: case ${c.id} differs: ${JSON.stringify(stripLocal(c))} vs ${JSON.stringify(server)}`,
          );
        }
      }
      const events = await countEvents(client.db);
      if (events !== eventRows.length) {
        problems.push(
          `client ${client.index} holds ${events} events, the server ${eventRows.length}`,
        );
      }
    }

    for (const [k, v] of Object.entries(outcomes)) stats[`outcome.${k}`] = v;
    return {
      converged: problems.length === 0 && lost === 0 && duplicated === 0,
      clients: options.clients,
      mutations: ledger.size,
      lost,
      duplicated,
      problems,
      stats,
    };
  }
}

/**
 * The convergence run, Jepsen style: real server processes (one on SQLite, or two on one
 * PostgreSQL schema) started with the project's CLI, and several simulated desktop clients in
 * this process, each with its own IndexedDB (fake-indexeddb), case repository and the real
 * sync engine with its HTTP + SSE transport. Every client talks to the servers through its
 * own fault-injecting TCP proxy (fault-proxy.ts). The clients act concurrently (random edits,
 * offline spells, restarts with pushes left "sending", re-applied conflicts) while the run
 * delays, stalls and cuts connections, partitions one client or one server at a time, and
 * kills a server with SIGKILL and starts it again. Afterwards every fault is healed, every
 * client syncs, and the checker (checker.ts) proves the end state.
 *
 * The seed fixes each client's actions (its own PRNG), the ids it makes, the fault drawn for
 * each connection of its proxy (in arrival order) and the schedule of partitions and the
 * kill. It cannot fix the timing of real processes and sockets: which request meets which
 * fault, and what a client's case list holds when it picks a case, vary from run to run.
 */
import 'fake-indexeddb/auto';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { signIn } from '@core/api/index';
import type { CaseChangeInput } from '@core/case/index';
import { defaultServiceConfig } from '@core/config';
import type { Role } from '@core/rules';
import type { Mutation, PushRequest, PushResponse } from '@core/sync';
import { createApiClient } from '@web/api/index';
import { Dexie } from 'dexie';
import pg from 'pg';
import {
  type CaseRepository,
  createCaseRepository,
} from '../../src/renderer/src/db/case-repository';
import { SaksbordDb } from '../../src/renderer/src/db/saksbord-db';
import { createHttpTransport } from '../../src/renderer/src/sync/http-transport';
import { createSyncEngine, type SyncEngine } from '../../src/renderer/src/sync/sync-engine';
import type { SyncTransport } from '../../src/renderer/src/sync/sync-transport';
import { hashPassword } from '../../src/server/auth/passwords';
import { migrateToLatest, openDatabase, parsePostgresUrl } from '../../src/server/db/database';
import { createUser } from '../../src/server/users/user-store';
import { checkRun } from './checker';
import { defaultFaultRates, FaultProxy, type FaultRates, Network } from './fault-proxy';
import { prepareCli, type ServerLocation, ServerProcess } from './server-processes';

export type ConvergenceEngine = 'sqlite' | 'postgresql';

export const postgresBaseUrl =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface ConvergenceOptions {
  clients: number;
  seconds: number;
  seed: number;
  engine: ConvergenceEngine;
  /** Faults on connections (delays, stalls, cuts) and partitions; default on. */
  faults?: boolean;
  /** Kill a server with SIGKILL during the run and start it again; default on. */
  kill?: boolean;
  rates?: Partial<FaultRates>;
  log?: (line: string) => void;
}

export interface ConvergenceResult {
  converged: boolean;
  engine: ConvergenceEngine;
  clients: number;
  mutations: number;
  lost: number;
  duplicated: number;
  refusedWrongly: number;
  problems: string[];
  stats: Record<string, number>;
}

/** The client's request timeout; stalls last longer. */
const requestTimeoutMs = 1_500;

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

/** A PRNG of its own for one purpose, derived from the run's seed. */
function streamOf(seed: number, purpose: number): () => number {
  const mix = seededRandom((seed ^ Math.imul(purpose + 1, 0x9e3779b1)) >>> 0);
  return seededRandom(Math.floor(mix() * 2 ** 32));
}

function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(random() * 4)]!;
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Whether PostgreSQL answers at `postgresBaseUrl` (the reason when it does not). */
export async function postgresReachable(): Promise<string | null> {
  const client = new pg.Client({
    connectionString: postgresBaseUrl,
    connectionTimeoutMillis: 2_000,
  });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return `PostgreSQL at ${postgresBaseUrl} is unreachable (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => {});
  }
}

interface SimClient {
  index: number;
  deviceId: string;
  userId: string;
  role: Role;
  token: string;
  baseUrl: string;
  dbName: string;
  db: SaksbordDb;
  repo: CaseRepository;
  engine: SyncEngine;
  offline: boolean;
  /** Actions; ids; the engine's jitter and batch sizes. */
  random: () => number;
  ids: () => number;
  jitter: () => number;
  ledger: string[];
  proxy: FaultProxy;
}

interface ScheduledFault {
  at: number;
  what: string;
  run: () => Promise<void>;
}

export async function runConvergence(options: ConvergenceOptions): Promise<ConvergenceResult> {
  const log = options.log ?? (() => {});
  const faults = options.faults ?? true;
  const kill = options.kill ?? true;
  const stats: Record<string, number> = { actions: 0, restarts: 0, offlineSpells: 0, syncs: 0 };
  const bump = (key: string, by = 1) => {
    stats[key] = (stats[key] ?? 0) + by;
  };
  const problems: string[] = [];

  // Where the data lives: a data folder (SQLite), or a fresh schema shared by two processes.
  const dataDir = mkdtempSync(join(tmpdir(), 'saksbord-convergence-'));
  let schema: string | null = null;
  let location: ServerLocation = { dataDir };
  const servers: ServerProcess[] = [];
  const cli = await prepareCli();
  if (options.engine === 'postgresql') {
    schema = `convergence_${process.pid}_${randomBytes(4).toString('hex')}`;
    const url = new URL(postgresBaseUrl);
    url.searchParams.set('schema', schema);
    location = { dataDir, databaseUrl: url.toString() };
    servers.push(
      new ServerProcess('pg-a', { dataDir: join(dataDir, 'a'), databaseUrl: url.toString() }, cli),
      new ServerProcess('pg-b', { dataDir: join(dataDir, 'b'), databaseUrl: url.toString() }, cli),
    );
  } else {
    servers.push(new ServerProcess('sqlite', location, cli));
  }

  const network = new Network(servers.map((s) => s.name));
  const clients: SimClient[] = [];
  const sent = new Map<string, Mutation>();
  /** Applied results the clients received: mutation id → seq. */
  const acknowledged = new Map<string, number>();
  const users = new Map<string, { role: Role; municipalityIds: string[] }>();
  const pendingRestarts: Promise<void>[] = [];

  try {
    // Accounts first, straight into the database; then the servers.
    const setup = await openDatabase(location);
    await migrateToLatest(setup);
    const hash = await hashPassword('convergence-passord');
    const accounts: { id: string; role: Role }[] = [];
    for (let i = 0; i < options.clients; i++) {
      const role: Role = i % 3 === 2 ? 'teamLeader' : 'agent';
      const user = await createUser(
        setup.db,
        {
          username: `agent${i}`,
          displayName: `Agent ${i}`,
          role,
          municipalityIds: [],
          password: '',
        },
        new Date(),
        hash,
      );
      accounts.push({ id: user.id, role });
      users.set(user.id, { role, municipalityIds: [] });
    }
    await setup.close();
    const startedAt = Date.now();
    await Promise.all(servers.map(async (server, i) => network.setPort(i, await server.start())));
    log(
      `servers: ${servers.map((s) => `${s.name}:${s.port}`).join(' ')} (started in ${Date.now() - startedAt} ms)`,
    );

    for (let i = 0; i < options.clients; i++) {
      const proxy = new FaultProxy({
        name: `client${i}`,
        network,
        home: i % servers.length,
        random: streamOf(options.seed, 100 + i),
        stallMs: [requestTimeoutMs + 300, requestTimeoutMs * 2.5],
        rates: { ...defaultFaultRates, ...options.rates },
      });
      proxy.faults = false;
      const baseUrl = `http://127.0.0.1:${await proxy.listen()}`;
      const api = createApiClient({ baseUrl, getToken: () => null });
      const { token } = await api.call(signIn, {
        body: {
          username: `agent${i}`,
          password: 'convergence-passord',
          deviceId: `device-${i}`,
        },
      });
      const client = {
        index: i,
        deviceId: `device-${i}`,
        userId: accounts[i]!.id,
        role: accounts[i]!.role,
        token,
        baseUrl,
        dbName: `convergence-${options.seed}-${i}-${process.pid}-${options.engine}`,
        offline: false,
        random: streamOf(options.seed, 200 + i),
        ids: streamOf(options.seed, 300 + i),
        jitter: streamOf(options.seed, 400 + i),
        ledger: [],
        proxy,
      } as unknown as SimClient;
      open(client);
      clients.push(client);
    }
    await Promise.all(clients.map((c) => c.engine.start()));
    for (const client of clients) client.proxy.faults = faults;

    /** The real HTTP + SSE transport; the fetch under it records what is pushed. */
    function transportFor(client: SimClient): SyncTransport {
      const recordingFetch = (async (input: string | URL | Request, init?: RequestInit) => {
        const isPush =
          init?.method === 'POST' &&
          typeof init.body === 'string' &&
          String(input).endsWith('/api/v1/sync/push');
        if (isPush) {
          bump('pushRequests');
          for (const mutation of (JSON.parse(init.body as string) as PushRequest).mutations) {
            const first = sent.get(mutation.mutationId);
            if (!first) sent.set(mutation.mutationId, mutation);
            else if (!isDeepStrictEqual(first, mutation)) {
              problems.push(`mutation ${mutation.mutationId} was sent with two bodies`);
            }
          }
        } else if (String(input).includes('/api/v1/sync/pull')) bump('pullRequests');
        const response = await fetch(input, init);
        if (isPush && response.status === 200) {
          // What the server acknowledged, as far as the whole answer arrived.
          response
            .clone()
            .json()
            .then((body: PushResponse) => {
              for (const result of body.results) {
                if (result.status === 'applied' && result.seq !== null) {
                  const earlier = acknowledged.get(result.mutationId);
                  if (earlier !== undefined && earlier !== result.seq) {
                    problems.push(
                      `mutation ${result.mutationId} acknowledged as seq ${earlier} and ${result.seq}`,
                    );
                  }
                  acknowledged.set(result.mutationId, result.seq);
                }
              }
            })
            .catch(() => {});
        }
        return response;
      }) as typeof fetch;
      const http = createHttpTransport({
        baseUrl: client.baseUrl,
        getToken: () => client.token,
        fetch: recordingFetch,
        timeoutMs: requestTimeoutMs,
        reconnectMs: 100,
        maxReconnectMs: 1_000,
      });
      return {
        push: http.push,
        pull: http.pull,
        subscribe: (onEvent, onConnection) =>
          http.subscribe(
            (event) => {
              bump('liveEvents');
              onEvent(event);
            },
            (up) => {
              if (up) bump('streamConnects');
              onConnection?.(up);
            },
          ),
      };
    }

    function open(client: SimClient): void {
      client.db = new SaksbordDb(client.dbName);
      client.repo = createCaseRepository(client.db, {
        deviceId: client.deviceId,
        getActor: () => ({ id: client.userId }),
        now: () => new Date(),
        newId: () => uuidFrom(client.ids),
      });
      client.engine = createSyncEngine({
        db: client.db,
        transport: transportFor(client),
        deviceId: client.deviceId,
        now: () => new Date(),
        random: client.jitter,
        schedule: (fn, ms) => {
          const timer = setTimeout(fn, ms);
          return () => clearTimeout(timer);
        },
        retryBaseMs: 100,
        retryMaxMs: 2_000,
        // A stalled stream carries no pokes: poll now and then, as the app does.
        pollIntervalMs: 2_000,
        pushDelayMs: 20,
        pushBatchSize: 1 + Math.floor(client.jitter() * 20),
        pullLimit: 5 + Math.floor(client.jitter() * 45),
      });
    }

    async function recordNewMutation(
      client: SimClient,
      change: () => Promise<unknown>,
    ): Promise<void> {
      const before = await client.db.outbox.orderBy('order').last();
      await change();
      const after = await client.db.outbox.orderBy('order').last();
      if (after && after.order !== before?.order) client.ledger.push(after.mutationId);
    }

    async function act(client: SimClient): Promise<void> {
      const { random } = client;
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
      const chance = (p: number) => random() < p;
      bump('actions');
      const cases = await client.db.cases.toArray();
      const roll = random();
      if (roll < 0.1 || cases.length === 0) {
        const priority = pick(['low', 'medium', 'high', 'critical'] as const);
        const channel = pick(['phone', 'email', 'agent'] as const);
        await recordNewMutation(client, () =>
          client.repo.createCase({
            title: `Sak frå klient ${client.index}`,
            priority,
            channel,
            requester: { name: 'Kari Nordmann', municipalityId: 'molde' },
          }),
        );
        bump('creates');
        return;
      }
      // The list is in the database's order; sort so a seed picks alike from alike lists.
      // Half the edits go to a few hot cases, so that clients meet on the same fields.
      const sorted = cases.sort((a, b) => a.id.localeCompare(b.id));
      const target = pick(chance(0.5) ? sorted.slice(0, 3) : sorted);
      if (roll < 0.7) {
        const change = pick<() => CaseChangeInput>([
          () => ({ type: 'prioritySet', priority: pick(['low', 'medium', 'high', 'critical']) }),
          () => ({
            type: 'fieldsChanged',
            changes: { title: `Tittel ${Math.floor(random() * 1e6)}` },
          }),
          () => ({
            type: 'fieldsChanged',
            changes: {
              title: `Tittel ${Math.floor(random() * 1e6)}`,
              description: `Skildring ${Math.floor(random() * 1e6)}`,
            },
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
              // A resolution needs its note (status.resolutionNoteRequired), mostly given.
              note: status === 'resolved' && chance(0.9) ? `Løyst ${random()}` : '',
            };
          },
          () => ({ type: 'assigned', assigneeId: chance(0.7) ? client.userId : null }),
          () => ({
            type: 'commented',
            commentId: uuidFrom(client.ids),
            body: `Kommentar ${Math.floor(random() * 1e6)}`,
            visibility: pick(['internal', 'requester']),
          }),
          () => ({
            type: 'worklogAdded',
            entryId: uuidFrom(client.ids),
            minutes: 1 + Math.floor(random() * 60),
            line: 1,
          }),
          () => ({ type: 'acknowledged' }),
        ])();
        await recordNewMutation(client, () => client.repo.applyLocalChange(target.id, change));
        bump(`change.${change.type}`);
      } else if (roll < 0.85) {
        bump('syncs');
        await client.engine.syncNow();
      } else if (roll < 0.92) {
        client.offline = !client.offline;
        if (client.offline) bump('offlineSpells');
        client.engine.setNetworkAvailable(!client.offline);
      } else if (roll < 0.97) {
        // Re-apply a losing value now and then: the one action the user has for a conflict.
        const [conflict] = await client.db.conflicts.where('state').equals('open').toArray();
        if (conflict) {
          await recordNewMutation(client, () => client.repo.reapplyConflict(conflict.id));
          bump('reapplied');
        }
      } else {
        // Crash and restart; a crash during a push leaves items "sending".
        bump('restarts');
        const leaveSending = chance(0.5);
        await client.engine.stop();
        if (leaveSending) {
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

    // The fault schedule, drawn from the seed, on the run's clock.
    const ms = options.seconds * 1_000;
    let deadline = Number.POSITIVE_INFINITY;
    let restarting = false;
    const schedule: ScheduledFault[] = [];
    const plan = streamOf(options.seed, 1);
    const within = (low: number, high: number) => Math.round(ms * (low + plan() * (high - low)));
    if (faults) {
      const partitions = Math.max(2, Math.round(options.seconds / 4));
      /** When each target's last partition ends: one partition at a time per target. */
      const busyUntil = new Map<string, number>();
      for (let p = 0; p < partitions; p++) {
        const length = 400 + Math.round(plan() * 2_000);
        const ofServer = plan() < 0.3;
        const index = Math.floor(plan() * (ofServer ? servers.length : clients.length));
        const name = ofServer ? servers[index]!.name : `client${index}`;
        const at = Math.max(within(0.05, 0.75), (busyUntil.get(name) ?? -1) + 1);
        busyUntil.set(name, at + length);
        const set = (on: boolean) =>
          ofServer ? network.partitionServer(index, on) : clients[index]!.proxy.partition(on);
        schedule.push({
          at,
          what: `partition ${name} for ${length} ms`,
          run: async () => {
            bump('partitions');
            set(true);
            await sleep(length);
            set(false);
          },
        });
      }
    }
    if (kill) {
      const at = within(0.2, 0.45);
      const index = Math.floor(plan() * servers.length);
      const down = 200 + Math.round(plan() * 1_000);
      const server = servers[index]!;
      schedule.push({
        at,
        what: `SIGKILL ${server.name}, start it again after ${down} ms`,
        run: async () => {
          bump('kills');
          restarting = true;
          network.setPort(index, null);
          await server.kill();
          await sleep(down);
          network.setPort(index, await server.start());
          // A restart takes seconds on a busy machine: the clients go on acting until the
          // restarted server has served for a while.
          deadline = Math.max(deadline, Date.now() + ms * 0.3);
          restarting = false;
        },
      });
    }
    schedule.sort((a, b) => a.at - b.at);
    for (const fault of schedule) log(`schedule: at ${fault.at} ms: ${fault.what}`);

    const start = Date.now();
    deadline = start + ms;
    const faultRuns = schedule.map(async (fault) => {
      await sleep(fault.at);
      const began = Date.now() - start;
      await fault.run();
      log(`fault: ${fault.what} (began at ${began} ms, over at ${Date.now() - start} ms)`);
    });
    pendingRestarts.push(...faultRuns);
    const actionErrors: string[] = [];
    await Promise.all(
      clients.map(async (client) => {
        while (Date.now() < deadline || restarting) {
          await sleep(10 + Math.floor(client.random() * 150));
          try {
            await act(client);
          } catch (error) {
            bump('actionErrors');
            actionErrors.push(`client ${client.index}: ${(error as Error).stack ?? error}`);
          }
        }
      }),
    );
    log(`ran ${Date.now() - start} ms, ${stats.actions} actions`);
    for (const error of actionErrors.slice(0, 5)) problems.push(`action failed: ${error}`);

    // Heal: the schedule's last fault ends, every partition heals, every server is up,
    // every client online; then sync until no outbox holds anything.
    await Promise.all(faultRuns);
    network.healAll();
    for (const [i, server] of servers.entries()) {
      if (!server.running) network.setPort(i, await server.start());
    }
    for (const client of clients) {
      client.offline = false;
      client.engine.setNetworkAvailable(true);
    }
    const healStarted = Date.now();
    // Rounds until every outbox is empty, for at most two minutes: on a busy machine plain
    // requests may still pass the client's timeout, and the engine retries them.
    for (let round = 0; Date.now() - healStarted < 120_000; round++) {
      await Promise.all(clients.map((c) => c.engine.syncNow()));
      const left = await Promise.all(
        clients.map((c) =>
          c.db.outbox.where('state').anyOf('pending', 'sending', 'acknowledged').count(),
        ),
      );
      stats.healRounds = round + 1;
      if (left.every((n) => n === 0)) break;
      await sleep(100);
    }
    // Twice more each, in turn, so everyone has seen everybody's last pushes.
    for (let pass = 0; pass < 2; pass++) {
      for (const client of clients) await client.engine.syncNow();
    }
    stats.healMs = Date.now() - healStarted;
    for (const client of clients) await client.engine.stop();

    for (const client of clients) {
      for (const [k, v] of Object.entries(client.proxy.stats)) bump(`net.${k}`, v);
    }
    stats.serverStarts = servers.reduce((n, s) => n + s.starts, 0);

    const handle = await openDatabase(location);
    let checked: Awaited<ReturnType<typeof checkRun>>;
    try {
      checked = await checkRun({
        db: handle.db,
        clients,
        users,
        municipalities: defaultServiceConfig.municipalities,
        sent,
        acknowledged,
      });
    } finally {
      await handle.close();
    }
    Object.assign(stats, checked.stats);
    problems.push(...checked.problems);
    const converged =
      problems.length === 0 &&
      checked.lost === 0 &&
      checked.duplicated === 0 &&
      checked.refusedWrongly === 0;
    if (!converged) {
      for (const server of servers) {
        for (const line of server.output.slice(-10)) log(`${server.name}: ${line}`);
      }
    }
    return {
      converged,
      engine: options.engine,
      clients: options.clients,
      mutations: clients.reduce((n, c) => n + c.ledger.length, 0),
      lost: checked.lost,
      duplicated: checked.duplicated,
      refusedWrongly: checked.refusedWrongly,
      problems,
      stats,
    };
  } finally {
    await Promise.allSettled(pendingRestarts);
    for (const client of clients) {
      await client.engine.stop().catch(() => {});
      client.db.close();
      await Dexie.delete(client.dbName);
      await client.proxy.close();
    }
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(dataDir, { recursive: true, force: true });
    if (schema) {
      const admin = new pg.Client({
        connectionString: parsePostgresUrl(postgresBaseUrl).connectionString,
      });
      await admin.connect();
      try {
        await admin.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await admin.end();
      }
    }
  }
}

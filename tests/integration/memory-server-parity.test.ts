/**
 * The in-memory test double of the server (tests/doubles/memory-server.ts, used by the sync
 * engine's unit tests) must answer pushes as the real server does: the same statuses, rule
 * ids, reasons, parameters, conflicts and sequence numbers. Each scenario is pushed, with the
 * same ids, to the real server in this process and to the double, and the answers compared.
 */
import { randomUUID } from 'node:crypto';
import { type CaseChangeInput, caseChangeSchema } from '@core/case/index';
import type { Mutation, MutationResult } from '@core/sync/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemorySyncServer } from '../doubles/memory-server';
import { engines } from './helpers/engines';
import {
  newCaseBody,
  type TestServer,
  type TestUserName,
  testPassword,
  testServer,
} from './helpers/test-server';

type Pusher = (
  who: TestUserName,
  deviceId: string,
  mutations: Mutation[],
) => Promise<MutationResult[]>;

/** A scenario pushes batches and returns every answer; `id(n)` is the same on both servers. */
type Scenario = (push: Pusher, id: (n: number) => string) => Promise<MutationResult[]>;

const at = '2026-01-05T09:00:00.000Z';
const m = (n: string, caseId: string, change: CaseChangeInput, baseVersion = 0): Mutation => ({
  mutationId: n,
  caseId,
  baseVersion,
  clientAt: at,
  change: caseChangeSchema.parse(change),
});
const created = (overrides: Record<string, unknown> = {}) =>
  ({ type: 'created', ...newCaseBody(overrides) }) as CaseChangeInput;

const scenarios: [string, Scenario][] = [
  [
    'a case created twice is refused as case.alreadyExists',
    async (push, id) => [
      ...(await push('agent', 'laptop-1', [m(id(1), id(0), created())])),
      ...(await push('agent', 'laptop-1', [m(id(2), id(0), created())])),
    ],
  ],
  [
    'a change to a case that does not exist is case.notFound',
    (push, id) => push('agent', 'laptop-1', [m(id(1), id(0), { type: 'acknowledged' })]),
  ],
  [
    'rule refusals carry the rule id, reason and params',
    (push, id) =>
      push('agent', 'laptop-1', [
        m(id(1), id(0), created({ requester: { name: 'X', municipalityId: 'oslo' } })),
        m(id(2), id(3), created()),
        m(id(4), id(3), { type: 'statusChanged', status: 'resolved' }),
        m(id(5), id(3), { type: 'escalated', toLine: 1, reason: 'Same line' }),
      ]),
  ],
  [
    'fields changed by somebody else after the base keep the server value; the rest applies',
    async (push, id) => {
      const [base] = await push('agent', 'laptop-1', [m(id(1), id(0), created())]);
      const v = base!.seq!;
      const theirs = await push('agent2', 'desk-2', [
        m(id(2), id(0), { type: 'fieldsChanged', changes: { title: 'Skrivar: papirstopp' } }, v),
        m(id(3), id(0), { type: 'prioritySet', priority: 'high', note: 'Heile avdelinga' }, v),
      ]);
      const mine = await push('agent', 'laptop-1', [
        m(id(4), id(0), { type: 'fieldsChanged', changes: { title: 'Min', description: 'Ny' } }, v),
        m(id(5), id(0), { type: 'prioritySet', priority: 'low', note: 'Berre éin' }, v),
        m(
          id(6),
          id(0),
          { type: 'commented', commentId: id(7), body: 'Ringte', visibility: 'internal' },
          v,
        ),
      ]);
      return [base!, ...theirs, ...mine];
    },
  ],
  [
    'a device never conflicts with its own earlier edits, but the same user on another device does',
    async (push, id) => {
      const [base] = await push('agent', 'laptop-1', [m(id(1), id(0), created())]);
      const v = base!.seq!;
      return [
        base!,
        ...(await push('agent', 'laptop-1', [
          m(id(2), id(0), { type: 'fieldsChanged', changes: { title: 'Fyrste' } }, v),
          m(id(3), id(0), { type: 'fieldsChanged', changes: { title: 'Andre' } }, v),
        ])),
        ...(await push('agent', 'phone-1', [
          m(id(4), id(0), { type: 'fieldsChanged', changes: { title: 'Frå telefonen' } }, v),
        ])),
      ];
    },
  ],
  [
    'an escalation is one decision: a stale assignee loses the whole move',
    async (push, id) => {
      const [base] = await push('agent', 'laptop-1', [m(id(1), id(0), created())]);
      const v = base!.seq!;
      return [
        base!,
        ...(await push('agent2', 'desk-2', [
          m(id(2), id(0), { type: 'statusChanged', status: 'inProgress' }, v),
        ])),
        ...(await push('agent', 'laptop-1', [
          m(id(3), id(0), { type: 'escalated', toLine: 3, reason: 'Treng senior' }, v),
          m(
            id(4),
            id(0),
            { type: 'statusChanged', status: 'waiting', waitingReason: 'requester' },
            v,
          ),
        ])),
      ];
    },
  ],
  [
    'a batch pushed again returns the stored answers; another user reusing an id is refused',
    async (push, id) => {
      const batch = [
        m(id(1), id(0), created()),
        m(id(2), id(0), { type: 'statusChanged', status: 'inProgress' }),
        m(id(3), id(0), { type: 'statusChanged', status: 'closed' }),
      ];
      return [
        ...(await push('agent', 'laptop-1', batch)),
        ...(await push('agent', 'laptop-1', batch)),
        ...(await push('agent2', 'desk-2', [batch[1]!])),
      ];
    },
  ],
  [
    'attachments are recorded only by uploading',
    async (push, id) => [
      ...(await push('agent', 'laptop-1', [m(id(1), id(0), created())])),
      ...(await push('agent', 'laptop-1', [
        m(id(2), id(0), {
          type: 'attachmentAdded',
          attachmentId: id(3),
          fileName: 'skjerm.png',
          contentType: 'image/png',
          sizeBytes: 10,
        }),
      ])),
    ],
  ],
];

/** The answers without what only a clock decides. */
const comparable = (results: MutationResult[]) =>
  results.map((r) => ({
    ...r,
    conflicts: r.conflicts.map(({ serverChangedAt, ...c }) => ({
      ...c,
      serverChangedAt: serverChangedAt === null ? null : 'set',
    })),
  }));

const sqlite = engines.find((e) => e.name === 'sqlite')!;

describe('the in-memory server double answers pushes as the real server does', () => {
  let s: TestServer;
  let double: InMemorySyncServer;
  beforeAll(async () => {
    s = await testServer(sqlite);
    double = new InMemorySyncServer();
  });
  afterAll(async () => {
    await s?.close();
  });

  it.each(scenarios)('%s', async (_what, scenario) => {
    const ids = Array.from({ length: 10 }, () => randomUUID());
    const id = (n: number) => ids[n]!;
    // The server records the session's device, so each device pushes with its own session.
    const sessions = new Map<string, string>();
    const tokenFor = async (who: TestUserName, deviceId: string) => {
      const key = `${who}|${deviceId}`;
      if (!sessions.has(key)) {
        const res = await s.call('POST', '/api/v1/auth/sign-in', {
          body: { username: who, password: testPassword, deviceId },
        });
        sessions.set(key, res.body.token);
      }
      return sessions.get(key)!;
    };
    const real = await scenario(async (who, deviceId, mutations) => {
      const res = await s.call('POST', '/api/v1/sync/push', {
        token: await tokenFor(who, deviceId),
        body: { deviceId, mutations },
      });
      expect(res.status).toBe(200);
      return res.body.results as MutationResult[];
    }, id);
    const doubled = await scenario(
      async (who, deviceId, mutations) =>
        double.push({ deviceId, mutations: structuredClone(mutations) }, s.ids[who]).results,
      id,
    );
    expect(comparable(doubled)).toEqual(comparable(real));
    // The scenario means something: not everything was simply applied.
    expect(real.some((r) => r.status !== 'applied' || r.conflicts.length > 0)).toBe(true);
  });
});

/// <reference lib="dom" />
/**
 * Runs in Chromium (bundled by store-upgrade.spec.ts): writes a local store at schema
 * version 2 as a client of the first release left it, opens it with the current schema and
 * reports what the upgrade kept, in `document.title` as JSON.
 */
import { eventsOfCase, worklogEventsSince } from '../../../src/renderer/src/db/event-log';
import { SaksbordDb } from '../../../src/renderer/src/db/saksbord-db';
import { serverCase } from '../../../src/renderer/src/db/test-fixtures';

const caseId = '00000000-0000-4000-8000-000000000001';

function event(seq: number, change: Record<string, unknown>) {
  return {
    id: `00000000-0000-4000-a000-00000000000${seq}`,
    caseId,
    seq,
    at: `2026-11-2${seq}T08:00:00.000Z`,
    clientAt: `2026-11-2${seq}T08:00:00.000Z`,
    actorId: 'agent-1',
    deviceId: 'device-1',
    mutationId: null,
    change,
  };
}

async function run() {
  const name = `upgrade-${crypto.randomUUID()}`;
  const old = new SaksbordDb(name, { upTo: 2 });
  await old.open();
  const record = serverCase({ id: caseId });
  await old.cases.put({
    ...record,
    pendingCount: 0,
    rejectedCount: 0,
    provisionalNumber: null,
    server: record,
  });
  // Version 2 kept one record per server event, in a table later versions drop.
  const events = (old as unknown as { events: { bulkPut(rows: unknown[]): Promise<unknown> } })
    .events;
  await events.bulkPut([
    event(1, { type: 'acknowledged' }),
    event(2, { type: 'worklogAdded', entryId: 'entry-1', minutes: 15, line: 1, note: '' }),
    event(3, { type: 'prioritySet', priority: 'high' }),
  ]);
  old.close();

  const db = new SaksbordDb(name);
  await db.open();
  return {
    version: db.verno,
    stores: Array.from(db.backendDB().objectStoreNames).sort(),
    cases: await db.cases.count(),
    history: (await eventsOfCase(db, caseId)).map((e) => e.seq),
    worklog: (await worklogEventsSince(db, '2026-11-01T00:00:00.000Z')).map((e) => e.seq),
  };
}

run().then(
  (result) => {
    document.title = JSON.stringify(result);
  },
  (error: unknown) => {
    document.title = `failed: ${String(error)}`;
  },
);

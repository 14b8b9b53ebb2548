import { beforeEach, describe, expect, it, vi } from 'vitest';
import { InMemorySyncServer } from '../../../../tests/doubles/memory-server';
import type { SaksbordDb } from '../db/saksbord-db';
import { freshDbPerTest } from '../db/test-db';
import { createdChange, sequentialIds } from '../db/test-fixtures';
import { applyPullPage } from './apply-server-changes';

const created = createdChange();

const store = freshDbPerTest('apply');
let db: SaksbordDb;
let server: InMemorySyncServer;
beforeEach(() => {
  db = store();
  server = new InMemorySyncServer();
});

describe('applying a pull page', () => {
  it.each([
    ['the page does not say what it was requested after', undefined],
    ['the store has moved past what the page was requested after', 0],
  ])(
    'never goes back in time when %s (an older page arriving late, e.g. from a second window)',
    async (_when, after) => {
      const id = sequentialIds(7)();
      server.serverChange(id, created);
      const older = server.pull(0, 100);
      server.serverChange(id, { type: 'prioritySet', priority: 'high' });
      await applyPullPage(db, server.pull(0, 100), 0);
      await applyPullPage(db, older, after);
      expect(await db.cases.get(id)).toMatchObject({ priority: 'high', version: 2 });
    },
  );

  it('does not read back cases created in the page on a first sync (none can be stored)', async () => {
    const ids = sequentialIds(8);
    for (let i = 0; i < 3; i++) server.serverChange(ids(), created);
    const bulkGet = vi.spyOn(db.cases, 'bulkGet');
    await applyPullPage(db, server.pull(0, 100), 0);
    expect(bulkGet).not.toHaveBeenCalled();
    expect(await db.cases.count()).toBe(3);
  });
});

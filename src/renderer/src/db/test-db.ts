import { Dexie } from 'dexie';
import { afterEach, beforeEach } from 'vitest';
import { SaksbordDb } from './saksbord-db';
import { uniqueDbName } from './test-fixtures';

/**
 * A fresh local store for each test of the enclosing `describe` (opened before, deleted
 * after); call the returned function inside a test to get it. Tests only.
 */
export function freshDbPerTest(label: string): () => SaksbordDb {
  let db: SaksbordDb | undefined;
  beforeEach(async () => {
    db = new SaksbordDb(uniqueDbName(label));
    await db.open();
  });
  afterEach(async () => {
    if (!db) return;
    db.close();
    await Dexie.delete(db.name);
    db = undefined;
  });
  return () => {
    if (!db) throw new Error('freshDbPerTest: the store exists only inside a test');
    return db;
  };
}

/**
 * Issue 18, upload Lows: a file's name, type and content must agree (bidi tricks are taken
 * out), each user has a storage quota, and a server short of disk refuses uploads with 507,
 * leaves no partial file, and says so on /readyz.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from './helpers/engines';
import { newCaseBody, testServer } from './helpers/test-server';

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const exe = Buffer.from('MZ\x90\x00 this program cannot be run in DOS mode');
const sqlite = engines[0]!;

async function withServer(options: Record<string, unknown>) {
  const s = await testServer(sqlite, options);
  const created = await s.call('POST', '/api/v1/cases', {
    token: s.tokens.agent,
    body: newCaseBody(),
  });
  const caseId = created.body.case.id as string;
  const upload = (body: Buffer, type: string, fileName: string, token = s.tokens.agent) =>
    s.app.request(`/api/v1/cases/${caseId}/attachments?fileName=${encodeURIComponent(fileName)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      body: new Uint8Array(body),
    });
  return { s, caseId, upload };
}

describe('uploads', () => {
  let t: Awaited<ReturnType<typeof withServer>>;
  beforeAll(async () => {
    t = await withServer({ uploadQuotaBytes: 30 });
  });
  afterAll(async () => {
    await t?.s.close();
  });

  const cases: [string, Buffer, string, string, number][] = [
    ['a real PNG', png, 'image/png', 'skjerm.png', 201],
    ['setup.exe sent as image/png', png, 'image/png', 'setup.exe', 415],
    ['a program named .png', exe, 'image/png', 'bilete.png', 415],
    ['a right-to-left override hiding .exe', png, 'image/png', 'faktura\u202egnp.exe', 415],
  ];
  it.each(cases)('%s → %i', async (_name, body, type, fileName, status) => {
    expect((await t.upload(body, type, fileName)).status).toBe(status);
  });

  it('bidi marks leave a stored name', async () => {
    const res = await t.upload(png, 'image/png', 'skjerm\u200f\u2066b.png');
    expect(res.status).toBe(201);
    expect(((await res.json()) as { fileName: string }).fileName).toBe('skjermb.png');
  });

  it('each user has a storage quota', async () => {
    // Two 12-byte files are stored; a third passes the 30-byte quota.
    const res = await t.upload(png, 'image/png', 'tredje.png');
    expect(res.status).toBe(413);
    // Another user has their own.
    expect((await t.upload(png, 'image/png', 'agent2.png', t.s.tokens.agent2)).status).toBe(201);
  });
});

describe('a server short of disk', () => {
  it('refuses uploads with 507, leaves no file, and is not ready', async () => {
    const t = await withServer({ minFreeBytes: Number.MAX_SAFE_INTEGER });
    try {
      const res = await t.upload(png, 'image/png', 'skjerm.png');
      expect(res.status).toBe(507);
      const dir = join(t.s.ctx.options.dataDir, 'attachments', t.caseId);
      expect(() => readdirSync(dir)).toThrow();
      const ready = await t.s.call('GET', '/readyz');
      expect(ready).toMatchObject({ status: 503, body: { status: 'storage full' } });
    } finally {
      await t.s.close();
    }
  });
});

describe('a database out of room', () => {
  it('answers 507 with the real cause (not "cannot rollback"), and /readyz says storage full', async () => {
    const s = await testServer(sqlite);
    try {
      // SQLite's own limit on the file: every further write fails with SQLITE_FULL, as on a
      // full disk, and SQLite ends the transaction itself.
      const pages = await sql<{ page_count: number }>`pragma page_count`.execute(s.ctx.db);
      await sql.raw(`pragma max_page_count = ${pages.rows[0]!.page_count}`).execute(s.ctx.db);
      let res = { status: 0 } as Awaited<ReturnType<typeof s.call>>;
      for (let i = 0; i < 5 && res.status !== 507; i++) {
        res = await s.call('POST', '/api/v1/cases', {
          token: s.tokens.agent,
          body: newCaseBody({ description: 'x'.repeat(4000) }),
        });
      }
      expect(res.status).toBe(507);
      const ready = await s.call('GET', '/readyz');
      expect(ready).toMatchObject({ status: 503, body: { status: 'storage full' } });
    } finally {
      await s.close();
    }
  });
});

/**
 * Issue 18, item 5 and the header Lows: the server speaks HTTPS when given a certificate and
 * key (with HSTS), every answer carries the security headers as HTTP headers, API answers are
 * not cached, and a JSON body must be sent as application/json.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/database';
import { engines } from './helpers/engines';
import { listeningTestServer, type TestServer, testServer } from './helpers/test-server';

const sqlite = engines[0]!;
const postgres = engines[1]!;

describe('the database', () => {
  it.skipIf(!postgres.available)(
    'PostgreSQL statements and idle transactions time out',
    async () => {
      const handle = await postgres.open(false);
      try {
        const timeout = await sql<{ statement_timeout: string }>`show statement_timeout`.execute(
          handle.db,
        );
        expect(timeout.rows[0]!.statement_timeout).toBe('1min');
      } finally {
        await handle.close();
      }
    },
  );

  it.skipIf(process.platform === 'win32')(
    'the SQLite data folder and file are the owner’s alone',
    async () => {
      const location = sqlite.freshLocation();
      const handle = await openDatabase(location);
      try {
        expect(statSync(location.dataDir).mode & 0o777).toBe(0o700);
        expect(statSync(join(location.dataDir, 'saksbord.db')).mode & 0o777).toBe(0o600);
      } finally {
        await handle.close();
      }
    },
  );
});

describe('HTTPS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'saksbord-tls-'));
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  let s: TestServer & { url: string };
  beforeAll(async () => {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        keyFile,
        '-out',
        certFile,
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    s = await listeningTestServer(sqlite, sqlite.freshLocation(), false, {
      tls: { certFile, keyFile },
    });
  });
  afterAll(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves HTTPS with HSTS when given a certificate and key', async () => {
    expect(s.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const answer = await new Promise<{ status: number; headers: Record<string, unknown> }>(
      (resolve, reject) => {
        const req = request(`${s.url}/healthz`, { ca: readFileSync(certFile) }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers }));
        });
        req.on('error', reject);
        req.end();
      },
    );
    expect(answer.status).toBe(200);
    expect(answer.headers['strict-transport-security']).toBe('max-age=31536000');
  });
});

describe('/metrics with a token', () => {
  it('answers only the scraper that brings the token', async () => {
    const s = await testServer(sqlite, { metricsToken: 'skrapar-hemmeleg' });
    try {
      expect((await s.call('GET', '/metrics')).status).toBe(401);
      expect((await s.call('GET', '/metrics', { token: 'feil' })).status).toBe(401);
      const ok = await s.call('GET', '/metrics', { token: 'skrapar-hemmeleg' });
      expect(ok.status).toBe(200);
      expect(ok.body).toContain('saksbord_sse_clients');
    } finally {
      await s.close();
    }
  });
});

describe('security headers and JSON bodies', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer(sqlite);
  });
  afterAll(async () => {
    await s?.close();
  });

  const cases: [string, string, string][] = [
    ['the API', '/api/v1/service-status', "default-src 'none'; frame-ancestors 'none'"],
    ['the web app', '/', "frame-ancestors 'none'"],
    ['the portal', '/portal/', "frame-ancestors 'none'"],
  ];
  it.each(cases)(
    '%s carries CSP with frame-ancestors, nosniff and Referrer-Policy',
    async (_n, path, csp) => {
      const res = await s.call('GET', path);
      expect(res.headers.get('content-security-policy')).toContain(csp);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      // Plain HTTP: no HSTS (it would lock a test server's clients out).
      expect(res.headers.get('strict-transport-security')).toBeNull();
    },
  );

  it('API answers are not cached', async () => {
    const res = await s.call('GET', '/api/v1/cases', { token: s.tokens.agent });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('a cross-site form cannot post a sign-in: JSON must say application/json', async () => {
    const body = JSON.stringify({ username: 'agent', password: 'x', deviceId: 'd' });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const res = await s.call('POST', '/api/v1/auth/sign-in', {
        rawBody: body,
        headers: { 'content-type': type },
      });
      expect([type, res.status]).toEqual([type, 415]);
    }
  });
});

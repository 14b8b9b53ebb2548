/**
 * A local Web Push service for tests and the demo (RFC 8030), on loopback. It makes real
 * subscriptions (a P-256 key pair and an auth secret per subscription, as a browser does),
 * and for every push it receives it checks the VAPID header (RFC 8292: an ES256 JWT whose
 * `aud` is this service's origin, `exp` at most 24 h ahead, a `sub` contact, signed by the
 * key given in `k`) and DECRYPTS the body with the subscription's private key and auth
 * secret (aes128gcm, RFC 8291). A push that fails either check is answered 400/401 and
 * recorded as rejected: a passing test proves the wire format.
 */
import { createECDH, createPublicKey, randomBytes, randomUUID, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error http_ece ships no types
import ece from 'http_ece';

export interface PushSubscriptionJson {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface ReceivedPush {
  subscriptionId: string;
  at: number;
  /** The decrypted payload, parsed as JSON when it is JSON. */
  payload: unknown;
  vapid: { aud: string; sub: string; exp: number; publicKey: string };
  ttl: number;
  urgency: string | null;
}

export interface PushService {
  url: string;
  subscribe(): PushSubscriptionJson;
  received: ReceivedPush[];
  rejected: Array<{ subscriptionId: string; reason: string }>;
  /** Answer the next pushes with this status (e.g. 410 for an expired subscription). */
  failWith(status: number | null): void;
  /** Resolves when `count` pushes have been received. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedPush[]>;
  close(): Promise<void>;
}

const b64url = (b: Buffer) => b.toString('base64url');

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Checks a VAPID Authorization header; returns its claims or a reason. */
export function checkVapid(
  header: string | undefined,
  origin: string,
  nowSeconds: number,
):
  | { ok: true; aud: string; sub: string; exp: number; publicKey: string }
  | { ok: false; reason: string } {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? '');
  if (!match) return { ok: false, reason: 'Authorization is not "vapid t=…, k=…"' };
  const [, jwt, k] = match as unknown as [string, string, string];
  const [h, p, s] = jwt.split('.');
  if (!h || !p || !s) return { ok: false, reason: 'malformed JWT' };
  const head = JSON.parse(Buffer.from(h, 'base64url').toString()) as { alg?: string };
  if (head.alg !== 'ES256') return { ok: false, reason: `alg ${head.alg} is not ES256` };
  const raw = Buffer.from(k, 'base64url');
  if (raw.length !== 65 || raw[0] !== 4)
    return { ok: false, reason: 'k is not an uncompressed P-256 key' };
  const key = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: b64url(raw.subarray(1, 33)), y: b64url(raw.subarray(33)) },
    format: 'jwk',
  });
  const good = verify(
    'sha256',
    Buffer.from(`${h}.${p}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(s, 'base64url'),
  );
  if (!good) return { ok: false, reason: 'JWT signature does not verify with k' };
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as {
    aud?: string;
    sub?: string;
    exp?: number;
  };
  if (claims.aud !== origin) return { ok: false, reason: `aud ${claims.aud} is not ${origin}` };
  if (
    typeof claims.exp !== 'number' ||
    claims.exp < nowSeconds ||
    claims.exp > nowSeconds + 24 * 3600
  ) {
    return { ok: false, reason: 'exp is not within the next 24 hours' };
  }
  if (!claims.sub || !/^(mailto:|https:)/.test(claims.sub))
    return { ok: false, reason: 'sub is not mailto:/https:' };
  return { ok: true, aud: claims.aud, sub: claims.sub, exp: claims.exp, publicKey: k };
}

export async function startPushService(): Promise<PushService> {
  const subs = new Map<string, { ecdh: ReturnType<typeof createECDH>; auth: Buffer }>();
  const received: ReceivedPush[] = [];
  const rejected: Array<{ subscriptionId: string; reason: string }> = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  let failStatus: number | null = null;
  let origin = '';

  const server: Server = createServer(async (req, res) => {
    const m = /^\/push\/([\w-]+)$/.exec(req.url ?? '');
    const body = await readBody(req);
    if (req.method !== 'POST' || !m) {
      res.writeHead(404).end();
      return;
    }
    const id = m[1]!;
    const sub = subs.get(id);
    if (!sub) {
      res.writeHead(410).end();
      return;
    }
    if (failStatus !== null) {
      res.writeHead(failStatus).end();
      return;
    }
    const vapid = checkVapid(req.headers.authorization, origin, Math.floor(Date.now() / 1000));
    if (!vapid.ok) {
      rejected.push({ subscriptionId: id, reason: vapid.reason });
      res.writeHead(401).end(vapid.reason);
      return;
    }
    if (req.headers['content-encoding'] !== 'aes128gcm') {
      rejected.push({ subscriptionId: id, reason: 'Content-Encoding is not aes128gcm' });
      res.writeHead(400).end();
      return;
    }
    let text: string;
    try {
      text = ece
        .decrypt(body, { version: 'aes128gcm', privateKey: sub.ecdh, authSecret: b64url(sub.auth) })
        .toString('utf8');
    } catch (error) {
      rejected.push({
        subscriptionId: id,
        reason: `decryption failed: ${(error as Error).message}`,
      });
      res.writeHead(400).end();
      return;
    }
    let payload: unknown = text;
    try {
      payload = JSON.parse(text);
    } catch {}
    received.push({
      subscriptionId: id,
      at: Date.now(),
      payload,
      vapid: { aud: vapid.aud, sub: vapid.sub, exp: vapid.exp, publicKey: vapid.publicKey },
      ttl: Number(req.headers.ttl ?? 0),
      urgency: (req.headers.urgency as string | undefined) ?? null,
    });
    for (const w of [...waiters]) {
      if (received.length >= w.count) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
    res.writeHead(201, { location: `/message/${randomUUID()}` }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: origin,
    received,
    rejected,
    subscribe() {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      const id = randomUUID();
      subs.set(id, { ecdh, auth });
      return {
        endpoint: `${origin}/push/${id}`,
        keys: { p256dh: b64url(ecdh.getPublicKey()), auth: b64url(auth) },
      };
    },
    failWith(status) {
      failStatus = status;
    },
    waitFor(count, timeoutMs = 10_000) {
      if (received.length >= count) return Promise.resolve(received);
      return new Promise((resolve, reject) => {
        const t = setTimeout(
          () => reject(new Error(`expected ${count} pushes, got ${received.length}`)),
          timeoutMs,
        );
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(t);
            resolve(received);
          },
        });
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

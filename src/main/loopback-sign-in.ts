/**
 * Single sign-on for the desktop app, the native-app way (RFC 8252): never a login page inside
 * the app. Main listens on a loopback port (127.0.0.1, a port the OS picks), asks the Saksbord
 * server to start a sign-in that returns there, opens the provider's page in the system
 * browser (`shell.openExternal`), and waits for the browser to come back to the loopback
 * address with a one-time code and our `state`. It trades the code, with the PKCE verifier
 * only main knows, for an ordinary session, which the renderer stores as after a password
 * sign-in (so it also works offline later). The server is the OpenID client; the app never
 * sees the provider's tokens. Electron's API comes in as a parameter (unit tests hand in a
 * stand-in).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  exchangeSsoHandoff,
  fillPath,
  type SsoError,
  ssoErrorSchema,
  ssoExchangeResponseSchema,
  startSsoResponseSchema,
  startSsoSignIn,
} from '@core/api';
import type { z } from 'zod';

export type LoopbackSignInResult =
  | { ok: true; session: z.infer<typeof ssoExchangeResponseSchema> }
  | { ok: false; reason: SsoError | 'failed' | 'cancelled' };

export interface LoopbackSignInDeps {
  /** Electron's `shell.openExternal`: the system browser. */
  openExternal(url: string): Promise<void>;
  fetch?: typeof fetch;
  /** How long the person has at the provider (default ten minutes, as the server allows). */
  timeoutMs?: number;
  /** The page the browser shows when it has come back (already localised). */
  donePage?: (ok: boolean) => string;
}

const defaultDonePage = (ok: boolean) =>
  `<!doctype html><html lang="nn"><meta charset="utf-8"><title>Saksbord</title>` +
  `<p>${ok ? 'Du er logga inn. Gå tilbake til Saksbord.' : 'Innlogginga feila. Gå tilbake til Saksbord.'}</p></html>`;

const base64url = (bytes: Buffer) => bytes.toString('base64url');

/** Listens on 127.0.0.1 at a port the OS picks. */
function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

export async function signInWithProvider(
  request: { serverUrl: string; providerId: string; deviceId: string },
  deps: LoopbackSignInDeps,
): Promise<LoopbackSignInResult> {
  const doFetch = deps.fetch ?? fetch;
  const donePage = deps.donePage ?? defaultDonePage;
  const verifier = base64url(randomBytes(32));
  const challenge = base64url(createHash('sha256').update(verifier).digest());
  const state = base64url(randomBytes(24));
  const server = createServer();
  try {
    const port = await listen(server);
    const returnTo = `http://127.0.0.1:${port}/callback`;
    const arrived = new Promise<URL>((resolve) => {
      server.on('request', (req, res) => {
        const url = new URL(req.url ?? '/', returnTo);
        // Only our own return counts: the path and the state we made.
        if (url.pathname !== '/callback' || url.searchParams.get('state') !== state) {
          res.writeHead(404).end();
          return;
        }
        const ok = url.searchParams.has('sso');
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-store',
        });
        res.end(donePage(ok));
        resolve(url);
      });
    });

    const base = request.serverUrl.replace(/\/+$/, '');
    const started = await doFetch(
      `${base}${fillPath(startSsoSignIn.path, { id: request.providerId })}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ returnTo, codeChallenge: challenge, appState: state }),
      },
    ).catch(() => null);
    if (!started) return { ok: false, reason: 'unavailable' };
    if (started.status === 503) return { ok: false, reason: 'unavailable' };
    if (!started.ok) return { ok: false, reason: 'failed' };
    const { authorizationUrl } = startSsoResponseSchema.parse(await started.json());
    await deps.openExternal(authorizationUrl);

    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), deps.timeoutMs ?? 10 * 60_000);
    });
    const back = await Promise.race([arrived, timedOut]);
    clearTimeout(timer);
    if (!back) return { ok: false, reason: 'expired' };

    const handoff = back.searchParams.get('sso');
    if (!handoff) {
      const error = ssoErrorSchema.safeParse(back.searchParams.get('ssoError'));
      return { ok: false, reason: error.success ? error.data : 'failed' };
    }
    const exchanged = await doFetch(`${base}${exchangeSsoHandoff.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ handoff, codeVerifier: verifier, deviceId: request.deviceId }),
    }).catch(() => null);
    if (!exchanged?.ok) return { ok: false, reason: 'failed' };
    return { ok: true, session: ssoExchangeResponseSchema.parse(await exchanged.json()) };
  } catch {
    return { ok: false, reason: 'failed' };
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

/**
 * The server address a user types, made safe: passwords and 14-day tokens must not cross a
 * network in clear. Without a scheme, `https://` is assumed — except for this machine
 * (localhost, 127.x, ::1), where plain `http://` is what a local server speaks. A plain
 * `http://` address of another machine is refused unless the user has turned on the visible
 * setting that allows it (for a test network; the sign-in form says what it means).
 */
import { isLoopbackHost } from '@core/api';

export { isLoopbackHost };

export type ServerAddress =
  | { ok: true; url: string }
  | { ok: false; reason: 'invalid' | 'insecure'; url: string };

export function serverAddress(
  input: string,
  options: { allowInsecureHttp?: boolean } = {},
): ServerAddress {
  const trimmed = input.trim().replace(/\/+$/, '');
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed);
  let url: URL;
  try {
    url = new URL(hasScheme ? trimmed : `https://${trimmed}`);
  } catch {
    return { ok: false, reason: 'invalid', url: trimmed };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: 'invalid', url: trimmed };
  }
  if (!hasScheme && isLoopbackHost(url.hostname)) url.protocol = 'http:';
  const text = url.toString().replace(/\/+$/, '');
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname) && !options.allowInsecureHttp) {
    return { ok: false, reason: 'insecure', url: text };
  }
  return { ok: true, url: text };
}

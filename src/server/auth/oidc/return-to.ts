/**
 * Where a single sign-on may send the browser back to: a path on this server (the portal, the
 * web workstation), or — for the desktop app — a loopback address with a port (RFC 8252
 * §7.3: `http://127.0.0.1:<port>/…` or `http://[::1]:<port>/…`, where the app listens for
 * the moment of the sign-in). Anything else would make the callback an open redirect that
 * hands a sign-in code to a stranger's site.
 */

/** The return address as an absolute URL, or null when it is not allowed. */
export function allowedReturnTo(value: string, serverOrigin: string): URL | null {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are refused
  if (/[\u0000-\u001f\\]/.test(value)) return null;
  if (value.startsWith('/')) {
    if (value.startsWith('//')) return null;
    const url = new URL(value, serverOrigin);
    return url.origin === new URL(serverOrigin).origin ? url : null;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'http:' || !loopback || url.port === '') return null;
  if (url.username || url.password) return null;
  return url;
}

/** The return address with the outcome's parameters added (before any `#` fragment). */
export function returnUrl(base: string, params: Readonly<Record<string, string | null>>): string {
  const url = new URL(base);
  for (const [name, value] of Object.entries(params)) {
    if (value !== null) url.searchParams.set(name, value);
  }
  return url.toString();
}

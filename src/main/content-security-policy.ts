/**
 * The Content-Security-Policy of the app's pages. Strict: only the app's own scripts, no
 * plugins, no framing, no forms posting elsewhere; network access only to the app itself,
 * Saksbord servers over https or on this computer, and the configured server.
 */

export interface PolicyOptions {
  /** Origins the page may fetch from and open SSE streams to (the Saksbord server). */
  connectOrigins: readonly string[];
  /**
   * The dev server (electron-vite dev) needs inline scripts and a websocket for hot reload;
   * never set in a packaged app.
   */
  dev?: boolean;
}

/** The origin of an http(s) URL, or undefined for anything else. */
export function httpOrigin(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Servers the sign-in form may name without touching the desktop settings: any https
 * server, and one on this computer (the renderer's own <meta> policy allows the same;
 * both policies apply, so the header must not be narrower than the page expects).
 */
export const SIGN_IN_CONNECT_SOURCES = ['http://127.0.0.1:*', 'http://localhost:*', 'https:'];

export function buildContentSecurityPolicy(options: PolicyOptions): string {
  const connect = [...new Set(["'self'", ...SIGN_IN_CONNECT_SOURCES, ...options.connectOrigins])];
  const script = ["'self'"];
  if (options.dev) {
    script.push("'unsafe-inline'");
    connect.push('ws:');
  }
  return [
    "default-src 'self'",
    `script-src ${script.join(' ')}`,
    // React and the drag-and-drop library set inline style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Response headers with the policy added, replacing any the response carried (whatever
 * the case of its name), for `session.webRequest.onHeadersReceived`.
 */
export function withPolicyHeader(
  headers: Record<string, string[]> | undefined,
  policy: string,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [policy];
  return result;
}

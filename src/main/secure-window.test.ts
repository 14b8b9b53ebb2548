import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN, rendererFileFor, serveRenderer } from './app-protocol';
import { buildContentSecurityPolicy, withPolicyHeader } from './content-security-policy';
import { createSecureWindow, type SecureWindowDeps } from './secure-window';

function standIn() {
  const webContents = Object.assign(new EventEmitter(), {
    setWindowOpenHandler: vi.fn(),
  });
  const window = Object.assign(new EventEmitter(), { webContents, show: vi.fn() });
  let created: BrowserWindowConstructorOptions | undefined;
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() },
  };
  const shell = { openExternal: vi.fn(async () => undefined) };
  const deps = {
    createWindow: (options: BrowserWindowConstructorOptions) => {
      created = options;
      return window;
    },
    shell,
    session,
  } as unknown as SecureWindowDeps;
  createSecureWindow(deps, {
    preloadPath: '/app/out/preload/index.cjs',
    appOrigin: `${APP_ORIGIN}/`,
    contentSecurityPolicy: () => "default-src 'self'",
    bounds: { x: 10, y: 20, width: 1000, height: 700 },
  });
  return { window, webContents, session, shell, options: () => created! };
}

const navigate = (webContents: EventEmitter, event: string, url: string) => {
  const preventDefault = vi.fn();
  webContents.emit(event, { preventDefault }, url);
  return preventDefault.mock.calls.length > 0;
};

describe('createSecureWindow', () => {
  it('isolates and sandboxes the page and uses the remembered bounds', () => {
    const { options } = standIn();
    expect(options().webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: '/app/out/preload/index.cjs',
    });
    expect(options()).toMatchObject({ x: 10, y: 20, width: 1000, height: 700, show: false });
  });

  it('denies new windows and sends only http(s) links to the system browser', () => {
    const { webContents, shell } = standIn();
    const handler = webContents.setWindowOpenHandler.mock.calls[0]![0];
    expect(handler({ url: 'https://kommune.no/hjelp' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'file:///C:/Windows/system32/calc.exe' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(shell.openExternal.mock.calls).toEqual([['https://kommune.no/hjelp']]);
  });

  it('keeps navigation inside the app', () => {
    const { webContents, shell } = standIn();
    expect(navigate(webContents, 'will-navigate', `${APP_ORIGIN}/index.html#/case/1`)).toBe(false);
    expect(navigate(webContents, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate(webContents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate(webContents, 'will-redirect', 'https://evil.example/')).toBe(true);
    expect(shell.openExternal.mock.calls).toEqual([['https://evil.example/']]);
    expect(navigate(webContents, 'will-navigate', 'saksbord://other/')).toBe(true);
    expect(navigate(webContents, 'will-attach-webview', 'x')).toBe(true);
  });

  it('grants notifications and nothing else', () => {
    const { session } = standIn();
    const request = session.setPermissionRequestHandler.mock.calls[0]![0];
    const answers: Record<string, boolean> = {};
    for (const permission of ['notifications', 'media', 'geolocation', 'clipboard-read', 'usb']) {
      request({}, permission, (granted: boolean) => {
        answers[permission] = granted;
      });
    }
    expect(answers).toEqual({
      notifications: true,
      media: false,
      geolocation: false,
      'clipboard-read': false,
      usb: false,
    });
    const check = session.setPermissionCheckHandler.mock.calls[0]![0];
    expect(check(null, 'notifications')).toBe(true);
    expect(check(null, 'media')).toBe(false);
  });

  it('adds the CSP header to every response, replacing any other', () => {
    const { session } = standIn();
    const listener = session.webRequest.onHeadersReceived.mock.calls[0]![0];
    const callback = vi.fn();
    listener(
      { responseHeaders: { 'content-security-policy': ['*'], 'Content-Type': ['text/html'] } },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: {
        'Content-Type': ['text/html'],
        'Content-Security-Policy': ["default-src 'self'"],
      },
    });
  });

  it('shows the window once it has something to show', () => {
    const { window } = standIn();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });
});

describe('content security policy', () => {
  it('allows scripts from the app only and network to the app and the server', () => {
    const policy = buildContentSecurityPolicy({
      connectOrigins: ['http://saksbord.iktnord.local'],
    });
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain(
      "connect-src 'self' http://127.0.0.1:* http://localhost:* https: http://saksbord.iktnord.local;",
    );
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-eval');
    expect(buildContentSecurityPolicy({ connectOrigins: [], dev: true })).toContain(
      "script-src 'self' 'unsafe-inline'",
    );
    expect(withPolicyHeader(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});

describe('app protocol', () => {
  const dir = '/opt/saksbord/out/renderer';
  it('maps app URLs into the renderer folder and nowhere else', () => {
    expect(rendererFileFor(dir, `${APP_ORIGIN}/index.html`)).toBe(`${dir}/index.html`);
    expect(rendererFileFor(dir, `${APP_ORIGIN}/`)).toBe(`${dir}/index.html`);
    expect(rendererFileFor(dir, `${APP_ORIGIN}/board`)).toBe(`${dir}/index.html`);
    expect(rendererFileFor(dir, `${APP_ORIGIN}/assets/index-abc.js?v=1`)).toBe(
      `${dir}/assets/index-abc.js`,
    );
    expect(rendererFileFor(dir, `${APP_ORIGIN}/..%2F..%2Fsecret.txt`)).toBeUndefined();
    // The URL parser already folds these dot segments, so they stay inside the folder.
    expect(rendererFileFor(dir, `${APP_ORIGIN}/%2e%2e/%2e%2e/secret.txt`)).toBe(
      `${dir}/secret.txt`,
    );
    expect(rendererFileFor(dir, 'saksbord://other/index.html')).toBeUndefined();
    expect(rendererFileFor(dir, 'https://app/index.html')).toBeUndefined();
    expect(rendererFileFor(dir, `${APP_ORIGIN}/%E0%A4%A.js`)).toBeUndefined();
  });

  it('serves files with the CSP header and refuses the rest', async () => {
    const handle = vi.fn();
    const fetchFile = vi.fn(async () => new Response('<!doctype html>'));
    serveRenderer(
      { protocol: { handle }, fetchFile },
      { rendererDir: dir, policy: () => "default-src 'self'" },
    );
    const handler = handle.mock.calls[0]![1] as (request: Request) => Promise<Response>;
    const ok = await handler(new Request(`${APP_ORIGIN}/index.html`));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(ok.headers.get('content-type')).toContain('text/html');
    expect(await ok.text()).toBe('<!doctype html>');
    expect(fetchFile).toHaveBeenCalledWith(`file://${dir}/index.html`);
    expect((await handler(new Request('saksbord://elsewhere/x.js'))).status).toBe(404);
    expect((await handler(new Request(`${APP_ORIGIN}/x`, { method: 'POST' }))).status).toBe(405);
    fetchFile.mockRejectedValueOnce(new Error('ENOENT'));
    expect((await handler(new Request(`${APP_ORIGIN}/missing.js`))).status).toBe(404);
  });
});

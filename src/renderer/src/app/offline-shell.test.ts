import { describe, expect, it, vi } from 'vitest';
import { registerOfflineShell } from './offline-shell';

describe('registering the offline shell', () => {
  it.each([
    ['a production web build over https', 'https:', true, true],
    ['a production web build over http (the local server)', 'http:', true, true],
    ['the desktop app (its own scheme)', 'saksbord:', true, false],
    ['the development server', 'http:', false, false],
  ])('%s: registers %s', (_what, protocol, production, expected) => {
    const register = vi.fn(async () => ({}));
    expect(registerOfflineShell({ protocol, production, serviceWorker: { register } })).toBe(
      expected,
    );
    expect(register).toHaveBeenCalledTimes(expected ? 1 : 0);
    if (expected) expect(register).toHaveBeenCalledWith('./sw.js');
  });

  it('does nothing where the browser has no service workers', () => {
    expect(registerOfflineShell({ protocol: 'https:', production: true })).toBe(false);
  });

  it('only warns when registration fails', async () => {
    const warn = vi.fn();
    const register = vi.fn(async () => {
      throw new Error('blocked');
    });
    registerOfflineShell(
      { protocol: 'https:', production: true, serviceWorker: { register } },
      warn,
    );
    await vi.waitFor(() => expect(warn).toHaveBeenCalled());
  });
});

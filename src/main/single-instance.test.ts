import { describe, expect, it, vi } from 'vitest';
import { bringToFront, claimSingleInstance } from './single-instance';

function fakeWindow(minimized = true) {
  return {
    isMinimized: vi.fn(() => minimized),
    restore: vi.fn(),
    show: vi.fn(),
    focus: vi.fn(),
    isDestroyed: vi.fn(() => false),
  };
}

describe('single instance', () => {
  it('quits when another instance holds the lock', () => {
    const app = { requestSingleInstanceLock: vi.fn(() => false), on: vi.fn(), quit: vi.fn() };
    expect(claimSingleInstance(app as never, () => undefined)).toBe(false);
    expect(app.quit).toHaveBeenCalled();
    expect(app.on).not.toHaveBeenCalled();
  });

  it('brings the first window forward when a second instance starts', () => {
    const listeners: Record<string, () => void> = {};
    const app = {
      requestSingleInstanceLock: vi.fn(() => true),
      on: vi.fn((event: string, listener: () => void) => {
        listeners[event] = listener;
      }),
      quit: vi.fn(),
    };
    const window = fakeWindow();
    expect(claimSingleInstance(app as never, () => window)).toBe(true);
    listeners['second-instance']!();
    expect(window.restore).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('does nothing for a missing or destroyed window', () => {
    expect(() => bringToFront(undefined)).not.toThrow();
    const window = fakeWindow(false);
    window.isDestroyed.mockReturnValue(true);
    bringToFront(window);
    expect(window.show).not.toHaveBeenCalled();
  });
});

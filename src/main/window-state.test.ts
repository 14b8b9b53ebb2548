import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  defaultWindowState,
  fitToDisplays,
  loadWindowState,
  type ScreenLike,
  trackWindowState,
} from './window-state';

const primary = { x: 0, y: 0, width: 1920, height: 1040 };
const right = { x: 1920, y: 0, width: 2560, height: 1400 };
const screen = (...areas: (typeof primary)[]): ScreenLike => ({
  getAllDisplays: () => areas.map((workArea) => ({ workArea })),
  getPrimaryDisplay: () => ({ workArea: areas[0]! }),
});

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'saksbord-window-'));
  file = join(dir, 'window-state.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('loadWindowState', () => {
  it('gives centred defaults without a file, and for a broken or invalid one', () => {
    const centred = { ...defaultWindowState, x: 260, y: 70 };
    expect(loadWindowState(file, screen(primary))).toEqual(centred);
    writeFileSync(file, '{ not json');
    expect(loadWindowState(file, screen(primary))).toEqual(centred);
    writeFileSync(file, JSON.stringify({ x: 'left', width: 10 }));
    const warn = vi.fn();
    expect(loadWindowState(file, screen(primary), warn)).toEqual(centred);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('ignoring'));
  });

  it('keeps bounds that are on a display, also a second one', () => {
    const saved = { x: 2000, y: 100, width: 1200, height: 800, maximized: true };
    writeFileSync(file, JSON.stringify(saved));
    expect(loadWindowState(file, screen(primary, right))).toEqual(saved);
  });

  it('brings a window from an unplugged monitor back onto the primary one, shrunk to fit', () => {
    const saved = { x: 2000, y: 100, width: 2400, height: 1300, maximized: false };
    expect(fitToDisplays(saved, screen(primary))).toEqual({
      x: 0,
      y: 0,
      width: 1920,
      height: 1040,
      maximized: false,
    });
    // Title bar above the top edge: not reachable with the mouse.
    expect(
      fitToDisplays({ ...saved, x: 100, y: -500, width: 1000, height: 800 }, screen(primary)),
    ).toMatchObject({ x: 460, y: 120 });
  });
});

describe('trackWindowState', () => {
  function fakeWindow() {
    return Object.assign(new EventEmitter(), {
      getNormalBounds: vi.fn(() => ({ x: 10.4, y: 20, width: 1000, height: 700 })),
      isMaximized: vi.fn(() => false),
      isMinimized: vi.fn(() => false),
      isFullScreen: vi.fn(() => false),
    });
  }

  it('saves a moment after moving and at once on close', () => {
    vi.useFakeTimers();
    try {
      const window = fakeWindow();
      trackWindowState(window, file, { delayMs: 200 });
      window.emit('move');
      window.emit('resize');
      expect(() => readFileSync(file)).toThrow();
      vi.advanceTimersByTime(250);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
        x: 10,
        y: 20,
        width: 1000,
        height: 700,
        maximized: false,
      });
      window.isMaximized.mockReturnValue(true);
      window.emit('close');
      expect(JSON.parse(readFileSync(file, 'utf8')).maximized).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not save a minimised window and never throws on a write error', () => {
    const window = fakeWindow();
    window.isMinimized.mockReturnValue(true);
    const save = trackWindowState(window, file);
    save();
    expect(() => readFileSync(file)).toThrow();
    window.isMinimized.mockReturnValue(false);
    const warn = vi.fn();
    writeFileSync(join(dir, 'blocker'), '');
    const broken = trackWindowState(window, join(dir, 'blocker', 'x.json'), { warn });
    expect(() => broken()).not.toThrow();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not save window state'));
  });
});

/**
 * Remembers where the main window was (userData/window-state.json). A bad file gives the
 * defaults; bounds that no longer fit any display (a monitor was unplugged) are brought
 * back onto the primary one.
 */
import type { Rectangle } from 'electron';
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from './json-file';

export const DEFAULT_SIZE = { width: 1400, height: 900 } as const;
export const MIN_SIZE = { width: 800, height: 500 } as const;

const coordinate = z.number().int().min(-100_000).max(100_000);
export const windowStateSchema = z.object({
  x: coordinate.optional(),
  y: coordinate.optional(),
  width: z.number().int().min(MIN_SIZE.width).max(100_000),
  height: z.number().int().min(MIN_SIZE.height).max(100_000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export const defaultWindowState: WindowState = { ...DEFAULT_SIZE, maximized: false };

/** The parts of Electron's `screen` used here. */
export interface ScreenLike {
  getAllDisplays(): { workArea: Rectangle }[];
  getPrimaryDisplay(): { workArea: Rectangle };
}

function overlap(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/** How much of a window must be on some display before it is left where it was. */
const VISIBLE_SIDE = 100;

/**
 * Bounds that are visible: kept when at least a 100×100 patch of the title area is on a
 * display's work area; otherwise centred on the primary display, shrunk to fit it.
 */
export function fitToDisplays(state: WindowState, screen: ScreenLike): WindowState {
  const primary = screen.getPrimaryDisplay().workArea;
  if (state.x !== undefined && state.y !== undefined) {
    const titleArea = { x: state.x, y: state.y, width: state.width, height: VISIBLE_SIDE };
    const visible = screen
      .getAllDisplays()
      .some(({ workArea }) => overlap(titleArea, workArea) >= VISIBLE_SIDE * VISIBLE_SIDE);
    if (visible) return state;
  }
  const width = Math.min(state.width, primary.width);
  const height = Math.min(state.height, primary.height);
  return {
    ...state,
    width,
    height,
    x: primary.x + Math.round((primary.width - width) / 2),
    y: primary.y + Math.round((primary.height - height) / 2),
  };
}

export function loadWindowState(
  file: string,
  screen: ScreenLike,
  warn?: (message: string) => void,
): WindowState {
  return fitToDisplays(readJsonFile(file, windowStateSchema, defaultWindowState, warn), screen);
}

/** The parts of a BrowserWindow watched here. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'close', listener: () => void): unknown;
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
  isMinimized(): boolean;
  isFullScreen(): boolean;
}

/**
 * Saves the window's normal (un-maximised) bounds a moment after it stops moving, and at
 * once when it closes. Returns a function that saves now.
 */
export function trackWindowState(
  window: TrackedWindow,
  file: string,
  options: { delayMs?: number; warn?: (message: string) => void } = {},
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (window.isMinimized() || window.isFullScreen()) return;
    const bounds = window.getNormalBounds();
    const state = windowStateSchema.safeParse({
      x: Math.round(bounds.x),
      y: Math.round(bounds.y),
      width: Math.max(MIN_SIZE.width, Math.round(bounds.width)),
      height: Math.max(MIN_SIZE.height, Math.round(bounds.height)),
      maximized: window.isMaximized(),
    });
    if (!state.success) return;
    try {
      writeJsonFile(file, state.data);
    } catch (error) {
      options.warn?.(`could not save window state: ${(error as Error).message}`);
    }
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, options.delayMs ?? 500);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('close', save);
  return save;
}

import { create } from 'zustand';

interface ClockState {
  /** The current instant (epoch ms), updated every second. */
  now: number;
}

/**
 * The UI's one clock. Domain code never reads the time itself (time is a parameter); views
 * read `now` from here, so the banner and SLA countdowns change on the second they should,
 * and tests move time with Playwright's `page.clock`.
 */
export const useClockStore = create<ClockState>(() => ({ now: Date.now() }));

let timer: ReturnType<typeof setInterval> | null = null;

/** Starts ticking (idempotent). Returns a function that stops it. */
export function startClock(intervalMs = 1_000): () => void {
  if (timer === null) {
    useClockStore.setState({ now: Date.now() });
    timer = setInterval(() => useClockStore.setState({ now: Date.now() }), intervalMs);
  }
  return () => {
    if (timer !== null) clearInterval(timer);
    timer = null;
  };
}

/** The current minute (epoch ms, floored): for views that change only on the minute. */
export function useNowMinute(): number {
  return useClockStore((s) => Math.floor(s.now / 60_000) * 60_000);
}

export function useNow(): number {
  return useClockStore((s) => s.now);
}

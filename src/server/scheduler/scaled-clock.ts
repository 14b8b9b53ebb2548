/**
 * A server clock for the paging chaos run and the demo: `SAKSBORD_CLOCK=<instant>@<epoch ms>x<speed>`
 * makes the server's time `instant` at real time `epoch ms`, running `speed` times as fast.
 * Several processes given the same value share one clock, so a 4-minute escalation step is
 * 8 real seconds at speed 30 in every one of them. Not for production: without the variable
 * the server's clock is the machine's.
 */
export interface ScaledClock {
  startMs: number;
  realStartMs: number;
  speed: number;
}

export function parseScaledClock(text: string | undefined): ScaledClock | null {
  if (!text) return null;
  const match = /^(.+)@(\d+)x(\d+(?:\.\d+)?)$/.exec(text.trim());
  const startMs = match ? Date.parse(match[1]!) : Number.NaN;
  if (!match || !Number.isFinite(startMs)) {
    throw new Error(`SAKSBORD_CLOCK must be '<ISO instant>@<epoch ms>x<speed>', got '${text}'`);
  }
  return { startMs, realStartMs: Number(match[2]), speed: Number(match[3]) };
}

export function formatScaledClock(clock: ScaledClock): string {
  return `${new Date(clock.startMs).toISOString()}@${clock.realStartMs}x${clock.speed}`;
}

/** The clock's time at a real instant. */
export function scaledNow(clock: ScaledClock, realMs: number): Date {
  return new Date(clock.startMs + (realMs - clock.realStartMs) * clock.speed);
}

/**
 * The current time for the portal, re-read every `intervalMs`. The browser's clock is the
 * source (the e2e tests fix it with Playwright's `page.clock`); core code gets it as an argument.
 */
import { useEffect, useState } from 'react';

export function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

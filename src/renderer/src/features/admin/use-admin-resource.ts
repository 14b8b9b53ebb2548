import { useCallback, useEffect, useState } from 'react';
import { useServerDataRefresh } from '../../stores/server-data-refresh';
import type { Workstation } from '../../workstation/workstation';
import { useWorkstation } from '../../workstation/workstation-context';

/** What an administration screen loads: the value, or why not yet. */
export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; value: T };

/**
 * Loads something through the workstation's API client, and again when asked (after a save)
 * or when the server says its settings changed (another team leader's edit reaches this
 * screen live).
 */
export function useAdminResource<T>(
  load: (ws: Workstation) => Promise<T>,
): [Loaded<T>, () => void] {
  const ws = useWorkstation();
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [asked, setAsked] = useState(0);
  const refreshed = useServerDataRefresh((s) => s.count);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` is a fresh closure each render
  useEffect(() => {
    let stopped = false;
    load(ws).then(
      (value) => !stopped && setLoaded({ state: 'ready', value }),
      (error: Error) => !stopped && setLoaded({ state: 'failed', message: error.message }),
    );
    return () => {
      stopped = true;
    };
  }, [ws, asked, refreshed]);
  const reload = useCallback(() => setAsked((n) => n + 1), []);
  return [loaded, reload];
}

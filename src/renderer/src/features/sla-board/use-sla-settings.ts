import type { SlaSettings } from '@core/reports/index';
import { useEffect, useMemo, useState } from 'react';
import { useServiceConfigStore } from '../../stores/service-config-store';
import { applySlaSettings, fetchSlaSettings, type ServerAccess } from './sla-settings-api';

/** The same version with the same content (a new version or a reset counts as a change). */
function sameSettings(a: SlaSettings, b: SlaSettings): boolean {
  return a.version === b.version && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The SLA settings in force: fetched from the server on open and every `intervalMs`, and
 * applied to the app's configuration, so a change a team leader makes anywhere recomputes
 * every board within a poll. Offline, the cached configuration stays in force.
 */
export function useSlaSettings(access: ServerAccess, intervalMs = 30_000) {
  const sla = useServiceConfigStore((s) => s.config.sla);
  const [settings, setSettings] = useState<SlaSettings | null>(null);
  const { serverUrl, token } = access;
  useEffect(() => {
    let stopped = false;
    const load = async () => {
      const fetched = await fetchSlaSettings({ serverUrl, token });
      if (stopped || !fetched) return;
      applySlaSettings(fetched);
      // A poll that brings the version already shown keeps the object: the targets form
      // would otherwise see new settings every poll.
      setSettings((shown) => (shown && sameSettings(shown, fetched) ? shown : fetched));
    };
    void load();
    const timer = setInterval(() => void load(), intervalMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [serverUrl, token, intervalMs]);
  // One object until the settings really change: the targets form starts its draft again
  // whenever this changes, so a new object on every render (offline) wiped what was typed.
  const shown = useMemo(
    () => settings ?? { sla, version: 0, updatedBy: null, updatedAt: null },
    [settings, sla],
  );
  return {
    /** What the server said last, or the local configuration (version unknown) offline. */
    settings: shown,
    known: settings !== null,
    setSettings,
  };
}

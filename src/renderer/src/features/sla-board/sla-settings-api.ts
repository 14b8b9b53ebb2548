import { getSlaSettings, putSlaSettings } from '@core/api/index';
import type { SlaSettings } from '@core/reports/index';
import type { SlaConfig } from '@core/sla/index';
import { ApiError, createApiClient } from '@web/api/index';
import { useServiceConfigStore } from '../../stores/service-config-store';

/** Where and as whom to talk to the server (the signed-in workstation's session). */
export interface ServerAccess {
  serverUrl: string;
  token: string;
}

/** What became of a save. */
export type SaveResult =
  | { ok: true; settings: SlaSettings }
  | {
      ok: false;
      reason: 'conflict' | 'forbidden' | 'offline' | 'invalid' | 'other';
      message: string;
    };

const clientFor = (access: ServerAccess) =>
  createApiClient({ baseUrl: access.serverUrl, getToken: () => access.token });

/** Applies settings locally: every figure and SLA badge recomputes from the new targets. */
export function applySlaSettings(settings: SlaSettings): void {
  const store = useServiceConfigStore.getState();
  if (JSON.stringify(store.config.sla) === JSON.stringify(settings.sla)) return;
  store.setConfig({ ...store.config, sla: settings.sla });
}

/** The settings in force on the server, or null when it cannot be reached (keep the cache). */
export async function fetchSlaSettings(access: ServerAccess): Promise<SlaSettings | null> {
  try {
    return await clientFor(access).call(getSlaSettings, {});
  } catch {
    return null;
  }
}

/** Saves new settings on the server (validated there too, audited, versioned). */
export async function saveSlaSettings(
  access: ServerAccess,
  sla: SlaConfig,
  baseVersion: number,
): Promise<SaveResult> {
  try {
    const settings = await clientFor(access).call(putSlaSettings, { body: { sla, baseVersion } });
    return { ok: true, settings };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.failure === 'network')
      return { ok: false, reason: 'offline', message: error.message };
    const reason =
      error.status === 409
        ? 'conflict'
        : error.status === 403
          ? 'forbidden'
          : error.status === 400
            ? 'invalid'
            : 'other';
    return { ok: false, reason, message: error.problem?.detail ?? error.message };
  }
}

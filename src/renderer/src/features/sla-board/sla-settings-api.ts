import { type SlaSettings, slaSettingsSchema } from '../../../../core/reports/index';
import type { SlaConfig } from '../../../../core/sla/index';
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

const headers = (access: ServerAccess) => ({
  authorization: `Bearer ${access.token}`,
  accept: 'application/json',
});

/** Applies settings locally: every figure and SLA badge recomputes from the new targets. */
export function applySlaSettings(settings: SlaSettings): void {
  const store = useServiceConfigStore.getState();
  if (JSON.stringify(store.config.sla) === JSON.stringify(settings.sla)) return;
  store.setConfig({ ...store.config, sla: settings.sla });
}

/** The settings in force on the server, or null when it cannot be reached (keep the cache). */
export async function fetchSlaSettings(access: ServerAccess): Promise<SlaSettings | null> {
  try {
    const response = await fetch(`${access.serverUrl}/api/v1/settings/sla`, {
      headers: headers(access),
    });
    if (!response.ok) return null;
    const parsed = slaSettingsSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : null;
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
  let response: Response;
  try {
    response = await fetch(`${access.serverUrl}/api/v1/settings/sla`, {
      method: 'PUT',
      headers: { ...headers(access), 'content-type': 'application/json' },
      body: JSON.stringify({ sla, baseVersion }),
    });
  } catch (error) {
    return { ok: false, reason: 'offline', message: String(error) };
  }
  const body = (await response.json().catch(() => null)) as { detail?: string } | null;
  if (response.ok) {
    const parsed = slaSettingsSchema.safeParse(body);
    if (parsed.success) return { ok: true, settings: parsed.data };
    return { ok: false, reason: 'other', message: 'unexpected answer' };
  }
  const reason =
    response.status === 409
      ? 'conflict'
      : response.status === 403
        ? 'forbidden'
        : response.status === 400
          ? 'invalid'
          : 'other';
  return { ok: false, reason, message: body?.detail ?? `${response.status}` };
}

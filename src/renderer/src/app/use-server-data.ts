import { useEffect } from 'react';
import { z } from 'zod';
import { serviceConfigSchema } from '../../../core/config/index';
import { localizedTextSchema } from '../../../core/config/localized-text';
import { staffMemberSchema, useDirectoryStore } from '../stores/directory-store';
import { useNoticeStore } from '../stores/notice-store';
import { useServerDataRefresh } from '../stores/server-data-refresh';
import { useServiceConfigStore } from '../stores/service-config-store';
import type { Workstation } from './workstation';

// A notice title may come as one string or in all three languages; the banner wants three.
const textSchema = z.union([
  localizedTextSchema,
  z.string().transform((s) => ({ nn: s, nb: s, en: s })),
]);
const noticesSchema = z
  .union([z.array(z.unknown()), z.object({ notices: z.array(z.unknown()) })])
  .transform((v) => (Array.isArray(v) ? v : v.notices));
const noticeSchema = z.object({
  id: z.string(),
  title: textSchema,
  body: textSchema.optional(),
  severity: z.enum(['info', 'warning', 'critical']).optional(),
  active: z.boolean().optional(),
});

async function getJson(ws: Workstation, path: string): Promise<unknown | null> {
  try {
    const response = await fetch(`${ws.session.serverUrl}${path}`, {
      headers: { authorization: `Bearer ${ws.session.row.token}`, accept: 'application/json' },
    });
    return response.ok ? await response.json() : null;
  } catch {
    return null; // offline or no such endpoint: keep what we have
  }
}

/**
 * Fetches the service configuration, the staff directory and the active operational notices
 * while signed in. Any endpoint may be missing on an older server; the app then keeps its cached or
 * default configuration and shows no notices.
 */
export function useServerData(ws: Workstation | null): void {
  useEffect(() => {
    if (!ws) return;
    let stopped = false;
    const load = async () => {
      const config = serviceConfigSchema.safeParse(await getJson(ws, '/api/v1/config'));
      if (!stopped && config.success) useServiceConfigStore.getState().setConfig(config.data);
      const users = z
        .union([z.array(staffMemberSchema), z.object({ users: z.array(staffMemberSchema) })])
        .safeParse(await getJson(ws, '/api/v1/users'));
      if (!stopped && users.success) {
        useDirectoryStore
          .getState()
          .setStaff(Array.isArray(users.data) ? users.data : users.data.users);
      }
      const raw = noticesSchema.safeParse(await getJson(ws, '/api/v1/notices'));
      if (stopped || !raw.success) return;
      const notices = raw.data
        .map((n) => noticeSchema.safeParse(n))
        .filter((r) => r.success)
        .map((r) => r.data)
        .filter((n) => n.active !== false);
      useNoticeStore.getState().setNotices(notices);
    };
    void load();
    const timer = setInterval(() => void load(), 60_000);
    // The server said its settings changed: fetch everything again at once.
    const unsubscribe = useServerDataRefresh.subscribe(() => void load());
    return () => {
      stopped = true;
      clearInterval(timer);
      unsubscribe();
    };
  }, [ws]);
}

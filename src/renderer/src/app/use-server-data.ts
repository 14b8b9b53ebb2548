import { getConfig, listNotices, listUsers } from '@core/api/index';
import { type Notice, noticeText } from '@core/content/index';
import { useEffect } from 'react';
import { useDirectoryStore } from '../stores/directory-store';
import { type BannerNotice, useNoticeStore } from '../stores/notice-store';
import { useServerDataRefresh } from '../stores/server-data-refresh';
import { useServiceConfigStore } from '../stores/service-config-store';
import type { Workstation } from '../workstation/workstation';

/** A notice as the banner shows it: each language's text, Nynorsk where one was not written. */
function bannerNotice(notice: Notice): BannerNotice {
  const title = { nn: '', nb: '', en: '' };
  const body = { nn: '', nb: '', en: '' };
  for (const locale of ['nn', 'nb', 'en'] as const) {
    const text = noticeText(notice, locale).value;
    title[locale] = text.title;
    body[locale] = text.body;
  }
  return {
    id: notice.id,
    title,
    ...(notice.body ? { body } : {}),
    severity: notice.severity,
  };
}

/**
 * Fetches the service configuration, the staff directory and the active operational notices
 * while signed in. Offline (or a failed call) the app keeps its cached or default
 * configuration and what it showed before.
 */
export function useServerData(ws: Workstation | null): void {
  useEffect(() => {
    if (!ws) return;
    let stopped = false;
    const quietly = async <T>(call: () => Promise<T>): Promise<T | null> => {
      try {
        return await call();
      } catch {
        return null; // offline or refused: keep what we have
      }
    };
    const load = async () => {
      const config = await quietly(() => ws.api.call(getConfig, {}));
      if (!stopped && config) useServiceConfigStore.getState().setConfig(config);
      const directory = await quietly(() => ws.api.call(listUsers, {}));
      if (!stopped && directory) useDirectoryStore.getState().setStaff(directory.users);
      const notices = await quietly(() => ws.api.call(listNotices, {}));
      if (stopped || !notices) return;
      useNoticeStore
        .getState()
        .setNotices(notices.notices.filter((n) => n.active).map(bannerNotice));
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

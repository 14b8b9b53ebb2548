import type { LocalizedText } from '@core/config/localized-text';
import { create } from 'zustand';

/** An operational notice as the banner shows it. */
export interface BannerNotice {
  id: string;
  title: LocalizedText;
  body?: LocalizedText;
  severity?: 'info' | 'warning' | 'critical';
}

interface NoticeState {
  notices: BannerNotice[];
  setNotices: (notices: BannerNotice[]) => void;
}

/** Active operational notices (driftsmeldingar), fetched from the server while online. */
export const useNoticeStore = create<NoticeState>((set) => ({
  notices: [],
  setNotices: (notices) => set({ notices }),
}));

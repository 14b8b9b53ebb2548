import { create } from 'zustand';

/**
 * Asks the workstation to fetch the server's shared data (configuration with SLA targets,
 * staff directory, notices) again now, instead of at its next periodic refresh.
 */
interface ServerDataRefresh {
  /** How many refreshes were asked for; the fetching effect depends on it. */
  count: number;
  refresh(): void;
}

export const useServerDataRefresh = create<ServerDataRefresh>((set) => ({
  count: 0,
  refresh: () => set((s) => ({ count: s.count + 1 })),
}));

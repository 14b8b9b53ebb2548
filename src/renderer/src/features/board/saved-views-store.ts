import { deleteView, listViews, putView } from '@core/api/index';
import type { SavedView, ViewFilters, ViewScope } from '@core/search/index';
import type { ApiClient } from '@web/api/index';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

interface SavedViewsState {
  /** The views this user sees (shared and their own), as the server last said; kept offline. */
  views: SavedView[];
  /** The view shown as the active tab; null for the plain board. */
  activeId: string | null;
  activeFilters: () => ViewFilters | null;
  select: (id: string | null) => void;
  load: (api: ApiClient) => Promise<void>;
  save: (
    api: ApiClient,
    view: { id: string; name: string; scope: ViewScope; filters: ViewFilters },
  ) => Promise<void>;
  remove: (api: ApiClient, id: string) => Promise<void>;
}

/**
 * Saved views as tabs on the board. They live on the server (shared ones for the team, and
 * personal ones on every device of their owner) and are kept here for offline use; saving
 * needs the server.
 */
export const useSavedViews = create<SavedViewsState>()(
  persist(
    (set, get) => ({
      views: [],
      activeId: null,
      activeFilters: () => get().views.find((v) => v.id === get().activeId)?.filters ?? null,
      select: (id) => set({ activeId: id }),
      load: async (api) => {
        const { views } = await api.call(listViews, {});
        set((s) => ({
          views,
          activeId: views.some((v) => v.id === s.activeId) ? s.activeId : null,
        }));
      },
      save: async (api, view) => {
        const saved = await api.call(putView, {
          params: { id: view.id },
          body: { name: view.name, scope: view.scope, filters: view.filters },
        });
        set((s) => ({
          views: [...s.views.filter((v) => v.id !== saved.id), saved],
          activeId: saved.id,
        }));
      },
      remove: async (api, id) => {
        await api.call(deleteView, { params: { id } });
        set((s) => ({
          views: s.views.filter((v) => v.id !== id),
          activeId: s.activeId === id ? null : s.activeId,
        }));
      },
    }),
    {
      name: 'saksbord.savedViews',
      partialize: ({ views, activeId }) => ({ views, activeId }),
    },
  ),
);

import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { type BoardFilter, emptyFilter } from './board-selectors';

interface BoardFilterState extends BoardFilter {
  update: (patch: Partial<BoardFilter>) => void;
}

/** The board's filters, kept across restarts (an agent's "mine" view stays as they left it). */
export const useBoardFilterStore = create<BoardFilterState>()(
  persist((set) => ({ ...emptyFilter, update: (patch) => set(patch) }), {
    name: 'saksbord.boardFilter',
    // Free text is a momentary search; the rest is a working habit worth keeping.
    partialize: ({ mine, municipalityId, priority, sortBySla, showClosed }) => ({
      mine,
      municipalityId,
      priority,
      sortBySla,
      showClosed,
    }),
  }),
);

export function currentFilter(s: BoardFilterState): BoardFilter {
  const { mine, municipalityId, priority, text, sortBySla, showClosed } = s;
  return { mine, municipalityId, priority, text, sortBySla, showClosed };
}

import { create } from 'zustand';
import { rangeBetween } from './bulk-actions';

interface BoardSelectionState {
  /** Selected case ids. */
  selected: ReadonlySet<string>;
  /** Where a Shift-click range starts: the last case toggled. */
  anchor: string | null;
  toggle: (id: string) => void;
  /** Adds the cases from the anchor to `id` in the order shown (Shift-click). */
  extendTo: (id: string) => void;
  set: (ids: Iterable<string>) => void;
  clear: () => void;
}

let orderOfShown: () => string[] = () => [];

/** The board tells the selection the order it shows its cards in (lane, column, card). */
export function provideShownOrder(order: () => string[]): void {
  orderOfShown = order;
}

/** The cases the board shows, in its order. */
export function shownOrder(): string[] {
  return orderOfShown();
}

/** The board's multi-selection for bulk actions (Ctrl-click, Shift-click, the X key). */
export const useBoardSelection = create<BoardSelectionState>((set) => ({
  selected: new Set(),
  anchor: null,
  toggle: (id) =>
    set((s) => {
      const next = new Set(s.selected);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return { selected: next, anchor: id };
    }),
  extendTo: (id) =>
    set((s) => {
      const order = shownOrder();
      const next = new Set(s.selected);
      for (const one of s.anchor ? rangeBetween(order, s.anchor, id) : [id]) next.add(one);
      return { selected: next, anchor: s.anchor ?? id };
    }),
  set: (ids) => set({ selected: new Set(ids), anchor: null }),
  clear: () => set({ selected: new Set(), anchor: null }),
}));

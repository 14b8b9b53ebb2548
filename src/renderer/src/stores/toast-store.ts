import { create } from 'zustand';

export interface Toast {
  id: number;
  text: string;
  tone: 'info' | 'error';
}

interface ToastState {
  toast: Toast | null;
  /** Shows a toast; returns its id, to update its text while it is still shown. */
  show: (text: string, tone?: Toast['tone']) => number;
  /** Replaces the text of toast `id` if it is still the one shown (a number now known). */
  update: (id: number, text: string) => void;
  clear: () => void;
}

let nextId = 1;

/** One short message at a time (a move done, a move refused), read out by screen readers. */
export const useToastStore = create<ToastState>((set) => ({
  toast: null,
  show: (text, tone = 'info') => {
    const id = nextId++;
    set({ toast: { id, text, tone } });
    return id;
  },
  update: (id, text) => set((s) => (s.toast?.id === id ? { toast: { ...s.toast, text } } : {})),
  clear: () => set({ toast: null }),
}));

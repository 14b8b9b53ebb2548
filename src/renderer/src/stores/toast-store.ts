import { create } from 'zustand';

export interface Toast {
  id: number;
  text: string;
  tone: 'info' | 'error';
}

interface ToastState {
  toast: Toast | null;
  show: (text: string, tone?: Toast['tone']) => void;
  clear: () => void;
}

let nextId = 1;

/** One short message at a time (a move done, a move refused), read out by screen readers. */
export const useToastStore = create<ToastState>((set) => ({
  toast: null,
  show: (text, tone = 'info') => set({ toast: { id: nextId++, text, tone } }),
  clear: () => set({ toast: null }),
}));

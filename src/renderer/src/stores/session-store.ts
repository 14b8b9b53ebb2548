import { create } from 'zustand';
import type { ActiveSession } from '../workstation/session-api';

interface SessionState {
  /** undefined while the stored session is being read at start-up. */
  session: ActiveSession | null | undefined;
  setSession: (session: ActiveSession | null) => void;
}

/** Who is signed in (and to which server); the sign-in gate reads it. */
export const useSessionStore = create<SessionState>((set) => ({
  session: undefined,
  setSession: (session) => set({ session }),
}));

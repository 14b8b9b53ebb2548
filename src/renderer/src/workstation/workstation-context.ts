import { createContext, useContext } from 'react';
import type { Workstation } from './workstation';

export const WorkstationContext = createContext<Workstation | null>(null);

/** The signed-in workstation; only used below the sign-in gate, so it is always there. */
export function useWorkstation(): Workstation {
  const ws = useContext(WorkstationContext);
  if (!ws) throw new Error('useWorkstation outside a signed-in workstation');
  return ws;
}

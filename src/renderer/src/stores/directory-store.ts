import { roleSchema } from '@core/rules/index';
import { z } from 'zod';
import { create } from 'zustand';

/** A member of staff as the workstation shows them (assignee names, the assign picker). */
export const staffMemberSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  role: roleSchema,
  municipalityIds: z.array(z.string()).default([]),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

interface DirectoryState {
  staff: StaffMember[];
  setStaff: (staff: StaffMember[]) => void;
}

const storageKey = 'saksbord.staff';

function cached(): StaffMember[] {
  try {
    return z.array(staffMemberSchema).parse(JSON.parse(localStorage.getItem(storageKey) ?? '[]'));
  } catch {
    return [];
  }
}

/** The staff directory (from the server when it offers one; cached for offline use). */
export const useDirectoryStore = create<DirectoryState>((set) => ({
  staff: cached(),
  setStaff: (staff) => {
    localStorage.setItem(storageKey, JSON.stringify(staff));
    set({ staff });
  },
}));

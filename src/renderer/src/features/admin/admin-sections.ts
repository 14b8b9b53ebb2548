import type { Role } from '@core/rules/index';
import type { AdminMessageKey } from './admin-messages';

/** The parts of the administration, in the order the menu shows them. */
export const adminSections = [
  'municipalities',
  'categories',
  'notices',
  'faq',
  'templates',
  'statements',
  'audit',
] as const;
export type AdminSection = (typeof adminSections)[number];

export const sectionTitles: Readonly<Record<AdminSection, AdminMessageKey>> = {
  municipalities: 'section.municipalities',
  categories: 'section.categories',
  notices: 'section.notices',
  faq: 'section.faq',
  templates: 'section.templates',
  statements: 'section.statements',
  audit: 'section.audit',
};

/** `municipalities` for an unknown or missing part. */
export function parseAdminSection(text: string | undefined): AdminSection {
  return (adminSections as readonly string[]).includes(text ?? '')
    ? (text as AdminSection)
    : 'municipalities';
}

/** Who may use the administration (the server enforces the same on every change). */
export function mayAdminister(role: Role): boolean {
  return role === 'teamLeader' || role === 'admin';
}

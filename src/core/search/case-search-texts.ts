/**
 * What of a case is searched, field by field, and how much each weighs. One description for
 * the server (PostgreSQL weights A–D, FTS5 columns) and the offline index, so a case is found
 * by the same words everywhere.
 *
 * - title (weight A, highest);
 * - details (B): the number, the description, the category form's answers, the requester's
 *   name and unit, and attachment names;
 * - comments to the requester (C);
 * - internal comments (D): searched only for the service's staff, never for a requester.
 */
import type { CaseChange } from '../case/case-change';
import type { CaseRecord } from '../case/case-record';
import type { SnippetPiece } from './search-highlight';

/** Where a snippet was found. */
export const searchFields = [
  'number',
  'title',
  'description',
  'form',
  'requester',
  'unit',
  'attachment',
  'comment',
  'internalComment',
] as const;
export type SearchField = (typeof searchFields)[number];

/** One searchable text of a case and the field it belongs to. */
export interface SearchText {
  field: SearchField;
  text: string;
}

/** The texts of a case's record (not its comments or attachments), in field order. */
export function recordSearchTexts(
  record: Pick<CaseRecord, 'number' | 'title' | 'description' | 'formValues' | 'requester'>,
): SearchText[] {
  const texts: SearchText[] = [];
  if (record.number) texts.push({ field: 'number', text: record.number });
  texts.push({ field: 'title', text: record.title });
  if (record.description) texts.push({ field: 'description', text: record.description });
  for (const value of Object.values(record.formValues)) {
    if (typeof value === 'string' && value.trim()) texts.push({ field: 'form', text: value });
    else if (typeof value === 'number') texts.push({ field: 'form', text: String(value) });
  }
  texts.push({ field: 'requester', text: record.requester.name });
  if (record.requester.unit) texts.push({ field: 'unit', text: record.requester.unit });
  return texts;
}

/**
 * The texts an event adds to a case (a comment, an attachment's name): appended to what is
 * searched, never changed later. Null for every other change.
 */
export function changeSearchText(change: CaseChange): SearchText | null {
  switch (change.type) {
    case 'commented':
      return {
        field: change.visibility === 'internal' ? 'internalComment' : 'comment',
        text: change.body,
      };
    case 'attachmentAdded':
      return { field: 'attachment', text: change.fileName };
    default:
      return null;
  }
}

/** Internal comments are searched only for staff. */
export function mayReadSearchField(field: SearchField, staff: boolean): boolean {
  return staff || field !== 'internalComment';
}

/** A highlighted snippet of one field. */
export interface SearchSnippet {
  field: SearchField;
  pieces: SnippetPiece[];
}

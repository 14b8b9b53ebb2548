/**
 * Bad fields named in the user's language: the same zod schemas as the server (core) check a
 * form before it is sent, and a server's 400 lists its bad fields the same way (`body.` +
 * path). Either way each problem becomes "Felt 2 › Etikett (bokmål): må fyllast ut".
 */
import { ApiError } from '@web/api/index';
import type { z } from 'zod';
import type { AdminMessageKey, AdminTranslate } from './admin-messages';

/** One bad field: its path in the form's value (`fields.1.label.nb`) and the server's words. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** The problems zod finds in a value, with dotted paths. */
export function issuesOf(schema: z.ZodType, value: unknown): FieldProblem[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/** What became of a save. */
export type SaveFailure =
  | { kind: 'fields'; problems: FieldProblem[] }
  | { kind: 'forbidden' }
  | { kind: 'offline' }
  | { kind: 'other'; message: string };

/** Reads a failed call: bad fields (400/409 with `errors`), a refusal, no network, or else. */
export function saveFailureOf(error: unknown): SaveFailure {
  if (!(error instanceof ApiError)) return { kind: 'other', message: String(error) };
  if (error.failure === 'network') return { kind: 'offline' };
  if (error.status === 403) return { kind: 'forbidden' };
  const errors = error.problem?.errors ?? [];
  if (errors.length > 0) {
    return {
      kind: 'fields',
      problems: errors.map((e) => ({ path: e.path.replace(/^body\./, ''), message: e.message })),
    };
  }
  return { kind: 'other', message: error.problem?.detail ?? error.message };
}

/** The kind of problem, from the English words of core's schemas and the server. */
export function problemKey(message: string): { key: AdminMessageKey; placeholder?: string } {
  const m = message.toLowerCase();
  const placeholder = /unknown placeholder \{(\w+)\}/.exec(message);
  if (placeholder) return { key: 'problem.placeholder', placeholder: `{${placeholder[1]}}` };
  if (m.includes('duplicate') || m.includes('listed twice')) return { key: 'problem.duplicate' };
  if (m.includes('not a consultant')) return { key: 'problem.notConsultant' };
  if (m.includes('exists')) return { key: 'problem.exists' };
  if (m.includes('unknown') || m.includes('no identity provider'))
    return { key: 'problem.unknown' };
  if (m.includes('kebab-case')) return { key: 'problem.kebabId' };
  if (m.includes('camelcase')) return { key: 'problem.camelId' };
  if (m.includes('needs options')) return { key: 'problem.options' };
  if (m.includes('must be after')) return { key: 'problem.endBeforeStart' };
  if (m.includes('iso-8601') || m.includes('datetime')) return { key: 'problem.instant' };
  if (m.includes('too big') || m.includes('too long') || m.includes('<=')) {
    return { key: 'problem.tooLong' };
  }
  if (
    m.includes('required') ||
    m.includes('must not be empty') ||
    m.includes('too small') ||
    m.includes('>=1') ||
    m.includes('needs a') ||
    m.includes('received undefined')
  ) {
    return { key: 'problem.required' };
  }
  return { key: 'problem.invalid' };
}

/** Words for the segments of a path: list items and the fields' labels. */
export interface PathWords {
  /** The label of a field by its last key (`name`, `label`, `consultantIds` …). */
  fields: Readonly<Record<string, AdminMessageKey>>;
  /** The name of one item of a list by the list's key (`fields` → "Felt"). */
  items?: Readonly<Record<string, AdminMessageKey>>;
}

const localeNames: Record<string, AdminMessageKey> = {
  nn: 'lang.nn',
  nb: 'lang.nb',
  en: 'lang.en',
};

/** "Felt 2 › Etikett (bokmål)" for `fields.1.label.nb`. */
export function fieldName(path: string, t: AdminTranslate, words: PathWords): string {
  // A nested field named as a whole (`line2Group.name` → "Namn på gruppa").
  const whole = words.fields[path];
  if (whole) return t(whole);
  const parts = path.split('.').filter((p) => p !== '' && p !== 'translations');
  const names: string[] = [];
  let language: string | null = null;
  let field: string | null = null;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = parts[i + 1];
    const locale = localeNames[part];
    if (locale) {
      language = t(locale);
    } else if (next !== undefined && /^\d+$/.test(next)) {
      const item = words.items?.[part];
      names.push(
        item
          ? t('field.item', { what: t(item), n: Number(next) + 1 })
          : `${words.fields[part] ? t(words.fields[part]) : part} ${Number(next) + 1}`,
      );
      i++;
    } else if (!/^\d+$/.test(part)) {
      const key = words.fields[part];
      field = key ? t(key) : part;
    }
  }
  if (field) names.push(field);
  const name = names.join(' › ') || path;
  return language ? `${name} (${language})` : name;
}

/** The full sentence: "Namn: må fyllast ut". */
export function problemText(problem: FieldProblem, t: AdminTranslate, words: PathWords): string {
  const { key, placeholder } = problemKey(problem.message);
  return t('field.error', {
    field: fieldName(problem.path, t, words),
    problem: t(key, placeholder ? { placeholder } : {}),
  });
}

/** The DOM id of the input for a path in a form. */
export function inputIdOf(formId: string, path: string): string {
  return `${formId}-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

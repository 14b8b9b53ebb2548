import type { FormValues, ProblemCategory } from '@core/config';

/** What a category form's inputs hold while the user types: texts, and booleans for checkboxes. */
export type FormInputs = Readonly<Record<string, string | boolean>>;

/**
 * Form inputs as a case stores them: checkboxes as booleans, numbers parsed (a decimal comma
 * too), empty texts left out, texts trimmed. A number that does not parse is kept as typed, so
 * core's form check names the field rather than the value quietly becoming 0.
 */
export function toFormValues(category: ProblemCategory, inputs: FormInputs): FormValues {
  const values: Record<string, string | number | boolean> = {};
  for (const field of category.fields) {
    const raw = inputs[field.id];
    if (field.type === 'checkbox') {
      values[field.id] = raw === true;
      continue;
    }
    if (typeof raw !== 'string' || raw.trim() === '') continue;
    if (field.type === 'number') {
      const n = Number(raw.trim().replace(',', '.'));
      values[field.id] = Number.isFinite(n) ? n : raw;
    } else values[field.id] = field.type === 'select' || field.type === 'date' ? raw : raw.trim();
  }
  return values;
}

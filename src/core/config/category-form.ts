import type { FormField, ProblemCategory } from './problem-category';

/** Form values as a case stores them (`CaseRecord.formValues`). */
export type FormValues = Readonly<Record<string, string | number | boolean>>;

/**
 * Why one form value is not accepted.
 * - `required`: a required field is empty (or a required checkbox is not ticked).
 * - `wrongType`: text where a number belongs, a number in a text field, and so on.
 * - `tooLong`: longer than the field's `maxLength`.
 * - `unknownOption`: a select value that is not one of its options.
 * - `invalidDate`: not a date 'YYYY-MM-DD'.
 * - `unknownField`: the category's form has no such field.
 */
export type FormValueProblemKind =
  | 'required'
  | 'wrongType'
  | 'tooLong'
  | 'unknownOption'
  | 'invalidDate'
  | 'unknownField';

export interface FormValueProblem {
  fieldId: string;
  problem: FormValueProblemKind;
}

const isoDate = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function isEmpty(value: string | number | boolean | undefined): boolean {
  return value === undefined || (typeof value === 'string' && value.trim() === '');
}

function problemOf(
  field: FormField,
  value: string | number | boolean,
): FormValueProblemKind | null {
  switch (field.type) {
    case 'checkbox':
      if (typeof value !== 'boolean') return 'wrongType';
      return field.required && !value ? 'required' : null;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'wrongType';
    case 'select':
      if (typeof value !== 'string') return 'wrongType';
      return field.options?.some((o) => o.id === value) ? null : 'unknownOption';
    case 'date':
      if (typeof value !== 'string') return 'wrongType';
      return isoDate.test(value) ? null : 'invalidDate';
    case 'text':
    case 'textarea':
      if (typeof value !== 'string') return 'wrongType';
      return field.maxLength !== undefined && value.length > field.maxLength ? 'tooLong' : null;
  }
}

/**
 * Checks a filled-in portal form against its category: the portal shows the problems beside
 * the fields, and the server refuses a case whose form does not pass. Empty list = accepted.
 */
export function checkFormValues(category: ProblemCategory, values: FormValues): FormValueProblem[] {
  const problems: FormValueProblem[] = [];
  for (const field of category.fields) {
    const value = values[field.id];
    if (isEmpty(value)) {
      if (field.required) problems.push({ fieldId: field.id, problem: 'required' });
      continue;
    }
    const problem = problemOf(field, value!);
    if (problem) problems.push({ fieldId: field.id, problem });
  }
  for (const fieldId of Object.keys(values)) {
    if (!category.fields.some((f) => f.id === fieldId)) {
      problems.push({ fieldId, problem: 'unknownField' });
    }
  }
  return problems;
}

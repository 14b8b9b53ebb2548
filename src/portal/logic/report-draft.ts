/**
 * The "Meld ei sak" form as data: what the user has typed, the checks that name each field in
 * a clear sentence, and the `created` body the server receives. The case always goes to the
 * service (line 1, nobody assigned): nothing here can name a consultant.
 */
import { type Priority, type PriorityAnswers, requesterPhone } from '@core/case';
import {
  checkFormValues,
  type FormField,
  type FormValueProblemKind,
  type Locale,
  type ProblemCategory,
} from '@core/config';
import { priorityQuestions } from '@core/priority';
import { type FormInputs, toFormValues } from '@web/components/category-inputs';
import type { MessageKey, Translate } from '../i18n/translate';
import type { PrioritySteps } from './priority-steps';

/** What the user has entered; form inputs keep strings (checkboxes booleans) until sending. */
export interface ReportDraft {
  categoryId: string | null;
  title: string;
  /** "Kva skjedde?": asked once for every category, stored as the case's description. */
  description: string;
  contact: string;
  unit: string;
  fields: FormInputs;
  answers: PriorityAnswers;
  noNetwork: boolean;
}

export const emptyDraft: ReportDraft = {
  categoryId: null,
  title: '',
  description: '',
  contact: '',
  unit: '',
  fields: {},
  answers: {},
  noNetwork: false,
};

/** A problem with one input: `inputId` is the id of the element to focus and describe. */
export interface DraftProblem {
  inputId: string;
  message: string;
}

export const titleMaxLength = 300;
export const descriptionMaxLength = 4000;

/**
 * Whether "Kva skjedde?" must be filled in: always, unless the category's form has a required
 * text area of its own (e.g. "Kva tilgangar trengst?"), which then says what the case is about.
 */
export function descriptionRequired(category: ProblemCategory): boolean {
  return !category.fields.some((f) => f.type === 'textarea' && f.required);
}

/** The DOM id of a category form field's input. */
export const fieldInputId = (fieldId: string) => `field-${fieldId}`;
/** The DOM id of a priority question's first radio button. */
export const questionInputId = (key: string) => `priority-${key}`;

export { toFormValues };

const problemMessages: Readonly<Record<FormValueProblemKind, MessageKey>> = {
  required: 'error.required',
  wrongType: 'error.wrongType',
  tooLong: 'error.tooLong',
  unknownOption: 'error.unknownOption',
  invalidDate: 'error.invalidDate',
  unknownField: 'error.unknownField',
};

/** Every problem of the draft, in the order the inputs appear on the page. */
export function checkDraft(
  draft: ReportDraft,
  category: ProblemCategory | undefined,
  priority: PrioritySteps | null,
  t: Translate,
  locale: Locale,
): DraftProblem[] {
  if (!category) return [{ inputId: 'category-first', message: t('error.category') }];
  const problems: DraftProblem[] = [];
  const title = draft.title.trim();
  if (title === '') {
    problems.push({ inputId: 'title', message: t('error.required', { field: t('report.title') }) });
  } else if (title.length > titleMaxLength) {
    problems.push({
      inputId: 'title',
      message: t('error.tooLong', { field: t('report.title'), max: titleMaxLength }),
    });
  }
  const byId = new Map<string, FormField>(category.fields.map((f) => [f.id, f]));
  for (const problem of checkFormValues(category, toFormValues(category, draft.fields))) {
    const field = byId.get(problem.fieldId);
    problems.push({
      inputId: fieldInputId(problem.fieldId),
      message: t(problemMessages[problem.problem], {
        field: field ? field.label[locale] : problem.fieldId,
        max: field?.maxLength ?? '',
      }),
    });
  }
  const description = draft.description.trim();
  if (description === '' && descriptionRequired(category)) {
    problems.push({
      inputId: 'description',
      message: t('error.required', { field: t('report.description') }),
    });
  } else if (description.length > descriptionMaxLength) {
    problems.push({
      inputId: 'description',
      message: t('error.tooLong', { field: t('report.description'), max: descriptionMaxLength }),
    });
  }
  // Without network the requester may not read our answer here: we must be able to phone.
  if (draft.noNetwork && requesterPhone(draft.contact) === null) {
    problems.push({ inputId: 'contact', message: t('error.phoneWithoutNetwork') });
  }
  const waiting = priority?.steps.find((s) => s.answer === undefined);
  if (waiting) {
    problems.push({
      inputId: questionInputId(waiting.question.key),
      message: t('error.priorityQuestion', { field: waiting.question.text[locale] }),
    });
  }
  return problems;
}

/** The user the case is reported by, as the server knows them. */
export interface ReportingUser {
  id: string;
  displayName: string;
  municipalityIds: string[];
}

/** The body of `POST /api/v1/cases` for a checked draft. */
export function createCaseBody(
  draft: ReportDraft,
  category: ProblemCategory,
  answers: PriorityAnswers,
  priority: Priority,
  user: ReportingUser,
) {
  return {
    title: draft.title.trim(),
    description: draft.description.trim(),
    priority,
    priorityAnswers: answers,
    channel: 'portal' as const,
    requester: {
      name: user.displayName,
      contact: draft.contact.trim(),
      municipalityId: user.municipalityIds[0] ?? '',
      unit: draft.unit.trim(),
      userId: user.id,
      // "Eg har ikkje nett": the agents see it on the case and phone instead of answering here.
      noNetwork: draft.noNetwork,
    },
    categoryId: category.id,
    formValues: toFormValues(category, draft.fields),
  };
}

/** All priority question keys, for tests and for resetting the answers. */
export const priorityQuestionKeys = priorityQuestions.map((q) => q.key);

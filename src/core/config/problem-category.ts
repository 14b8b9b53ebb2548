import { z } from 'zod';
import { priorityAnswersSchema } from '../case/case-record';
import { prioritySchema } from '../case/case-vocabulary';
import { localizedTextSchema } from './localized-text';
import { configIdSchema } from './municipality-config';

/** The input types a portal form may use. */
export const formFieldTypeSchema = z.enum([
  'text',
  'textarea',
  'select',
  'checkbox',
  'number',
  'date',
]);
export type FormFieldType = z.infer<typeof formFieldTypeSchema>;

/** One choice of a `select` field; the case stores `id`, the form shows `label`. */
export const formFieldOptionSchema = z.strictObject({
  /** Stored in the case's form values. */
  id: configIdSchema,
  /** What the user sees in the list. */
  label: localizedTextSchema,
});
export type FormFieldOption = z.infer<typeof formFieldOptionSchema>;

/** One field of a category's portal form; its value is stored under `id` in `formValues`. */
export const formFieldSchema = z
  .strictObject({
    /** Key in the case's `formValues`; unique within the category. */
    id: z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'must be a camelCase id such as "printerName"'),
    /** The field's label on the form. */
    label: localizedTextSchema,
    /** Optional hint under the field. */
    help: localizedTextSchema.optional(),
    type: formFieldTypeSchema,
    /** The form cannot be sent without it (a checkbox is then required to be ticked). */
    required: z.boolean().default(false),
    /** Choices; required for, and only for, `select` fields. */
    options: z.array(formFieldOptionSchema).optional(),
    /** Longest text accepted (text and textarea only). */
    maxLength: z.number().int().positive().max(20_000).optional(),
  })
  .superRefine((field, ctx) => {
    if (field.type === 'select' && (field.options?.length ?? 0) === 0) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'a select field needs options' });
    }
    if (field.type !== 'select' && field.options !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'only select fields have options',
      });
    }
    if (field.maxLength !== undefined && field.type !== 'text' && field.type !== 'textarea') {
      ctx.addIssue({
        code: 'custom',
        path: ['maxLength'],
        message: 'only text fields have maxLength',
      });
    }
    const ids = field.options?.map((o) => o.id) ?? [];
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) {
        ctx.addIssue({
          code: 'custom',
          path: ['options', i, 'id'],
          message: `duplicate option id "${id}"`,
        });
      }
    });
  });
export type FormField = z.infer<typeof formFieldSchema>;

/**
 * A kind of problem with its portal form (the seed: "forms for different kinds of problems, so
 * that registration goes faster").
 */
export const problemCategorySchema = z
  .strictObject({
    /** Stable kebab-case id, stored as the case's `categoryId`. */
    id: configIdSchema,
    /** The category's name in the portal and on the case, e.g. "Skrivar". */
    name: localizedTextSchema,
    /** One line under the name in the portal, saying what belongs here. */
    description: localizedTextSchema,
    /** A hint for the priority wizard's starting point; the definitions still decide. */
    priorityHint: prioritySchema.nullable().default(null),
    /**
     * Answers the wizard may fill in beforehand, e.g. `lifeAndHealth: true` for health systems,
     * so the user is not asked what the category already says.
     */
    presetAnswers: priorityAnswersSchema.strict().default({}),
    /** The form's fields, in display order. */
    fields: z.array(formFieldSchema).default([]),
    /**
     * A retired category keeps its old cases (their names and form values read as before)
     * but is offered for no new case. Set in the app; never deleted.
     */
    retired: z.boolean().optional(),
  })
  .superRefine((category, ctx) => {
    const ids = category.fields.map((f) => f.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) {
        ctx.addIssue({
          code: 'custom',
          path: ['fields', i, 'id'],
          message: `duplicate field id "${id}"`,
        });
      }
    });
  });
export type ProblemCategory = z.infer<typeof problemCategorySchema>;
export type ProblemCategoryInput = z.input<typeof problemCategorySchema>;

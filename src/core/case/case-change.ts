import { z } from 'zod';
import { formValuesSchema, idSchema, priorityAnswersSchema, requesterSchema } from './case-record';
import {
  caseChannelSchema,
  caseStatusSchema,
  commentVisibilitySchema,
  prioritySchema,
  supportLineSchema,
  waitingReasonSchema,
} from './case-vocabulary';

/**
 * One change to a case: what a client asks for (inside a sync mutation) and what the server
 * records (inside an event). Cases change only through these; nothing is updated in place.
 */

/** The case is registered. Every case starts on line 1 and can never name a consultant. */
export const caseCreatedSchema = z.object({
  type: z.literal('created'),
  title: z.string().trim().min(1, 'title is required').max(300),
  description: z.string().max(20_000).default(''),
  priority: prioritySchema,
  priorityAnswers: priorityAnswersSchema.nullable().default(null),
  channel: caseChannelSchema,
  requester: requesterSchema,
  categoryId: z.string().nullable().default(null),
  formValues: formValuesSchema.default({}),
});

/** Plain fields edited (title, description, category, form values, requester details). */
export const fieldsChangedSchema = z.object({
  type: z.literal('fieldsChanged'),
  changes: z
    .object({
      title: z.string().trim().min(1, 'title is required').max(300),
      description: z.string().max(20_000),
      categoryId: z.string().nullable(),
      formValues: formValuesSchema,
      /**
       * The requester's details. `userId` left out keeps the portal account on the case (an
       * edit of the name or phone must not unlink it by omission); `null` unlinks it.
       */
      requester: requesterSchema.extend({ userId: z.string().nullable().optional() }),
    })
    .partial()
    .refine((c) => Object.keys(c).length > 0, 'changes must name at least one field'),
});

/** Priority set or changed, with the classifier's answers when the wizard was used. */
export const prioritySetSchema = z.object({
  type: z.literal('prioritySet'),
  priority: prioritySchema,
  answers: priorityAnswersSchema.nullable().default(null),
  note: z.string().max(2_000).default(''),
});

/** Status moved; `waitingReason` is required exactly when the new status is `waiting`. */
export const statusChangedSchema = z
  .object({
    type: z.literal('statusChanged'),
    status: caseStatusSchema,
    waitingReason: waitingReasonSchema.nullable().default(null),
    note: z.string().max(2_000).default(''),
  })
  .refine((c) => (c.status === 'waiting') === (c.waitingReason !== null), {
    message: 'waitingReason is required when status is waiting, and only then',
    path: ['waitingReason'],
  });

/** Assigned to a member of the case's current line, or unassigned (null). */
export const assignedSchema = z.object({
  type: z.literal('assigned'),
  assigneeId: z.string().nullable(),
});

/** Moved to another line: up (escalated) or down (sent back). A reason is always required. */
export const escalatedSchema = z.object({
  type: z.literal('escalated'),
  toLine: supportLineSchema,
  reason: z.string().trim().min(1, 'reason is required').max(2_000),
  /** What was tried before moving the case. */
  tried: z.string().trim().max(4_000).default(''),
});

/** A comment; append-only, never conflicts. */
export const commentedSchema = z.object({
  type: z.literal('commented'),
  commentId: idSchema,
  body: z.string().trim().min(1, 'comment body is required').max(20_000),
  visibility: commentVisibilitySchema,
});

/** Time spent on the case, per line; append-only. */
export const worklogAddedSchema = z.object({
  type: z.literal('worklogAdded'),
  entryId: idSchema,
  minutes: z
    .number()
    .int()
    .positive('minutes must be positive')
    .max(24 * 60),
  line: supportLineSchema,
  note: z.string().max(2_000).default(''),
});

/** Linked to a related case. */
export const linkedSchema = z.object({
  type: z.literal('linked'),
  otherCaseId: idSchema,
});

/** Merged into another case (a duplicate); the case is closed and points to the survivor. */
export const mergedSchema = z.object({
  type: z.literal('merged'),
  intoCaseId: idSchema,
});

/** Someone took the case (typically a critical alert); records the first response. */
export const acknowledgedSchema = z.object({
  type: z.literal('acknowledged'),
});

/**
 * A file was attached to the case. Append-only and never conflicts. Only the server's upload
 * route records it, in the same transaction as the stored attachment, so the history (the
 * audit log) shows every upload: who, when, which file. Not a response to the requester.
 */
export const attachmentAddedSchema = z.object({
  type: z.literal('attachmentAdded'),
  attachmentId: idSchema,
  fileName: z.string().trim().min(1, 'fileName is required').max(255),
  contentType: z.string().trim().min(1, 'contentType is required').max(200),
  sizeBytes: z.number().int().positive('sizeBytes must be positive'),
});

/**
 * Marked as a major incident (one outage, many reports), or no longer one. The cases it
 * affects point to it (`affectedSet`); solving it can solve them with one note.
 */
export const majorIncidentSetSchema = z.object({
  type: z.literal('majorIncidentSet'),
  major: z.boolean(),
  note: z.string().max(2_000).default(''),
});

/** Linked to a major incident as one of the cases it affects (null: no longer). */
export const affectedSetSchema = z.object({
  type: z.literal('affectedSet'),
  majorIncidentId: idSchema.nullable(),
});

/** Someone follows the case (is told of its changes), or stops following it. */
export const followersChangedSchema = z.object({
  type: z.literal('followersChanged'),
  userId: z.string().min(1),
  following: z.boolean(),
});

export const caseChangeSchema = z.discriminatedUnion('type', [
  caseCreatedSchema,
  fieldsChangedSchema,
  prioritySetSchema,
  statusChangedSchema,
  assignedSchema,
  escalatedSchema,
  commentedSchema,
  worklogAddedSchema,
  linkedSchema,
  mergedSchema,
  acknowledgedSchema,
  attachmentAddedSchema,
  majorIncidentSetSchema,
  affectedSetSchema,
  followersChangedSchema,
]);
export type CaseChange = z.infer<typeof caseChangeSchema>;
export type CaseChangeInput = z.input<typeof caseChangeSchema>;
export type CaseChangeType = CaseChange['type'];

import { z } from 'zod';
import { slaFactSchema } from './case-sla-facts';
import {
  caseChannelSchema,
  caseStatusSchema,
  prioritySchema,
  supportLineSchema,
  waitingReasonSchema,
} from './case-vocabulary';

/** Identifiers are UUIDs generated where the thing is created (client or server). */
export const idSchema = z.uuid();

/** The person who reported the case. */
export const requesterSchema = z.object({
  name: z.string().trim().min(1, 'requester name is required').max(200),
  /** Phone number or e-mail address. */
  contact: z.string().trim().max(200).default(''),
  municipalityId: z.string().min(1, 'requester municipality is required'),
  /** Municipal unit or professional group (eining / faggruppe). */
  unit: z.string().trim().max(200).default(''),
  /** The portal account, when the requester has one. */
  userId: z.string().nullable().default(null),
});
export type Requester = z.infer<typeof requesterSchema>;

/**
 * Answers to the seed's priority questions, stored with the case so its priority can be
 * explained and audited. Unanswered questions are absent.
 */
export const priorityAnswersSchema = z.object({
  lifeAndHealth: z.boolean().optional(),
  highUptimeSystem: z.boolean().optional(),
  citizenService: z.boolean().optional(),
  scope: z.enum(['oneUser', 'unit']).optional(),
  completeLoss: z.boolean().optional(),
  homeOffice: z.boolean().optional(),
});
export type PriorityAnswers = z.infer<typeof priorityAnswersSchema>;

/** Values a category form may hold. */
export const formValuesSchema = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean()]),
);

/** Fields whose concurrent changes are decided per field by the server (see sync). */
export const conflictFields = [
  'title',
  'description',
  'categoryId',
  'formValues',
  'requester',
  'priority',
  'status',
  'assigneeId',
  'line',
] as const;
export type ConflictField = (typeof conflictFields)[number];

/** A case as both server and clients hold it: the fold of its events. */
export const caseRecordSchema = z.object({
  id: idSchema,
  /** Server-given human-readable number (e.g. 2026-00042); null until the server has seen the case. */
  number: z.string().nullable(),
  title: z.string().trim().min(1, 'title is required').max(300),
  description: z.string().max(20_000),
  status: caseStatusSchema,
  waitingReason: waitingReasonSchema.nullable(),
  priority: prioritySchema,
  priorityAnswers: priorityAnswersSchema.nullable(),
  line: supportLineSchema,
  channel: caseChannelSchema,
  requester: requesterSchema,
  categoryId: z.string().nullable(),
  formValues: formValuesSchema,
  assigneeId: z.string().nullable(),
  linkedCaseIds: z.array(idSchema),
  mergedIntoId: idSchema.nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  createdBy: z.string(),
  updatedAt: z.iso.datetime({ offset: true }),
  /** When the service first responded (acknowledged, started, or answered the requester). */
  firstResponseAt: z.iso.datetime({ offset: true }).nullable(),
  resolvedAt: z.iso.datetime({ offset: true }).nullable(),
  /** Server sequence of the case's last change; 0 while only the creating client knows it. */
  version: z.number().int().nonnegative(),
  /** Server sequence of each conflict field's last change, for per-field conflict decisions. */
  fieldVersions: z.partialRecord(z.enum(conflictFields), z.number().int().nonnegative()),
  /** The SLA facts of the case's history, appended by the reducer (see case-sla-facts.ts). */
  slaTimeline: z.array(slaFactSchema).default([]),
});
export type CaseRecord = z.infer<typeof caseRecordSchema>;

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
  /**
   * Where mail about the case goes (receipts, replies, "solved"). Optional; for a requester
   * with an account the account's address is used when this is absent.
   */
  email: z
    .string()
    .trim()
    .max(320)
    .regex(/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/, 'must be an e-mail address')
    .optional(),
  /**
   * The requester said in the portal that they have no network, or are losing it: they may
   * not read an answer in the portal, so the service should phone them. Optional (absent on
   * cases from before it was stored, and on phone cases) and read as false when absent.
   */
  noNetwork: z.boolean().optional(),
});
export type Requester = z.infer<typeof requesterSchema>;

/**
 * The phone number in a requester's contact ("Telefon eller e-post"), as typed, or null when
 * the contact holds none (an e-mail address, nothing). A phone number is 5 to 15 digits with
 * optional spaces, dashes, dots, brackets and a leading "+"; "tlf." or "mobil:" in front is
 * allowed. Used to phone a requester who has no network rather than answer in the portal.
 */
export function requesterPhone(contact: string): string | null {
  for (const part of contact.split(/[,;/]| eller | or /)) {
    const candidate = part
      .trim()
      .replace(/^(tlf|tel|telefon|mobil|mob|phone)\.?:?\s*/i, '')
      .trim();
    if (!/^\+?[\d\s().-]+$/.test(candidate)) continue;
    const digits = candidate.replace(/\D/g, '').length;
    if (digits >= 5 && digits <= 15) return candidate;
  }
  return null;
}

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
  /** A major incident (issue 16); absent on cases from before, read as false. */
  majorIncident: z.boolean().optional(),
  /** The major incident this case is one of the affected cases of; absent or null: none. */
  affectedBy: idSchema.nullable().optional(),
  /** Who follows the case (is told of its changes); absent on cases from before: nobody. */
  followerIds: z.array(z.string()).optional(),
});
export type CaseRecord = z.infer<typeof caseRecordSchema>;

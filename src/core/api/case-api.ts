import { z } from 'zod';
import { caseChangeSchema, caseCreatedSchema } from '../case/case-change';
import { caseEventSchema } from '../case/case-event';
import { caseRecordSchema, idSchema } from '../case/case-record';
import { caseStatusSchema, prioritySchema, supportLineSchema } from '../case/case-vocabulary';
import { mutationResultSchema } from '../sync/sync-protocol';
import { defineRoute } from './api-route';

/** Cases over REST, and their attachments. */

/** `a,b` or repeated parameters; either way a list. */
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value),
    z.array(item).min(1),
  );

export const caseListQuerySchema = z.object({
  line: listOf(z.coerce.number().pipe(supportLineSchema)).optional(),
  status: listOf(caseStatusSchema).optional(),
  priority: listOf(prioritySchema).optional(),
  municipality: listOf(z.string().min(1)).optional(),
  /** A user id, or `none` for unassigned cases. */
  assignee: z.string().min(1).optional(),
  /** Free text: number, title, description, requester. */
  q: z.string().trim().min(1).max(200).optional(),
  /** Cases changed at or after this instant. */
  changedSince: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

export const caseListSchema = z.object({
  cases: z.array(caseRecordSchema),
  total: z.number().int().nonnegative(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type CaseList = z.infer<typeof caseListSchema>;

export const createCaseRequestSchema = caseCreatedSchema.omit({ type: true }).extend({
  /** Optional client-chosen id (UUID); the server makes one otherwise. */
  id: idSchema.optional(),
});

export const changeCaseRequestSchema = z.object({
  change: caseChangeSchema.refine((c) => c.type !== 'created', 'use POST /cases to create'),
  /** The case version the change was based on; omitted = the current version (no conflicts). */
  baseVersion: z.number().int().nonnegative().optional(),
});

export const caseWithEventSchema = z.object({ case: caseRecordSchema, event: caseEventSchema });
export const caseWithHistorySchema = z.object({
  case: caseRecordSchema,
  /** The history the caller may read (requesters: no internal comments, no worklog). */
  events: z.array(caseEventSchema),
});
export const changeOutcomeSchema = z.object({
  result: mutationResultSchema,
  case: caseRecordSchema,
});

export const attachmentSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int().positive(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.iso.datetime({ offset: true }),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const uploadQuerySchema = z.object({
  fileName: z
    .string()
    .trim()
    .min(1, 'fileName is required')
    .max(255)
    .refine((name) => !/[/\\\0]/.test(name), 'fileName must not contain path separators'),
});

const idempotencyHeader = {
  'idempotency-key': 'A UUID; a retried request with the same key is applied once, answered alike',
};
const caseParams = z.object({ id: idSchema });

export const listCases = defineRoute({
  id: 'listCases',
  method: 'get',
  path: '/api/v1/cases',
  summary: 'Cases the caller may read, filtered and paged, newest change first',
  tag: 'cases',
  access: 'signedIn',
  query: caseListQuerySchema,
  responses: { 200: { description: 'One page of cases', schema: caseListSchema } },
  problems: { 400: 'Bad filter', 401: 'Not signed in' },
});

export const createCase = defineRoute({
  id: 'createCase',
  method: 'post',
  path: '/api/v1/cases',
  summary: 'Register a case (every case starts on line 1, assigned to nobody)',
  tag: 'cases',
  access: 'signedIn',
  body: createCaseRequestSchema,
  headers: idempotencyHeader,
  responses: { 201: { description: 'Registered', schema: caseWithEventSchema } },
  problems: {
    400: 'Bad input',
    401: 'Not signed in',
    403: 'Refused by a rule of the caller’s role (`rule`, `params`)',
    409: 'The id is taken',
    422: 'Refused by a case rule (`rule`, `params`)',
  },
});

export const getCase = defineRoute({
  id: 'getCase',
  method: 'get',
  path: '/api/v1/cases/{id}',
  summary: 'One case (by id or number) and the history the caller may read',
  tag: 'cases',
  access: 'signedIn',
  params: z.object({ id: z.string().min(1).max(100) }),
  responses: { 200: { description: 'The case', schema: caseWithHistorySchema } },
  problems: { 400: 'Bad id', 401: 'Not signed in', 404: 'No such case, or not the caller’s' },
});

export const changeCase = defineRoute({
  id: 'changeCase',
  method: 'post',
  path: '/api/v1/cases/{id}/changes',
  summary: 'Change a case: the same rules, conflicts and audit as a sync push',
  tag: 'cases',
  access: 'signedIn',
  params: caseParams,
  body: changeCaseRequestSchema,
  headers: idempotencyHeader,
  responses: {
    200: {
      description: 'Applied (some fields may have lost to newer ones)',
      schema: changeOutcomeSchema,
    },
    409: {
      description: 'Every field lost to a newer change; `result.conflicts` says which',
      schema: changeOutcomeSchema,
    },
  },
  problems: {
    400: 'Bad input',
    401: 'Not signed in',
    403: 'Refused by a rule of the caller’s role (`rule`, `params`)',
    404: 'No such case, or not the caller’s',
    422: 'Refused by a case rule (`rule`, `params`)',
  },
});

export const listAttachments = defineRoute({
  id: 'listAttachments',
  method: 'get',
  path: '/api/v1/cases/{id}/attachments',
  summary: 'Files on a case',
  tag: 'attachments',
  access: 'signedIn',
  params: caseParams,
  responses: {
    200: { description: 'The files', schema: z.object({ attachments: z.array(attachmentSchema) }) },
  },
  problems: { 400: 'Bad id', 401: 'Not signed in', 404: 'No such case, or not the caller’s' },
});

export const uploadAttachment = defineRoute({
  id: 'uploadAttachment',
  method: 'post',
  path: '/api/v1/cases/{id}/attachments',
  summary: 'Add a file: the body is the file, Content-Type its type, `fileName` its name',
  tag: 'attachments',
  access: 'signedIn',
  params: caseParams,
  query: uploadQuerySchema,
  body: z.instanceof(Uint8Array),
  bodyKind: 'file',
  responses: {
    201: {
      description: 'Stored and recorded in the case history',
      schema: attachmentSchema.extend({ seq: z.number().int().positive() }),
    },
  },
  problems: {
    400: 'Bad name, or an empty file',
    401: 'Not signed in',
    403: 'Refused by a rule of the caller’s role',
    404: 'No such case, or not the caller’s',
    413: 'Larger than the configured limit',
    415: 'A type that is not accepted',
    422: 'Refused by a case rule',
  },
});

export const downloadAttachment = defineRoute({
  id: 'downloadAttachment',
  method: 'get',
  path: '/api/v1/attachments/{id}',
  summary: 'Download a file (for anyone who may read its case)',
  tag: 'attachments',
  access: 'signedIn',
  params: z.object({ id: idSchema }),
  responses: {
    200: { description: 'The file', schema: null, contentType: 'application/octet-stream' },
  },
  problems: { 400: 'Bad id', 401: 'Not signed in', 404: 'No such file, or not the caller’s' },
});

export const caseRoutes = [
  listCases,
  createCase,
  getCase,
  changeCase,
  listAttachments,
  uploadAttachment,
  downloadAttachment,
] as const;

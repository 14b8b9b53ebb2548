import { z } from 'zod';
import { localeSchema } from '../config/localized-text';
import { municipalityConfigSchema } from '../config/municipality-config';
import { auditPageSchema, auditQuerySchema } from '../content/audit-entry';
import { replyTemplateInputSchema, replyTemplateSchema } from '../content/reply-template';
import { statementInputSchema, statementKindSchema, statementSchema } from '../content/statement';
import { defineRoute } from './api-route';

/**
 * Administration in the app (team leaders and admins): the municipality directory with line 2,
 * units and sign-in link; reply templates; the portal's statements; the audit log. Every
 * change is written with its audit entry in one transaction and announced to every client.
 */

const editors = ['teamLeader', 'admin'] as const;
const staff = ['agent', 'consultant', 'senior', 'teamLeader', 'admin'] as const;
const writeProblems = {
  400: 'Bad input; `errors` names each bad field',
  401: 'Not signed in',
  403: 'Team leaders and admins only',
};

export const directoryDriftSchema = z.object({
  municipalityId: z.string(),
  kind: z.enum(['added', 'changed', 'removed']),
  name: z.string(),
});

export const municipalityDirectorySchema = z.object({
  /** Every municipality, retired ones too (their history stays), in order. */
  municipalities: z.array(municipalityConfigSchema),
  /** How the configuration file differs from what it seeded (not applied; see core). */
  drift: z.array(directoryDriftSchema),
  /** The sign-in providers a municipality may be linked to (`identityProviders[].id`). */
  identityProviderIds: z.array(z.string()),
});
const municipalityParams = z.object({ id: z.string().min(1).max(100) });
const municipalityOne = z.object({ municipality: municipalityConfigSchema });

export const listMunicipalityDirectory = defineRoute({
  id: 'listMunicipalityDirectory',
  method: 'get',
  path: '/api/v1/admin/municipalities',
  summary: 'The municipality directory with line 2, units, sign-in link and drift from the file',
  tag: 'admin',
  access: editors,
  responses: { 200: { description: 'The directory', schema: municipalityDirectorySchema } },
  problems: { 401: 'Not signed in', 403: 'Team leaders and admins only' },
});

export const createMunicipality = defineRoute({
  id: 'createMunicipality',
  method: 'post',
  path: '/api/v1/admin/municipalities',
  summary: 'Add a municipality',
  tag: 'admin',
  access: editors,
  body: municipalityConfigSchema,
  responses: { 201: { description: 'Added', schema: municipalityOne } },
  problems: { ...writeProblems, 409: 'A municipality with that id exists' },
});

export const updateMunicipality = defineRoute({
  id: 'updateMunicipality',
  method: 'put',
  path: '/api/v1/admin/municipalities/{id}',
  summary: 'Rename, retire or change the line 2, units or sign-in link of a municipality',
  tag: 'admin',
  access: editors,
  params: municipalityParams,
  body: municipalityConfigSchema,
  responses: { 200: { description: 'Changed', schema: municipalityOne } },
  problems: { ...writeProblems, 404: 'No such municipality' },
});

const uuidParams = z.object({ id: z.uuid() });
const templateList = z.object({ templates: z.array(replyTemplateSchema) });
const templateOne = z.object({ template: replyTemplateSchema });

export const listReplyTemplates = defineRoute({
  id: 'listReplyTemplates',
  method: 'get',
  path: '/api/v1/templates',
  summary: 'Reply templates (retired ones too, marked)',
  tag: 'admin',
  access: staff,
  responses: { 200: { description: 'By name', schema: templateList } },
  problems: { 401: 'Not signed in', 403: 'Staff only' },
});

export const createReplyTemplate = defineRoute({
  id: 'createReplyTemplate',
  method: 'post',
  path: '/api/v1/templates',
  summary: 'Add a reply template',
  tag: 'admin',
  access: editors,
  body: replyTemplateInputSchema,
  responses: { 201: { description: 'Added', schema: templateOne } },
  problems: writeProblems,
});

export const updateReplyTemplate = defineRoute({
  id: 'updateReplyTemplate',
  method: 'put',
  path: '/api/v1/templates/{id}',
  summary: 'Change or retire a reply template',
  tag: 'admin',
  access: editors,
  params: uuidParams,
  body: replyTemplateInputSchema,
  responses: { 200: { description: 'Changed', schema: templateOne } },
  problems: { ...writeProblems, 404: 'No such template' },
});

const statementParams = z.object({ kind: statementKindSchema });

export const getStatement = defineRoute({
  id: 'getStatement',
  method: 'get',
  path: '/api/v1/statements/{kind}',
  summary: 'The portal’s accessibility or privacy statement (public)',
  tag: 'admin',
  access: 'public',
  params: statementParams,
  responses: { 200: { description: 'The statement', schema: statementSchema } },
  problems: { 400: 'No such kind of statement' },
});

export const putStatement = defineRoute({
  id: 'putStatement',
  method: 'put',
  path: '/api/v1/statements/{kind}',
  summary: 'Write the accessibility or privacy statement',
  tag: 'admin',
  access: editors,
  params: statementParams,
  body: statementInputSchema,
  responses: { 200: { description: 'Stored', schema: statementSchema } },
  problems: writeProblems,
});

export const listAuditLog = defineRoute({
  id: 'listAuditLog',
  method: 'get',
  path: '/api/v1/audit',
  summary: 'The audit log, newest first, filtered by who, what and when',
  tag: 'admin',
  access: editors,
  query: auditQuerySchema,
  responses: { 200: { description: 'One page of entries', schema: auditPageSchema } },
  problems: { 400: 'Bad filter', 401: 'Not signed in', 403: 'Team leaders and admins only' },
});

export const auditExportQuerySchema = auditQuerySchema.safeExtend({
  /** The language of the column headers. */
  lang: localeSchema.default('nn'),
  limit: z.coerce.number().int().min(1).max(100_000).default(100_000),
});

export const exportAuditLog = defineRoute({
  id: 'exportAuditLog',
  method: 'get',
  path: '/api/v1/audit/export',
  summary: 'The filtered audit log as CSV (Norwegian Excel: `;`, UTF-8 with BOM)',
  tag: 'admin',
  access: editors,
  query: auditExportQuerySchema,
  responses: { 200: { description: 'CSV', schema: null, contentType: 'text/csv' } },
  problems: { 400: 'Bad filter', 401: 'Not signed in', 403: 'Team leaders and admins only' },
});

export const adminRoutes = [
  listMunicipalityDirectory,
  createMunicipality,
  updateMunicipality,
  listReplyTemplates,
  createReplyTemplate,
  updateReplyTemplate,
  getStatement,
  putStatement,
  listAuditLog,
  exportAuditLog,
] as const;

import { z } from 'zod';
import { caseRecordSchema } from '../case/case-record';
import { caseStatusSchema, prioritySchema, supportLineSchema } from '../case/case-vocabulary';
import { searchFields } from '../search/case-search-texts';
import { savedViewSchema, viewFiltersSchema, viewScopeSchema } from '../search/saved-view';
import { slaFilterStates } from '../search/search-filters';
import { defineRoute } from './api-route';

/** Full-text search over the cases the caller may read (see src/core/search). */

const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value),
    z.array(item).min(1),
  );

export const caseSearchQuerySchema = z.object({
  /**
   * The words; every one must match (stemmed, Nynorsk and Bokmål, æøå-insensitive), the last
   * also as the start of a word while it is typed. Empty: the filters alone, newest first.
   */
  q: z.string().max(200).default(''),
  line: listOf(z.coerce.number().pipe(supportLineSchema)).optional(),
  status: listOf(caseStatusSchema).optional(),
  priority: listOf(prioritySchema).optional(),
  municipality: listOf(z.string().min(1)).optional(),
  category: listOf(z.string().min(1)).optional(),
  /** User ids; `none` for unassigned cases. */
  assignee: listOf(z.string().min(1)).optional(),
  createdFrom: z.iso.datetime({ offset: true }).optional(),
  createdTo: z.iso.datetime({ offset: true }).optional(),
  changedFrom: z.iso.datetime({ offset: true }).optional(),
  changedTo: z.iso.datetime({ offset: true }).optional(),
  /** SLA state now (computed from each case's SLA facts). */
  sla: listOf(z.enum(slaFilterStates)).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type CaseSearchQuery = z.infer<typeof caseSearchQuerySchema>;

export const snippetPieceSchema = z.object({ text: z.string(), hit: z.boolean() });
export const searchSnippetSchema = z.object({
  field: z.enum(searchFields),
  pieces: z.array(snippetPieceSchema),
});

export const caseSearchHitSchema = z.object({
  case: caseRecordSchema,
  /** Higher is better; comparable only within one answer. */
  score: z.number(),
  snippets: z.array(searchSnippetSchema),
});
export type CaseSearchHit = z.infer<typeof caseSearchHitSchema>;

export const caseSearchResultSchema = z.object({
  /** Which engine answered: the server's database, or (offline, in clients) the local store. */
  engine: z.enum(['postgresql', 'sqlite', 'local']),
  hits: z.array(caseSearchHitSchema),
  /** How many cases match in all (at most `totalCap` when an SLA filter is set). */
  total: z.number().int().nonnegative(),
  /** True when `total` stopped counting at a cap (an SLA filter over very many matches). */
  totalCapped: z.boolean(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type CaseSearchResult = z.infer<typeof caseSearchResultSchema>;

export const searchCases = defineRoute({
  id: 'searchCases',
  method: 'get',
  path: '/api/v1/search',
  summary: 'Full-text search over the cases the caller may read: ranked, highlighted, filtered',
  tag: 'cases',
  access: 'signedIn',
  query: caseSearchQuerySchema,
  responses: { 200: { description: 'The best matches first', schema: caseSearchResultSchema } },
  problems: { 400: 'Bad query or filter', 401: 'Not signed in' },
});

/** Saved views shared with the team (personal ones may live on the device alone). */
const staffRoles = ['agent', 'consultant', 'senior', 'teamLeader', 'admin'] as const;
const viewParams = z.object({ id: z.uuid() });

export const listViews = defineRoute({
  id: 'listViews',
  method: 'get',
  path: '/api/v1/views',
  summary: 'The caller’s saved views and every shared one',
  tag: 'views',
  access: staffRoles,
  responses: {
    200: {
      description: 'Views, shared first',
      schema: z.object({ views: z.array(savedViewSchema) }),
    },
  },
  problems: { 401: 'Not signed in', 403: 'Not staff' },
});

export const putView = defineRoute({
  id: 'putView',
  method: 'put',
  path: '/api/v1/views/{id}',
  summary:
    'Save a view (new or changed); shared views may be changed by their owner, team leaders and admins',
  tag: 'views',
  access: staffRoles,
  params: viewParams,
  body: z.object({
    name: savedViewSchema.shape.name,
    scope: viewScopeSchema,
    filters: viewFiltersSchema,
  }),
  responses: { 200: { description: 'Saved', schema: savedViewSchema } },
  problems: {
    400: 'Bad view',
    401: 'Not signed in',
    403: 'Not the caller’s view (rule `view.notEditable`)',
  },
});

export const deleteView = defineRoute({
  id: 'deleteView',
  method: 'delete',
  path: '/api/v1/views/{id}',
  summary: 'Delete a saved view',
  tag: 'views',
  access: staffRoles,
  params: viewParams,
  responses: { 204: { description: 'Deleted', schema: null } },
  problems: { 401: 'Not signed in', 403: 'Not the caller’s view', 404: 'No such view' },
});

/** A known fault: an open major incident, as the portal may show it to anyone signed in. */
export const knownFaultSchema = z.object({
  id: z.uuid(),
  number: z.string().nullable(),
  title: z.string(),
  categoryId: z.string().nullable(),
  municipalityId: z.string(),
});
export type KnownFault = z.infer<typeof knownFaultSchema>;

export const listKnownFaults = defineRoute({
  id: 'listKnownFaults',
  method: 'get',
  path: '/api/v1/known-faults',
  summary:
    'Open major incidents for a category and municipality (the portal says "this fault is known")',
  tag: 'views',
  access: 'signedIn',
  query: z.object({
    category: z.string().min(1).optional(),
    municipality: z.string().min(1).optional(),
  }),
  responses: {
    200: { description: 'Known faults', schema: z.object({ faults: z.array(knownFaultSchema) }) },
  },
  problems: { 400: 'Bad query', 401: 'Not signed in' },
});

export const searchRoutes = [searchCases, listViews, putView, deleteView, listKnownFaults] as const;

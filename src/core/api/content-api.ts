import { z } from 'zod';
import { problemCategorySchema } from '../config/problem-category';
import { faqArticleInputSchema, faqArticleSchema } from '../content/faq-article';
import { noticeInputSchema, noticeSchema } from '../content/notice';
import { defineRoute } from './api-route';

/** Operational notices, FAQ articles and problem categories with their portal forms. */

const editors = ['teamLeader', 'admin'] as const;
const uuidParams = z.object({ id: z.uuid() });

/** Problems of the team leaders' and admins' writes; `what` names the thing that may be gone. */
const writeProblems = {
  400: 'Bad input',
  401: 'Not signed in',
  403: 'Team leaders and admins only',
};
const writeProblemsOn = (what: string) => ({ ...writeProblems, 404: `No such ${what}` });

export const noticeQuerySchema = z.object({
  /** Past and future notices too (team leaders and admins; ignored for others). */
  all: z.enum(['true', 'false']).default('false'),
});
export const noticeListSchema = z.object({ notices: z.array(noticeSchema) });
export const noticeOneSchema = z.object({ notice: noticeSchema });

export const listNotices = defineRoute({
  id: 'listNotices',
  method: 'get',
  path: '/api/v1/notices',
  summary: 'Operational notices in force for the caller’s municipalities',
  tag: 'content',
  access: 'signedIn',
  query: noticeQuerySchema,
  responses: { 200: { description: 'Notices, most severe first', schema: noticeListSchema } },
  problems: { 400: 'Bad query', 401: 'Not signed in' },
});

export const createNotice = defineRoute({
  id: 'createNotice',
  method: 'post',
  path: '/api/v1/notices',
  summary: 'Publish an operational notice',
  tag: 'content',
  access: editors,
  body: noticeInputSchema,
  responses: { 201: { description: 'Published', schema: noticeOneSchema } },
  problems: writeProblems,
});

export const updateNotice = defineRoute({
  id: 'updateNotice',
  method: 'put',
  path: '/api/v1/notices/{id}',
  summary: 'Change an operational notice',
  tag: 'content',
  access: editors,
  params: uuidParams,
  body: noticeInputSchema,
  responses: { 200: { description: 'Changed', schema: noticeOneSchema } },
  problems: writeProblemsOn('notice'),
});

export const deleteNotice = defineRoute({
  id: 'deleteNotice',
  method: 'delete',
  path: '/api/v1/notices/{id}',
  summary: 'Delete an operational notice',
  tag: 'content',
  access: editors,
  params: uuidParams,
  responses: { 204: { description: 'Deleted', schema: null } },
  problems: writeProblemsOn('notice'),
});

export const faqQuerySchema = z.object({ q: z.string().trim().max(200).optional() });
export const faqListSchema = z.object({ articles: z.array(faqArticleSchema) });
export const faqOneSchema = z.object({ article: faqArticleSchema });

export const listFaq = defineRoute({
  id: 'listFaq',
  method: 'get',
  path: '/api/v1/faq',
  summary: 'Frequently asked questions, optionally searched',
  tag: 'content',
  access: 'signedIn',
  query: faqQuerySchema,
  responses: { 200: { description: 'Articles in order', schema: faqListSchema } },
  problems: { 400: 'Bad query', 401: 'Not signed in' },
});

export const createFaq = defineRoute({
  id: 'createFaq',
  method: 'post',
  path: '/api/v1/faq',
  summary: 'Add a FAQ article',
  tag: 'content',
  access: editors,
  body: faqArticleInputSchema,
  responses: { 201: { description: 'Added', schema: faqOneSchema } },
  problems: writeProblems,
});

export const updateFaq = defineRoute({
  id: 'updateFaq',
  method: 'put',
  path: '/api/v1/faq/{id}',
  summary: 'Change a FAQ article',
  tag: 'content',
  access: editors,
  params: uuidParams,
  body: faqArticleInputSchema,
  responses: { 200: { description: 'Changed', schema: faqOneSchema } },
  problems: writeProblemsOn('article'),
});

export const deleteFaq = defineRoute({
  id: 'deleteFaq',
  method: 'delete',
  path: '/api/v1/faq/{id}',
  summary: 'Delete a FAQ article',
  tag: 'content',
  access: editors,
  params: uuidParams,
  responses: { 204: { description: 'Deleted', schema: null } },
  problems: writeProblemsOn('article'),
});

export const categoryListSchema = z.object({ categories: z.array(problemCategorySchema) });
const categoryParams = z.object({ id: z.string().min(1).max(100) });

export const listCategories = defineRoute({
  id: 'listCategories',
  method: 'get',
  path: '/api/v1/categories',
  summary: 'Problem categories with their portal forms',
  tag: 'content',
  access: 'signedIn',
  responses: { 200: { description: 'In order', schema: categoryListSchema } },
  problems: { 401: 'Not signed in' },
});

export const getCategory = defineRoute({
  id: 'getCategory',
  method: 'get',
  path: '/api/v1/categories/{id}',
  summary: 'One problem category',
  tag: 'content',
  access: 'signedIn',
  params: categoryParams,
  responses: { 200: { description: 'The category', schema: problemCategorySchema } },
  problems: { 400: 'Bad id', 401: 'Not signed in', 404: 'No such category' },
});

export const putCategory = defineRoute({
  id: 'putCategory',
  method: 'put',
  path: '/api/v1/categories/{id}',
  summary: 'Add or change a problem category and its portal form',
  tag: 'content',
  access: editors,
  params: categoryParams,
  body: problemCategorySchema,
  responses: { 200: { description: 'Stored', schema: problemCategorySchema } },
  problems: {
    400: 'Bad input, or an id that differs from the path',
    401: 'Not signed in',
    403: 'Team leaders and admins only',
  },
});

export const contentRoutes = [
  listNotices,
  createNotice,
  updateNotice,
  deleteNotice,
  listFaq,
  createFaq,
  updateFaq,
  deleteFaq,
  listCategories,
  getCategory,
  putCategory,
] as const;

/**
 * The server API as the portal uses it. Responses are parsed with the core schemas on arrival;
 * errors become `ApiError` with the problem document's detail and rule.
 */
import { z } from 'zod';
import { type CaseChangeInput, caseEventSchema, caseRecordSchema } from '../../core/case';
import {
  type ProblemCategory,
  problemCategorySchema,
  type ServiceConfig,
  serviceConfigSchema,
} from '../../core/config';
import { type FaqArticle, faqArticleSchema, type Notice, noticeSchema } from '../../core/content';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly rule?: string,
  ) {
    super(detail);
  }
}

// Notices and FAQ articles are parsed with core's schemas, the ones the server writes with.
export type { FaqArticle, Notice } from '../../core/content';

export const attachmentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  uploadedAt: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

const caseListSchema = z.object({ cases: z.array(caseRecordSchema), total: z.number() });
const caseWithEventsSchema = z.object({
  case: caseRecordSchema,
  events: z.array(caseEventSchema),
});
const createdSchema = z.object({ case: caseRecordSchema });

export interface PortalApi {
  listCases(): Promise<z.infer<typeof caseListSchema>>;
  getCase(id: string): Promise<z.infer<typeof caseWithEventsSchema>>;
  createCase(body: unknown): Promise<z.infer<typeof createdSchema>>;
  changeCase(id: string, change: CaseChangeInput): Promise<void>;
  notices(): Promise<Notice[]>;
  faq(query: string): Promise<FaqArticle[]>;
  /** The service's configuration, or null when this server does not publish it. */
  config(): Promise<ServiceConfig | null>;
  /** The problem categories with their forms, as team leaders have set them; null if absent. */
  categories(): Promise<ProblemCategory[] | null>;
  /** Null when this server has no attachments endpoint. */
  attachments(caseId: string): Promise<Attachment[] | null>;
  upload(caseId: string, file: File): Promise<void>;
  /** The file of an attachment on one of the user's own cases (the server checks access). */
  download(attachmentId: string): Promise<Blob>;
}

const parseOrNull = (text: string): unknown => {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
};

export function createPortalApi(
  token: string,
  onUnauthorized: () => void,
  serverUrl = '',
): PortalApi {
  const send = async (path: string, init: RequestInit = {}): Promise<Response> => {
    const response = await fetch(`${serverUrl}/api/v1${path}`, {
      ...init,
      headers: { accept: 'application/json', authorization: `Bearer ${token}`, ...init.headers },
    });
    if (response.status === 401) onUnauthorized();
    if (!response.ok) {
      const text = await response.text();
      const problem = z
        .object({ detail: z.string().optional(), rule: z.string().optional() })
        .safeParse(parseOrNull(text));
      throw new ApiError(
        response.status,
        (problem.success && problem.data.detail) || response.statusText,
        problem.success ? problem.data.rule : undefined,
      );
    }
    return response;
  };
  const request = async (path: string, init: RequestInit = {}): Promise<unknown> => {
    const text = await (await send(path, init)).text();
    return text ? (JSON.parse(text) as unknown) : null;
  };
  const json = (method: string, body: unknown): RequestInit => ({
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const orNull = async <T>(work: Promise<T>): Promise<T | null> => {
    try {
      return await work;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 405)) return null;
      throw error;
    }
  };

  return {
    listCases: async () => caseListSchema.parse(await request('/cases?limit=200')),
    getCase: async (id) =>
      caseWithEventsSchema.parse(await request(`/cases/${encodeURIComponent(id)}`)),
    createCase: async (body) => createdSchema.parse(await request('/cases', json('POST', body))),
    changeCase: async (id, change) => {
      await request(`/cases/${encodeURIComponent(id)}/changes`, json('POST', { change }));
    },
    notices: async () =>
      z.object({ notices: z.array(noticeSchema) }).parse(await request('/notices')).notices,
    faq: async (query) => {
      const q = query.trim() ? `?q=${encodeURIComponent(query.trim())}` : '';
      return z.object({ articles: z.array(faqArticleSchema) }).parse(await request(`/faq${q}`))
        .articles;
    },
    config: async () => {
      const raw = await orNull(request('/config'));
      const parsed = serviceConfigSchema.safeParse(raw);
      return parsed.success ? parsed.data : null;
    },
    categories: async () => {
      const raw = await orNull(request('/categories'));
      const parsed = z.object({ categories: z.array(problemCategorySchema) }).safeParse(raw);
      return parsed.success ? parsed.data.categories : null;
    },
    attachments: async (caseId) => {
      const raw = await orNull(request(`/cases/${encodeURIComponent(caseId)}/attachments`));
      if (raw === null) return null;
      return z.object({ attachments: z.array(attachmentSchema) }).parse(raw).attachments;
    },
    upload: async (caseId, file) => {
      const name = encodeURIComponent(file.name);
      await request(`/cases/${encodeURIComponent(caseId)}/attachments?fileName=${name}`, {
        method: 'POST',
        headers: { 'content-type': file.type },
        body: file,
      });
    },
    download: async (attachmentId) =>
      (
        await send(`/attachments/${encodeURIComponent(attachmentId)}`, {
          headers: { accept: '*/*' },
        })
      ).blob(),
  };
}

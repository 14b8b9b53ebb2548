/**
 * The server API as the portal uses it, through the one web client (src/web/api) and the
 * routes of core's contract: requests are built and answers parsed from the same schemas the
 * server registers, and every failure is an `ApiError` (see `failureText` for its words).
 */

import {
  type Attachment,
  type CaseList,
  changeCase,
  createCase,
  type createCaseRequestSchema,
  downloadAttachment,
  getCase,
  getConfig,
  listAttachments,
  listCases,
  listCategories,
  listFaq,
  listNotices,
  type ResponseBody,
  uploadAttachment,
} from '@core/api';
import type { CaseChangeInput } from '@core/case';
import type { ProblemCategory, ServiceConfig } from '@core/config';
import type { FaqArticle, Notice } from '@core/content';
import { type ApiClient, ApiError, createApiClient } from '@web/api';
import type { z } from 'zod';

export type { Attachment, FaqArticle, Notice };

export type CreateCaseBody = z.input<typeof createCaseRequestSchema>;

export interface PortalApi {
  listCases(): Promise<CaseList>;
  getCase(id: string): Promise<ResponseBody<typeof getCase, 200>>;
  createCase(body: CreateCaseBody): Promise<ResponseBody<typeof createCase, 201>>;
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

/** Null where this server does not have the route (an older server). */
async function orNull<T>(work: Promise<T>): Promise<T | null> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 405)) return null;
    throw error;
  }
}

/** The portal's API over a client (one per session: its token, its sign-out on 401). */
export function portalApiOver(client: ApiClient): PortalApi {
  return {
    listCases: () => client.call(listCases, { query: { limit: 200 } }),
    getCase: (id) => client.call(getCase, { params: { id } }),
    createCase: (body) => client.call(createCase, { body }),
    changeCase: async (id, change) => {
      // Without a base version the change applies to the current case: no conflicts.
      await client.call(changeCase, { params: { id }, body: { change } });
    },
    notices: async () => (await client.call(listNotices, {})).notices,
    faq: async (query) =>
      (await client.call(listFaq, { query: query.trim() ? { q: query.trim() } : {} })).articles,
    config: () => orNull(client.call(getConfig, {})),
    categories: async () => (await orNull(client.call(listCategories, {})))?.categories ?? null,
    attachments: async (caseId) =>
      (await orNull(client.call(listAttachments, { params: { id: caseId } })))?.attachments ?? null,
    upload: async (caseId, file) => {
      await client.call(uploadAttachment, {
        params: { id: caseId },
        query: { fileName: file.name },
        body: file,
      });
    },
    download: async (attachmentId) => {
      const response = await client.raw(
        downloadAttachment,
        { params: { id: attachmentId }, headers: { accept: '*/*' } },
        { timeoutMs: null },
      );
      return response.blob();
    },
  };
}

export function createPortalApi(
  token: string,
  onUnauthorized: () => void,
  serverUrl = '',
): PortalApi {
  return portalApiOver(
    createApiClient({
      baseUrl: serverUrl,
      getToken: () => token,
      onUnauthorized,
    }),
  );
}

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
  eventStream,
  getCase,
  getCaseOnCallStatus,
  getConfig,
  getStatement,
  type KnownFault,
  listAttachments,
  listCases,
  listCategories,
  listFaq,
  listKnownFaults,
  listNotices,
  type ResponseBody,
  uploadAttachment,
} from '@core/api';
import type { CaseChangeInput } from '@core/case';
import type { ProblemCategory, ServiceConfig } from '@core/config';
import type { FaqArticle, Notice, Statement, StatementKind } from '@core/content';
import { type ApiClient, ApiError, createApiClient } from '@web/api';
import type { z } from 'zod';

export type { Attachment, FaqArticle, Notice };

export type CreateCaseBody = z.input<typeof createCaseRequestSchema>;

export interface PortalApi {
  listCases(): Promise<CaseList>;
  getCase(id: string): Promise<ResponseBody<typeof getCase, 200>>;
  /** Whether on-call was paged for a critical case, and when it was acknowledged. */
  onCallStatus?(id: string): Promise<ResponseBody<typeof getCaseOnCallStatus, 200>>;
  createCase(body: CreateCaseBody): Promise<ResponseBody<typeof createCase, 201>>;
  /** Open major incidents of a category and municipality (absent on older servers: none). */
  knownFaults?(categoryId: string, municipalityId: string): Promise<KnownFault[]>;
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
  /**
   * Calls `onChange` whenever the server says its settings changed (categories, notices,
   * FAQ, municipalities), over the live event stream; reconnects until stopped.
   */
  watchSettings(onChange: (key: string) => void): () => void;
}

/** A statement of the portal (public: read before sign-in too). */
export function fetchStatement(kind: StatementKind, serverUrl = ''): Promise<Statement> {
  return createApiClient({ baseUrl: serverUrl, getToken: () => null }).call(getStatement, {
    params: { kind },
  });
}

/** Reads `settingsChanged` events from an SSE body (the stream's other events are not ours). */
async function readSettingsEvents(
  body: ReadableStream<Uint8Array>,
  onChange: (key: string) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    const blocks = buffer.split(/\r?\n\r?\n/);
    buffer = blocks.pop() ?? '';
    for (const block of blocks) {
      const data = block
        .split(/\r?\n/)
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trim())
        .join('\n');
      if (!data.includes('settingsChanged')) continue;
      try {
        const event = JSON.parse(data) as { type?: string; key?: string };
        if (event.type === 'settingsChanged') onChange(event.key ?? '');
      } catch {
        // Not JSON: not an event of ours.
      }
    }
  }
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
    onCallStatus: (id) => client.call(getCaseOnCallStatus, { params: { id } }),
    createCase: (body) => client.call(createCase, { body }),
    knownFaults: async (category, municipality) =>
      (await orNull(client.call(listKnownFaults, { query: { category, municipality } })))?.faults ??
      [],
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
    watchSettings: (onChange) => {
      let stopped = false;
      let controller: AbortController | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let delay = 2_000;
      const connect = async () => {
        controller = new AbortController();
        try {
          const response = await client.raw(
            eventStream,
            { headers: { accept: 'text/event-stream' } },
            { signal: controller.signal, timeoutMs: null },
          );
          if (response.body) {
            delay = 2_000;
            await readSettingsEvents(response.body, onChange);
          }
        } catch {
          // Dropped or refused: try again below.
        }
        if (stopped) return;
        timer = setTimeout(() => void connect(), delay);
        delay = Math.min(delay * 2, 60_000);
      };
      void connect();
      return () => {
        stopped = true;
        if (timer) clearTimeout(timer);
        controller?.abort();
      };
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

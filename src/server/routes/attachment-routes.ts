/**
 * Attachments on cases: the raw file is the request body (`Content-Type` is its type,
 * `?fileName=` its name), checked against the configured size and type limits, stored under
 * `<data dir>/attachments/<case id>/<attachment id>` and recorded with who uploaded it when.
 * Anyone who may read the case may list and download its attachments; adding one is a case
 * change (`attachmentAdded`) decided by the core rules like any other (staff, and a requester
 * on their own case), so every upload is in the case's history, the audit log.
 *
 * Order of effects on upload: the file is written (and flushed) first; then one write
 * transaction, through the one write path (`applyMutation`), checks the rules and inserts the
 * attachment row together with the event. A crash between the two leaves only an orphan file
 * that no row points at (harmless, never served); a refused or failed transaction removes the
 * file again. A row therefore never points at a missing file, and never exists without its
 * event.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { downloadAttachment, listAttachments, uploadAttachment } from '@core/api';
import { loadCase } from '../cases/case-queries';
import { mayReadCase } from '../cases/case-rules';
import { uploaderFor } from '../cases/case-view';
import { applyMutation } from '../cases/mutation-service';
import type { AttachmentsTable } from '../db/schema';
import type { AppEnv, AppRouter } from '../http/app-env';
import { mountRoute } from '../http/contract-route';
import { badRequest, HttpProblem, notFound } from '../http/problem';
import { rejectionProblem } from '../http/rejection-problem';
import type { ServerContext } from '../server-context';

const attachmentOf = (row: AttachmentsTable) => ({
  id: row.id,
  caseId: row.case_id,
  fileName: row.file_name,
  contentType: row.content_type,
  size: Number(row.size),
  sha256: row.sha256,
  uploadedBy: row.uploaded_by,
  uploadedAt: row.uploaded_at,
});

/** Paths whose bodies are files, with the configured limit instead of the JSON limit. */
export const attachmentUploadPath = /^\/api\/v1\/cases\/[^/]+\/attachments$/;

export function mountAttachmentRoutes(app: AppRouter, ctx: ServerContext): void {
  const dir = (caseId: string) => join(ctx.options.dataDir, 'attachments', caseId);

  const readableCase = async (id: string, actor: AppEnv['Variables']['actor']) => {
    const record = await loadCase(ctx, id);
    if (!record || !mayReadCase(ctx, actor, record)) throw notFound('no such case');
    return record;
  };

  mountRoute(app, ctx, listAttachments, async ({ c, params, reply }) => {
    const record = await readableCase(params.id, c.get('actor'));
    const rows = await ctx.db
      .selectFrom('attachments')
      .selectAll()
      .where('case_id', '=', record.id)
      .orderBy('uploaded_at')
      .execute();
    const actor = c.get('actor');
    const seen = rows.map(attachmentOf).map((a) => ({
      ...a,
      uploadedBy: uploaderFor(actor, a.uploadedBy),
    }));
    return reply(200, { attachments: seen });
  });

  mountRoute(app, ctx, uploadAttachment, async ({ c, params, query, body, reply }) => {
    const record = await readableCase(params.id, c.get('actor'));
    const { fileName } = query;
    const limits = ctx.config.attachments;
    const contentType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!limits.allowedMimeTypes.includes(contentType)) {
      throw new HttpProblem(
        415,
        'Unsupported media type',
        `files of type "${contentType || 'unknown'}" are not accepted`,
        {
          errors: [
            {
              path: 'header.content-type',
              message: `must be one of ${limits.allowedMimeTypes.join(', ')}`,
            },
          ],
        },
      );
    }
    const data = Buffer.from(body);
    if (data.length === 0)
      throw badRequest('the file is empty', [{ path: 'body', message: 'must not be empty' }]);
    const actor = c.get('actor');
    const uploadedAt = ctx.now().toISOString();
    const row: AttachmentsTable = {
      id: randomUUID(),
      case_id: record.id,
      file_name: fileName,
      content_type: contentType,
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      uploaded_by: actor.id,
      uploaded_at: uploadedAt,
    };
    const path = join(dir(record.id), row.id);
    await mkdir(dir(record.id), { recursive: true });
    // The file first, then its row and event together: a row never points at a missing file.
    await writeFile(path, data, { flush: true });
    const removeFile = () => rm(path, { force: true }).catch(() => {});
    const mutation = {
      mutationId: randomUUID(),
      caseId: record.id,
      baseVersion: record.version,
      clientAt: uploadedAt,
      change: {
        type: 'attachmentAdded' as const,
        attachmentId: row.id,
        fileName,
        contentType,
        sizeBytes: data.length,
      },
    };
    const outcome = await applyMutation(ctx, actor, c.get('session').deviceId, mutation, {
      attachment: row,
    }).catch(async (error: unknown) => {
      await removeFile();
      throw error;
    });
    if (outcome.result.status !== 'applied') {
      await removeFile();
      throw rejectionProblem(outcome.result);
    }
    return reply(201, { ...attachmentOf(row), seq: outcome.result.seq! });
  });

  mountRoute(app, ctx, downloadAttachment, async ({ c, params }) => {
    const id = params.id;
    const row = await ctx.db
      .selectFrom('attachments')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('no such attachment');
    await readableCase(row.case_id, c.get('actor'));
    const data = await readFile(join(dir(row.case_id), row.id));
    return c.body(new Uint8Array(data), 200, {
      'content-type': row.content_type,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(row.file_name)}`,
      'x-content-type-options': 'nosniff',
    });
  });
}

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
import { Hono } from 'hono';
import { z } from 'zod';
import { idSchema } from '../../core/case';
import { requireUser } from '../auth/require-user';
import { loadCase } from '../cases/case-queries';
import { mayReadCase } from '../cases/case-rules';
import { applyMutation } from '../cases/mutation-service';
import type { AttachmentsTable } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import { badRequest, HttpProblem, notFound, parseInput, parseQuery } from '../http/problem';
import type { ServerContext } from '../server-context';
import { rejectionProblem } from './case-routes';

const uploadQuerySchema = z.object({
  fileName: z
    .string()
    .trim()
    .min(1, 'fileName is required')
    .max(255)
    .refine((name) => !/[/\\\0]/.test(name), 'fileName must not contain path separators'),
});

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

export function attachmentRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Per route, not `use('*')`: this app is mounted at /api/v1 itself.
  const signedIn = requireUser(ctx);
  const dir = (caseId: string) => join(ctx.options.dataDir, 'attachments', caseId);

  const readableCase = async (id: string, actor: AppEnv['Variables']['actor']) => {
    const record = await loadCase(ctx, parseInput(idSchema, id, 'path'));
    if (!record || !mayReadCase(ctx, actor, record)) throw notFound('no such case');
    return record;
  };

  app.get('/cases/:id/attachments', signedIn, async (c) => {
    const record = await readableCase(c.req.param('id'), c.get('actor'));
    const rows = await ctx.db
      .selectFrom('attachments')
      .selectAll()
      .where('case_id', '=', record.id)
      .orderBy('uploaded_at')
      .execute();
    return c.json({ attachments: rows.map(attachmentOf) });
  });

  app.post('/cases/:id/attachments', signedIn, async (c) => {
    const record = await readableCase(c.req.param('id'), c.get('actor'));
    const { fileName } = parseQuery(c, uploadQuerySchema);
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
    const data = Buffer.from(await c.req.arrayBuffer());
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
    return c.json({ ...attachmentOf(row), seq: outcome.result.seq }, 201);
  });

  app.get('/attachments/:id', signedIn, async (c) => {
    const id = parseInput(idSchema, c.req.param('id'), 'path');
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
  return app;
}

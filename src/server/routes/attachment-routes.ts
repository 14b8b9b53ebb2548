/**
 * Attachments on cases: the raw file is the request body (`Content-Type` is its type,
 * `?fileName=` its name), checked against the configured size and type limits, stored under
 * `<data dir>/attachments/<case id>/<attachment id>` and recorded with who uploaded it when.
 * Anyone who may read the case may list, download and add attachments.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono } from 'hono';
import { z } from 'zod';
import { idSchema } from '../../core/case';
import { requireUser } from '../auth/require-user';
import { loadCase } from '../cases/case-queries';
import { mayReadCase } from '../cases/case-rules';
import type { AttachmentsTable } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import { badRequest, HttpProblem, notFound, parseInput, parseQuery } from '../http/problem';
import type { ServerContext } from '../server-context';

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
    const row: AttachmentsTable = {
      id: randomUUID(),
      case_id: record.id,
      file_name: fileName,
      content_type: contentType,
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      uploaded_by: c.get('actor').id,
      uploaded_at: ctx.now().toISOString(),
    };
    await mkdir(dir(record.id), { recursive: true });
    // The file first, then its row: a row never points at a missing file.
    await writeFile(join(dir(record.id), row.id), data, { flush: true });
    await ctx.db.insertInto('attachments').values(row).execute();
    return c.json(attachmentOf(row), 201);
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

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
import { mkdir, readFile, rename, rm, statfs, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { downloadAttachment, listAttachments, uploadAttachment } from '@core/api';
import { checkAttachmentFile, cleanFileName } from '@core/rules';
import { loadCase } from '../cases/case-queries';
import { mayReadCase } from '../cases/case-rules';
import { uploaderFor } from '../cases/case-view';
import { applyMutation } from '../cases/mutation-service';
import type { AttachmentsTable } from '../db/schema';
import type { AppEnv, AppRouter } from '../http/app-env';
import { mountRoute } from '../http/contract-route';
import { badRequest, HttpProblem, notFound } from '../http/problem';
import { rejectionProblem } from '../http/rejection-problem';
import { takeWrites } from '../http/write-rate-limit';
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

/** Each user's uploads may take this much room in all, unless configured otherwise. */
export const defaultUploadQuotaBytes = 500 * 1024 * 1024;
/** Uploads are refused (and /readyz says so) when less than this is free where files go. */
export const defaultMinFreeBytes = 64 * 1024 * 1024;

/** Free bytes where attachments are stored, or null where the platform cannot say. */
export async function freeBytes(dir: string): Promise<number | null> {
  try {
    const stats = await statfs(dir);
    return Number(stats.bavail) * Number(stats.bsize);
  } catch {
    return null;
  }
}

/**
 * Room for `size` more bytes from this user: their quota (all their uploads together), and
 * the disk's free space beyond the reserve (a full disk fails every write, the database's too).
 */
async function checkUploadRoom(ctx: ServerContext, userId: string, size: number): Promise<void> {
  const quota = ctx.options.uploadQuotaBytes ?? defaultUploadQuotaBytes;
  const used = await ctx.db
    .selectFrom('attachments')
    .select((eb) => eb.fn.sum<number | string | bigint | null>('size').as('total'))
    .where('uploaded_by', '=', userId)
    .executeTakeFirst();
  const total = Number(used?.total ?? 0);
  if (total + size > quota) {
    throw new HttpProblem(
      413,
      'Content too large',
      `your files take ${total} of the ${quota} bytes each user may store`,
    );
  }
  const free = await freeBytes(ctx.options.dataDir);
  const reserve = ctx.options.minFreeBytes ?? defaultMinFreeBytes;
  if (free !== null && free - size < reserve) {
    throw new HttpProblem(507, 'Insufficient storage', 'the server has no room for the file now');
  }
}

/** What a failed file write becomes: the cause in the log, a 507 for a full disk. */
function storageProblem(ctx: ServerContext, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    `attachment write under ${ctx.options.dataDir} failed: ${code ?? ''} ${(error as Error).message}`,
  );
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new HttpProblem(507, 'Insufficient storage', 'the server has no room for the file now');
  }
  return error as Error;
}

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
    // The name, the type and the first bytes must agree; control characters leave the name.
    const verdict = checkAttachmentFile(query.fileName, contentType, data.subarray(0, 4096));
    if (!verdict.ok) {
      const detail = {
        name: 'the file name is not usable',
        extension: `a file named "${verdict.fileName}" is not of type ${contentType}`,
        content: `the file's content is not of type ${contentType}`,
      }[verdict.problem];
      throw new HttpProblem(415, 'Unsupported media type', detail, {
        errors: [
          { path: verdict.problem === 'content' ? 'body' : 'query.fileName', message: detail },
        ],
      });
    }
    const fileName = verdict.fileName;
    const actor = c.get('actor');
    takeWrites(ctx, actor.id, 1);
    await checkUploadRoom(ctx, actor.id, data.length);
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
    // The file first, then its row and event together: a row never points at a missing file.
    // Written under a temporary name and renamed, so a failed write (a full disk) leaves no
    // partial file under the real name, and the part written is removed.
    const part = `${path}.part`;
    try {
      await mkdir(dir(record.id), { recursive: true, mode: 0o700 });
      await writeFile(part, data, { flush: true, mode: 0o600 });
      await rename(part, path);
    } catch (error) {
      await rm(part, { force: true }).catch(() => {});
      throw storageProblem(ctx, error);
    }
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
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(cleanFileName(row.file_name))}`,
      'x-content-type-options': 'nosniff',
    });
  });
}

/**
 * The portal's statements: the accessibility statement and the privacy statement. Anyone may
 * read them (the portal links them before sign-in too); team leaders and admins write them.
 */
import { getStatement, putStatement } from '@core/api';
import {
  type Statement,
  type StatementInput,
  type StatementKind,
  statementInputSchema,
} from '@core/content';
import type { StatementsTable } from '../db/schema';
import type { AppRouter } from '../http/app-env';
import { mountRoute } from '../http/contract-route';
import type { ServerContext } from '../server-context';
import { adminChange, auditActorOf } from './admin-change';

function toStatement(kind: StatementKind, row: StatementsTable | undefined): Statement {
  if (!row) return { kind, title: '', body: '', translations: {}, updatedAt: null };
  const input = statementInputSchema.parse(JSON.parse(row.definition));
  return { kind, ...input, updatedAt: row.updated_at };
}

export function mountStatementRoutes(app: AppRouter, ctx: ServerContext): void {
  mountRoute(app, ctx, getStatement, async ({ params, reply }) => {
    const row = await ctx.db
      .selectFrom('statements')
      .selectAll()
      .where('kind', '=', params.kind)
      .executeTakeFirst();
    return reply(200, toStatement(params.kind, row));
  });

  mountRoute(app, ctx, putStatement, async ({ c, params, body, reply }) => {
    const statement = await adminChange(ctx, auditActorOf(c), async (trx) => {
      const before = await trx
        .selectFrom('statements')
        .selectAll()
        .where('kind', '=', params.kind)
        .executeTakeFirst();
      const row: StatementsTable = {
        kind: params.kind,
        definition: JSON.stringify(body satisfies StatementInput),
        updated_by: c.get('actor').id,
        updated_at: ctx.now().toISOString(),
      };
      if (before) {
        const { kind: _, ...changes } = row;
        await trx.updateTable('statements').set(changes).where('kind', '=', params.kind).execute();
      } else {
        await trx.insertInto('statements').values(row).execute();
      }
      return {
        result: toStatement(params.kind, row),
        audit: {
          action: 'statement.update',
          targetType: 'statement',
          targetId: params.kind,
          summary: `wrote the ${params.kind} statement "${body.title}"`,
          details: before
            ? { before: JSON.parse(before.definition), after: body }
            : { after: body },
        },
        announce: null,
      };
    });
    return reply(200, statement);
  });
}

/**
 * Problem categories with their portal forms: readable by everyone signed in, written by team
 * leaders and admins (the app's form builder). The configuration's categories, overridden or
 * extended by those saved in the app; retired ones stay listed (marked) so old cases keep
 * their names and forms. A change is audited and every client is told at once.
 */
import { getCategory, listCategories, putCategory } from '@core/api';
import type { ProblemCategory } from '@core/config';
import { adminChange, auditActorOf } from '../admin/admin-change';
import { currentCategories, storeCategory } from '../content/category-store';
import type { AppRouter } from '../http/app-env';
import { mountRoute } from '../http/contract-route';
import { badRequest, notFound } from '../http/problem';
import type { ServerContext } from '../server-context';

export const categoriesKey = 'categories';

/** What changed, for the audit entry's summary. */
function categoryChanges(before: ProblemCategory | undefined, after: ProblemCategory): string {
  if (!before) return `added category "${after.name.nn}" with ${after.fields.length} field(s)`;
  const out: string[] = [];
  if (!before.retired && after.retired) out.push('retired');
  if (before.retired && !after.retired) out.push('taken back into use');
  if (JSON.stringify(before.name) !== JSON.stringify(after.name)) out.push('renamed');
  if (JSON.stringify(before.description) !== JSON.stringify(after.description)) {
    out.push('description changed');
  }
  if (JSON.stringify(before.fields) !== JSON.stringify(after.fields)) {
    out.push(`form changed (${before.fields.length} → ${after.fields.length} fields)`);
  }
  return `${after.name.nn}: ${out.length ? out.join(', ') : 'saved unchanged'}`;
}

export function mountCategoryRoutes(app: AppRouter, ctx: ServerContext): void {
  mountRoute(app, ctx, listCategories, async ({ reply }) =>
    reply(200, { categories: await currentCategories(ctx) }),
  );

  mountRoute(app, ctx, getCategory, async ({ params, reply }) => {
    const category = (await currentCategories(ctx)).find((x) => x.id === params.id);
    if (!category) throw notFound('no such category');
    return reply(200, category);
  });

  mountRoute(app, ctx, putCategory, async ({ c, params, body, reply }) => {
    if (body.id !== params.id) {
      throw badRequest('the id in the body differs from the path', [
        { path: 'body.id', message: 'id must match the path' },
      ]);
    }
    await adminChange(ctx, auditActorOf(c), async (trx) => {
      const before = (await currentCategories(ctx, trx)).find((x) => x.id === body.id);
      await storeCategory(trx, body, c.get('actor').id, ctx.now());
      return {
        result: body,
        audit: {
          action: !before
            ? 'category.create'
            : body.retired && !before.retired
              ? 'category.retire'
              : 'category.update',
          targetType: 'category',
          targetId: body.id,
          summary: categoryChanges(before, body),
          details: before ? { before, after: body } : { after: body },
        },
        announce: categoriesKey,
      };
    });
    return reply(200, body);
  });
}

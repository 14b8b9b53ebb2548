/**
 * The HTTP application: `/api/v1` JSON routes, health and metrics, and the built web
 * renderer at `/`. Every error leaves as a problem document; nothing unexpected (a thrown
 * error, a bad body) takes the process down or shows a stack trace to a client.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiDocs, openApiJson } from '@core/api';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { mountAuditRoutes } from './admin/audit-routes';
import { mountMunicipalityRoutes } from './admin/municipality-routes';
import { mountStatementRoutes } from './admin/statement-routes';
import { mountTemplateRoutes } from './admin/template-routes';
import type { AppEnv } from './http/app-env';
import { mountRoute } from './http/contract-route';
import { mountPortal } from './http/portal-static';
import { HttpProblem, problemResponse } from './http/problem';
import { securityHeaders } from './http/security-headers';
import { isStorageFull, noteStorageFull } from './http/storage-full';
import { mountMailLinkPages } from './notifications/link-pages';
import { mountNotificationRoutes } from './notifications/notification-routes';
import { openApiDocument, openApiHtml } from './openapi/openapi-document';
import { mountPagingRoutes } from './paging/paging-routes';
import { attachmentUploadPath, mountAttachmentRoutes } from './routes/attachment-routes';
import { mountAuthRoutes } from './routes/auth-routes';
import { mountCaseRoutes } from './routes/case-routes';
import { mountCategoryRoutes } from './routes/category-routes';
import { mountConfigRoutes } from './routes/config-routes';
import { mountEventRoutes } from './routes/event-routes';
import { mountFaqRoutes } from './routes/faq-routes';
import { mountHealthRoutes } from './routes/health-routes';
import { mountNoticeRoutes } from './routes/notice-routes';
import { mountOidcRoutes } from './routes/oidc-routes';
import { mountServiceStatusRoutes } from './routes/service-status-routes';
import { mountSyncRoutes } from './routes/sync-routes';
import { mountUserRoutes } from './routes/user-routes';
import { mountScimRoutes } from './scim/scim-routes';
import { mountSearchRoutes } from './search/search-routes';
import type { ServerContext } from './server-context';
import { mountSettingsRoutes } from './settings/settings-routes';
import { mountUserAdminRoutes } from './users/user-admin-routes';

export function createApp(
  ctx: ServerContext,
  options: { isShuttingDown?: () => boolean } = {},
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use('*', securityHeaders({ https: ctx.options.https ?? false }));
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    const route = c.req.routePath && c.req.routePath !== '/*' ? c.req.routePath : 'unmatched';
    ctx.metrics.recordRequest(
      c.req.method,
      route,
      c.res.status,
      (performance.now() - started) / 1000,
    );
  });

  // The desktop app's renderer runs on saksbord://app and calls the API cross-origin; tokens
  // travel in the Authorization header (no cookies), so no credentials mode is needed.
  const allowed = new Set(ctx.options.corsOrigins);
  const corsMiddleware = cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    allowHeaders: ['authorization', 'content-type'],
    exposeHeaders: ['location', 'retry-after'],
    maxAge: 600,
  });
  app.use('/api/*', corsMiddleware);

  const jsonLimit = bodyLimit({
    maxSize: ctx.options.maxBodyBytes,
    onError: (c) =>
      problemResponse(
        c,
        413,
        'Content too large',
        `the body is larger than ${ctx.options.maxBodyBytes} bytes`,
      ),
  });
  const fileLimit = bodyLimit({
    maxSize: ctx.config.attachments.maxBytes,
    onError: (c) =>
      problemResponse(
        c,
        413,
        'Content too large',
        `files may be at most ${ctx.config.attachments.maxBytes} bytes`,
      ),
  });
  app.use('/api/*', (c, next) =>
    attachmentUploadPath.test(c.req.path) ? fileLimit(c, next) : jsonLimit(c, next),
  );

  // Every route is one of core's API contract (src/core/api), registered through it.
  mountHealthRoutes(app, ctx, options.isShuttingDown ?? (() => false));
  mountServiceStatusRoutes(app, ctx);
  mountAuthRoutes(app, ctx);
  mountOidcRoutes(app, ctx);
  mountCaseRoutes(app, ctx);
  mountSearchRoutes(app, ctx);
  mountAttachmentRoutes(app, ctx);
  mountSyncRoutes(app, ctx);
  mountEventRoutes(app, ctx);
  mountSettingsRoutes(app, ctx);
  mountNoticeRoutes(app, ctx);
  mountFaqRoutes(app, ctx);
  mountCategoryRoutes(app, ctx);
  mountUserRoutes(app, ctx);
  mountUserAdminRoutes(app, ctx);
  mountConfigRoutes(app, ctx);
  mountPagingRoutes(app, ctx);
  mountMunicipalityRoutes(app, ctx);
  mountTemplateRoutes(app, ctx);
  mountStatementRoutes(app, ctx);
  mountAuditRoutes(app, ctx);
  mountNotificationRoutes(app, ctx);
  // HTML pages behind the links in mail (see link-pages.ts).
  mountMailLinkPages(app, ctx);
  const openApi = openApiDocument();
  const docsPage = openApiHtml(openApi);
  mountRoute(app, ctx, openApiJson, ({ c }) => c.json(openApi));
  mountRoute(app, ctx, apiDocs, ({ c }) => c.html(docsPage));

  // SCIM provisioning: its own media type and error bodies, so outside the contract.
  mountScimRoutes(app, ctx);

  app.all('/api/*', (c) =>
    problemResponse(c, 404, 'Not found', `no route ${c.req.method} ${c.req.path}`),
  );

  mountPortal(app, ctx.options.staticDir);
  const staticDir = ctx.options.staticDir;
  if (staticDir && existsSync(join(staticDir, 'index.html'))) {
    const index = readFileSync(join(staticDir, 'index.html'), 'utf8');
    app.use('/*', serveStatic({ root: staticDir }));
    // Single-page app: unknown paths outside /api get the app, which routes on the client.
    app.get('/*', (c) => c.html(index));
  }

  app.notFound((c) =>
    problemResponse(c, 404, 'Not found', `no route ${c.req.method} ${c.req.path}`),
  );

  app.onError((error, c) => {
    if (error instanceof HttpProblem) {
      return problemResponse(c, error.status, error.title, error.detail, error.extra);
    }
    if (error instanceof HTTPException) {
      const status = error.status as ContentfulStatusCode;
      return problemResponse(
        c,
        status,
        error.message || 'Error',
        error.message || 'request failed',
      );
    }
    if (isStorageFull(error)) {
      noteStorageFull(ctx);
      console.error(`${c.req.method} ${c.req.path} failed: out of storage:`, error.message);
      return problemResponse(c, 507, 'Insufficient storage', 'the server has no room to save now');
    }
    console.error(`${c.req.method} ${c.req.path} failed:`, error);
    return problemResponse(c, 500, 'Internal server error', 'something went wrong on the server');
  });

  return app;
}

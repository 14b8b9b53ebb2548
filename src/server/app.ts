/**
 * The HTTP application: `/api/v1` JSON routes, health and metrics, and the built web
 * renderer at `/`. Every error leaves as a problem document; nothing unexpected (a thrown
 * error, a bad body) takes the process down or shows a stack trace to a client.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './http/app-env';
import { mountPortal } from './http/portal-static';
import { HttpProblem, problemResponse } from './http/problem';
import { openApiDocument, openApiHtml } from './openapi/openapi-document';
import { attachmentRoutes, attachmentUploadPath } from './routes/attachment-routes';
import { authRoutes } from './routes/auth-routes';
import { caseRoutes } from './routes/case-routes';
import { categoryRoutes } from './routes/category-routes';
import { configRoutes } from './routes/config-routes';
import { eventRoutes } from './routes/event-routes';
import { faqRoutes } from './routes/faq-routes';
import { healthRoutes } from './routes/health-routes';
import { noticeRoutes } from './routes/notice-routes';
import { serviceStatusRoutes } from './routes/service-status-routes';
import { syncRoutes } from './routes/sync-routes';
import { userRoutes } from './routes/user-routes';
import type { ServerContext } from './server-context';
import { settingsRoutes } from './settings/settings-routes';

export function createApp(
  ctx: ServerContext,
  options: { isShuttingDown?: () => boolean } = {},
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

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

  app.route('/', healthRoutes(ctx, options.isShuttingDown ?? (() => false)));
  app.route('/api/v1/service-status', serviceStatusRoutes(ctx));
  app.route('/api/v1/auth', authRoutes(ctx));
  app.route('/api/v1/cases', caseRoutes(ctx));
  app.route('/api/v1/sync', syncRoutes(ctx));
  app.route('/api/v1/events', eventRoutes(ctx));
  app.route('/api/v1/settings', settingsRoutes(ctx));
  app.route('/api/v1/notices', noticeRoutes(ctx));
  app.route('/api/v1/faq', faqRoutes(ctx));
  app.route('/api/v1/categories', categoryRoutes(ctx));
  app.route('/api/v1', attachmentRoutes(ctx));
  app.route('/api/v1/users', userRoutes(ctx));
  app.route('/api/v1/config', configRoutes(ctx));
  const openApi = openApiDocument();
  const docsPage = openApiHtml(openApi);
  app.get('/api/v1/openapi.json', (c) => c.json(openApi));
  app.get('/api/v1/docs', (c) => c.html(docsPage));

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
    console.error(`${c.req.method} ${c.req.path} failed:`, error);
    return problemResponse(c, 500, 'Internal server error', 'something went wrong on the server');
  });

  return app;
}

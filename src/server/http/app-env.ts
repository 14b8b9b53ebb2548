/** Hono's typed context for Saksbord routes. */
import type { HttpBindings } from '@hono/node-server';
import type { Hono } from 'hono';
import type { SessionUser } from '../auth/session-store';
import type { CaseActor } from '../cases/case-rules';

export interface AppEnv {
  /** The Node request and response (absent when the app is called in process by tests). */
  Bindings: Partial<HttpBindings>;
  Variables: {
    session: SessionUser;
    actor: CaseActor;
  };
}

export type AppRouter = Hono<AppEnv>;

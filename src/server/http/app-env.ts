/** Hono's typed context for Saksbord routes. */
import type { Hono } from 'hono';
import type { SessionUser } from '../auth/session-store';
import type { CaseActor } from '../cases/case-rules';

export interface AppEnv {
  Variables: {
    session: SessionUser;
    actor: CaseActor;
  };
}

export type AppRouter = Hono<AppEnv>;

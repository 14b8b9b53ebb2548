/**
 * The Users screen's routes (admins; team leaders for the agents of their line) and one's own
 * account (password change, two-step sign-in). Who may do what is core's rule
 * (`account/user-admin-rules.ts`); the password policy is core's too. Every change is written
 * with its audit entry in one transaction, and sessions it ends are announced after the
 * commit, so the account's live event streams close at once.
 */

import { assignableRoles, userChangeRefusal } from '@core/account/user-admin-rules';
import {
  changeOwnPassword,
  confirmTotpEnrolment,
  createLocalUser,
  endUserSessions,
  getAdminUser,
  listAdminUsers,
  resetUserPassword,
  setUserDisabled,
  startTotpEnrolment,
  updateAdminUser,
} from '@core/api';
import type { Context } from 'hono';
import type { Transaction } from 'kysely';
import { type AuditActor, recordAudit } from '../audit/audit-log';
import { assertPasswordAllowed, passwordRefusal } from '../auth/password-check';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { limiterKey, recordFailure } from '../auth/sign-in-limiter';
import { newTotpEnrolment, verifyTotp } from '../auth/totp';
import type { Database, UserRow } from '../db/schema';
import type { AppEnv, AppRouter } from '../http/app-env';
import { mountRoute } from '../http/contract-route';
import { HttpProblem, notFound } from '../http/problem';
import type { ServerContext } from '../server-context';
import { adminUserById, findAdminUsers, findUserRow, userHistory } from './user-admin-store';
import { announceSessionsEnded, deleteSessionsOf, type EndedSessions } from './user-sessions';
import { createUser, findUserByUsername, toStoredUser } from './user-store';

function auditActor(c: Context<AppEnv>): AuditActor {
  const session = c.get('session');
  let address: string | null = null;
  try {
    address = c.env?.incoming?.socket.remoteAddress ?? null;
  } catch {
    address = null;
  }
  return {
    id: session.user.id,
    name: session.user.displayName,
    deviceId: session.deviceId,
    address,
  };
}

const refused = (rule: string, detail: string) =>
  new HttpProblem(403, 'Forbidden', detail, { rule });

export function mountUserAdminRoutes(app: AppRouter, ctx: ServerContext): void {
  const inTransaction = <T>(run: (trx: Transaction<Database>) => Promise<T>) =>
    ctx.db.transaction().execute(run);

  const knownMunicipalities = async (): Promise<Set<string>> => {
    const rows = await ctx.db
      .selectFrom('municipalities')
      .select('id')
      .execute()
      .catch(() => []);
    return new Set([...ctx.config.municipalities.map((m) => m.id), ...rows.map((r) => r.id)]);
  };
  const assertMunicipalities = async (ids: readonly string[] | undefined) => {
    if (!ids || ids.length === 0) return;
    const known = await knownMunicipalities();
    const index = ids.findIndex((id) => !known.has(id));
    if (index !== -1) {
      throw new HttpProblem(422, 'Unprocessable content', `unknown municipality "${ids[index]}"`, {
        rule: 'case.unknownMunicipality',
        params: { municipality: ids[index]! },
        errors: [{ path: `body.municipalityIds.${index}`, message: 'unknown municipality' }],
      });
    }
  };

  /** The target account, if the caller administers it (404 for what they may not see). */
  const target = async (c: Context<AppEnv>, id: string): Promise<UserRow> => {
    const row = await findUserRow(ctx.db, id);
    const actor = c.get('actor');
    if (!row || userChangeRefusal(actor, toStoredUser(row), {}) === 'users.notYours') {
      throw notFound(`no account ${id}`);
    }
    return row;
  };

  const answerUser = async (id: string) => {
    const user = await adminUserById(ctx.db, id, ctx.now());
    if (!user) throw notFound(`no account ${id}`);
    return user;
  };

  const ended = async (sessions: EndedSessions | undefined) => {
    if (sessions) await announceSessionsEnded(ctx, sessions);
  };

  mountRoute(app, ctx, listAdminUsers, async ({ c, query, reply }) => {
    const actor = c.get('actor');
    const users = await findAdminUsers(
      ctx.db,
      {
        ...query,
        ...(actor.role === 'admin' ? {} : { onlyRoles: ['agent'] as const }),
      },
      ctx.now(),
    );
    return reply(200, { users });
  });

  mountRoute(app, ctx, getAdminUser, async ({ c, params, reply }) => {
    await target(c, params.id);
    return reply(200, {
      user: await answerUser(params.id),
      history: await userHistory(ctx.db, params.id),
    });
  });

  mountRoute(app, ctx, createLocalUser, async ({ c, body, reply }) => {
    const actor = c.get('actor');
    if (!assignableRoles(actor).includes(body.role)) {
      throw refused('users.roleNotAllowed', `you may not give the role ${body.role}`);
    }
    if (await findUserByUsername(ctx.db, body.username)) {
      throw new HttpProblem(409, 'Conflict', `the username ${body.username} is taken`, {
        rule: 'users.usernameTaken',
        errors: [{ path: 'body.username', message: 'is taken' }],
      });
    }
    await assertMunicipalities(body.municipalityIds);
    assertPasswordAllowed('password', body.password, ctx.config.passwordPolicy, body.username);
    const now = ctx.now();
    const who = auditActor(c);
    const created = await inTransaction(async (trx) => {
      const user = await createUser(
        trx,
        {
          username: body.username,
          displayName: body.displayName,
          role: body.role,
          municipalityIds: body.municipalityIds,
          email: body.email ?? null,
          password: body.password,
          source: 'local',
        },
        now,
      );
      await recordAudit(
        trx,
        {
          actor: who,
          action: 'user.create',
          targetType: 'user',
          targetId: user.id,
          summary: `Created local account ${user.username} (${user.role})`,
          details: {
            source: 'local',
            username: user.username,
            role: user.role,
            municipalityIds: user.municipalityIds,
          },
        },
        now,
      );
      return user;
    });
    return reply(201, { user: await answerUser(created.id) });
  });

  mountRoute(app, ctx, updateAdminUser, async ({ c, params, body, reply }) => {
    const row = await target(c, params.id);
    const before = toStoredUser(row);
    const rule = userChangeRefusal(c.get('actor'), before, body.role ? { role: body.role } : {});
    if (rule) throw refused(rule, `this change is not allowed (${rule})`);
    await assertMunicipalities(body.municipalityIds);
    const after = {
      displayName: body.displayName ?? before.displayName,
      email: body.email === undefined ? before.email : body.email,
      role: body.role ?? before.role,
      municipalityIds: body.municipalityIds ?? before.municipalityIds,
    };
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ['displayName', 'email', 'role', 'municipalityIds'] as const) {
      if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
        changed[key] = { from: before[key], to: after[key] };
      }
    }
    if (Object.keys(changed).length > 0) {
      const now = ctx.now();
      const who = auditActor(c);
      await inTransaction(async (trx) => {
        await trx
          .updateTable('users')
          .set({
            display_name: after.displayName,
            email: after.email,
            role: after.role,
            municipality_ids: JSON.stringify(after.municipalityIds),
            updated_at: now.toISOString(),
          })
          .where('id', '=', params.id)
          .execute();
        await recordAudit(
          trx,
          {
            actor: who,
            action: 'role' in changed ? 'user.role' : 'user.update',
            targetType: 'user',
            targetId: params.id,
            summary: `Changed ${Object.keys(changed).join(', ')} of ${before.username}`,
            details: { changed },
          },
          now,
        );
      });
    }
    return reply(200, { user: await answerUser(params.id) });
  });

  mountRoute(app, ctx, setUserDisabled, async ({ c, params, body, reply }) => {
    const row = await target(c, params.id);
    const before = toStoredUser(row);
    const rule = userChangeRefusal(c.get('actor'), before, { disabled: body.disabled });
    if (rule) throw refused(rule, `this change is not allowed (${rule})`);
    if (before.disabled !== body.disabled) {
      const now = ctx.now();
      const who = auditActor(c);
      const sessions = await inTransaction(async (trx) => {
        await trx
          .updateTable('users')
          .set({ disabled: body.disabled ? 1 : 0, updated_at: now.toISOString() })
          .where('id', '=', params.id)
          .execute();
        const gone = body.disabled ? await deleteSessionsOf(trx, params.id) : undefined;
        await recordAudit(
          trx,
          {
            actor: who,
            action: body.disabled ? 'user.disable' : 'user.enable',
            targetType: 'user',
            targetId: params.id,
            summary: `${body.disabled ? 'Disabled' : 'Enabled'} ${before.username}`,
            details: {},
          },
          now,
        );
        return gone;
      });
      await ended(sessions);
    }
    return reply(200, { user: await answerUser(params.id) });
  });

  mountRoute(app, ctx, resetUserPassword, async ({ c, params, body, reply }) => {
    const row = await target(c, params.id);
    const before = toStoredUser(row);
    const rule = userChangeRefusal(c.get('actor'), before, {});
    if (rule) throw refused(rule, `this change is not allowed (${rule})`);
    if (!before.hasPassword && before.source !== 'local') {
      throw new HttpProblem(409, 'Conflict', 'this account signs in through its provider', {
        rule: 'users.noLocalPassword',
      });
    }
    assertPasswordAllowed(
      'newPassword',
      body.newPassword,
      ctx.config.passwordPolicy,
      before.username,
    );
    const hash = await hashPassword(body.newPassword);
    const now = ctx.now();
    const who = auditActor(c);
    const removeTotp = body.removeTotp && before.totpEnabled;
    const sessions = await inTransaction(async (trx) => {
      await trx
        .updateTable('users')
        .set({
          password_hash: hash,
          password_changed_at: now.toISOString(),
          updated_at: now.toISOString(),
          ...(removeTotp ? { totp_secret: null, totp_last_step: null } : {}),
        })
        .where('id', '=', params.id)
        .execute();
      const gone = await deleteSessionsOf(trx, params.id);
      await recordAudit(
        trx,
        {
          actor: who,
          action: 'user.password',
          targetType: 'user',
          targetId: params.id,
          summary: `Reset the password of ${before.username}${removeTotp ? ' and removed two-step sign-in' : ''}; signed out everywhere`,
          details: { reset: true, removedTotp: removeTotp },
        },
        now,
      );
      return gone;
    });
    await ended(sessions);
    return reply(200, { user: await answerUser(params.id) });
  });

  mountRoute(app, ctx, endUserSessions, async ({ c, params, reply }) => {
    const row = await target(c, params.id);
    const now = ctx.now();
    const who = auditActor(c);
    const count = await inTransaction(async (trx) => {
      const open = await trx
        .selectFrom('sessions')
        .select('token_hash')
        .where('user_id', '=', params.id)
        .where('expires_at', '>', now.toISOString())
        .execute();
      await deleteSessionsOf(trx, params.id);
      await recordAudit(
        trx,
        {
          actor: who,
          action: 'user.sessionsEnded',
          targetType: 'user',
          targetId: params.id,
          summary: `Ended ${open.length} session(s) of ${row.username}`,
          details: { ended: open.length },
        },
        now,
      );
      return open.length;
    });
    await ended({ userId: params.id });
    return reply(200, { ended: count });
  });

  // ---- one's own account

  mountRoute(app, ctx, changeOwnPassword, async ({ c, body, reply }) => {
    const session = c.get('session');
    const row = await findUserRow(ctx.db, session.user.id);
    if (!row || row.password_hash === '') {
      throw new HttpProblem(409, 'Conflict', 'this account signs in through its provider', {
        rule: 'users.noLocalPassword',
      });
    }
    const now = ctx.now();
    if (!(await verifyPassword(row.password_hash, body.currentPassword))) {
      await recordFailure(ctx.db, limiterKey(row.username, 'password-change'), now);
      // 403, not 401: the session is fine, only the password given is wrong.
      throw new HttpProblem(403, 'Forbidden', 'the current password is wrong', {
        rule: 'account.wrongPassword',
        errors: [{ path: 'body.currentPassword', message: 'is wrong' }],
      });
    }
    if (body.newPassword === body.currentPassword) {
      throw passwordRefusal('newPassword', [{ rule: 'password.sameAsCurrent', params: {} }]);
    }
    assertPasswordAllowed('newPassword', body.newPassword, ctx.config.passwordPolicy, row.username);
    const hash = await hashPassword(body.newPassword);
    const sessions = await inTransaction(async (trx) => {
      await trx
        .updateTable('users')
        .set({
          password_hash: hash,
          password_changed_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        .where('id', '=', row.id)
        .execute();
      // Every other session ends; this one stays.
      const gone = await deleteSessionsOf(trx, row.id, session.tokenHash);
      await recordAudit(
        trx,
        {
          actor: auditActor(c),
          action: 'user.password',
          targetType: 'user',
          targetId: row.id,
          summary: `${row.username} changed their password; other sessions ended`,
          details: { reset: false },
        },
        now,
      );
      return gone;
    });
    await ended(sessions);
    return reply(204, undefined);
  });

  const assertLocalStaff = (c: Context<AppEnv>) => {
    const user = c.get('session').user;
    if (!user.hasPassword || user.role === 'requester') {
      throw new HttpProblem(409, 'Conflict', 'two-step sign-in is for local staff accounts', {
        rule: 'users.noLocalPassword',
      });
    }
    return user;
  };

  mountRoute(app, ctx, startTotpEnrolment, async ({ c, reply }) => {
    const user = assertLocalStaff(c);
    const enrolment = await newTotpEnrolment(ctx.config.organisation.name, user.username);
    return reply(200, enrolment);
  });

  mountRoute(app, ctx, confirmTotpEnrolment, async ({ c, body, reply }) => {
    const user = assertLocalStaff(c);
    const now = ctx.now();
    const step = verifyTotp(body.secret, body.code, now);
    if (step === null) {
      throw new HttpProblem(422, 'Unprocessable content', 'the code does not match the secret', {
        rule: 'account.totpInvalid',
        errors: [{ path: 'body.code', message: 'does not match' }],
      });
    }
    await inTransaction(async (trx) => {
      await trx
        .updateTable('users')
        .set({ totp_secret: body.secret, totp_last_step: step, updated_at: now.toISOString() })
        .where('id', '=', user.id)
        .execute();
      await recordAudit(
        trx,
        {
          actor: auditActor(c),
          action: 'user.totp',
          targetType: 'user',
          targetId: user.id,
          summary: `${user.username} turned two-step sign-in on`,
          details: { enabled: true },
        },
        now,
      );
    });
    return reply(204, undefined);
  });
}

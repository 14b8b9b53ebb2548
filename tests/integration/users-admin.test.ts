/**
 * Issue 12, local accounts and user administration: the Users screen's routes (list and
 * filter, create a local account, change role and municipalities, disable and enable, reset
 * a password, end all sessions, history), who may do what (admins; team leaders for the
 * agents of their line; nobody locks themselves out), the password policy, self-service
 * password change, and two-step sign-in (TOTP) — on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/server/audit/audit-log';
import { totpCodeAt } from '../../src/server/auth/totp';
import { runCli } from '../../src/server/cli';
import { engines } from './helpers/engines';
import { type TestServer, testPassword, testServer } from './helpers/test-server';

const goodPassword = 'grøn kaffi på tysdag';

describe.each(engines)('user administration on $name', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    if (engine.available) s = await testServer(engine);
  });
  afterAll(async () => {
    await s?.close();
  });
  const test = it.skipIf(!engine.available);
  const asAdmin = (method: string, path: string, body?: unknown) =>
    s.call(method, path, { token: s.tokens.admin, body });

  test('lists and filters accounts; a team leader sees the agents of the line; an agent nothing', async () => {
    const all = await asAdmin('GET', '/api/v1/admin/users');
    expect(all.status).toBe(200);
    expect(all.body.users.map((u: { username: string }) => u.username)).toContain('requesterkari');
    const consultant = all.body.users.find(
      (u: { username: string }) => u.username === 'consultantmolde',
    );
    expect(consultant).toMatchObject({
      source: 'local',
      hasPassword: true,
      disabled: false,
      totpEnabled: false,
    });
    expect(consultant.sessions).toBeGreaterThanOrEqual(1);
    expect(consultant.lastSignInAt).not.toBeNull();

    const filters: [string, string[]][] = [
      ['?role=consultant', ['consultantmolde', 'consultantrauma']],
      ['?municipality=rauma', ['consultantrauma', 'requesterola']],
      ['?q=KARI', ['requesterkari']],
      ['?role=agent&status=active', ['agent', 'agent2']],
      ['?lastSignIn=never', []],
      ['?source=scim', []],
    ];
    for (const [query, usernames] of filters) {
      const res = await asAdmin('GET', `/api/v1/admin/users${query}`);
      expect(
        res.body.users.map((u: { username: string }) => u.username),
        query,
      ).toEqual(usernames);
    }
    const leader = await s.call('GET', '/api/v1/admin/users', { token: s.tokens.teamLeader });
    expect(new Set(leader.body.users.map((u: { role: string }) => u.role))).toEqual(
      new Set(['agent']),
    );
    expect((await s.call('GET', '/api/v1/admin/users', { token: s.tokens.agent })).status).toBe(
      403,
    );
    const hidden = await s.call('GET', `/api/v1/admin/users/${s.ids.senior}`, {
      token: s.tokens.teamLeader,
    });
    expect(hidden.status).toBe(404);
  });

  test('creates a local account under the password policy, naming the field', async () => {
    const body = (password: string, username = 'nyagent') => ({
      username,
      displayName: 'Nora Ny',
      role: 'agent',
      municipalityIds: [],
      email: 'nora@romsdal-ikt.no',
      password,
    });
    const refusals: [string, string][] = [
      ['kort-ord-1', 'password.tooShort'],
      ['password1234', 'password.common'],
      ['nyagent-er-best', 'password.containsName'],
    ];
    for (const [password, rule] of refusals) {
      const res = await asAdmin('POST', '/api/v1/admin/users', body(password));
      expect(res.status, password).toBe(422);
      expect(res.body.rule).toBe(rule);
      expect(res.body.errors[0].path).toBe('body.password');
    }
    const created = await asAdmin('POST', '/api/v1/admin/users', body(goodPassword));
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({
      username: 'nyagent',
      role: 'agent',
      source: 'local',
      lastSignInAt: null,
    });
    expect((await s.signIn('nyagent', goodPassword)).status).toBe(200);
    const taken = await asAdmin('POST', '/api/v1/admin/users', body(goodPassword));
    expect(taken).toMatchObject({ status: 409, body: { rule: 'users.usernameTaken' } });
    const unknown = await asAdmin('POST', '/api/v1/admin/users', {
      ...body(goodPassword, 'ny2'),
      role: 'consultant',
      municipalityIds: ['atlantis'],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].path).toBe('body.municipalityIds.0');
    const leaderMakesSenior = await s.call('POST', '/api/v1/admin/users', {
      token: s.tokens.teamLeader,
      body: { ...body(goodPassword, 'ny3'), role: 'senior' },
    });
    expect(leaderMakesSenior).toMatchObject({
      status: 403,
      body: { rule: 'users.roleNotAllowed' },
    });
  });

  test('changes role and municipalities; the history says who, when, what', async () => {
    const id = s.ids.agent2;
    const changed = await asAdmin('PUT', `/api/v1/admin/users/${id}`, {
      role: 'consultant',
      municipalityIds: ['molde'],
    });
    expect(changed.status).toBe(200);
    expect(changed.body.user).toMatchObject({ role: 'consultant', municipalityIds: ['molde'] });
    const detail = await asAdmin('GET', `/api/v1/admin/users/${id}`);
    expect(detail.body.history[0]).toMatchObject({
      action: 'user.role',
      actorName: 'admin',
      details: {
        changed: {
          role: { from: 'agent', to: 'consultant' },
          municipalityIds: { from: [], to: ['molde'] },
        },
      },
    });
    await asAdmin('PUT', `/api/v1/admin/users/${id}`, { role: 'agent', municipalityIds: [] });
    const self = await asAdmin('PUT', `/api/v1/admin/users/${s.ids.admin}`, { role: 'agent' });
    expect(self).toMatchObject({ status: 403, body: { rule: 'users.selfLockout' } });
    const selfDisable = await asAdmin('PUT', `/api/v1/admin/users/${s.ids.admin}/disabled`, {
      disabled: true,
    });
    expect(selfDisable).toMatchObject({ status: 403, body: { rule: 'users.selfLockout' } });
  });

  test('disable ends the sessions; reset and "end all sessions" sign out everywhere', async () => {
    const token = (await s.signIn('senior')).body.token as string;
    const off = await asAdmin('PUT', `/api/v1/admin/users/${s.ids.senior}/disabled`, {
      disabled: true,
    });
    expect(off.body.user).toMatchObject({ disabled: true, sessions: 0 });
    expect((await s.call('GET', '/api/v1/auth/me', { token })).status).toBe(401);
    expect((await s.signIn('senior')).status).toBe(401);
    await asAdmin('PUT', `/api/v1/admin/users/${s.ids.senior}/disabled`, { disabled: false });
    expect((await s.signIn('senior')).status).toBe(200);

    const reset = await asAdmin('POST', `/api/v1/admin/users/${s.ids.senior}/password`, {
      newPassword: 'nytt passord for linje tre',
    });
    expect(reset.status).toBe(200);
    expect((await s.signIn('senior')).status).toBe(401);
    const fresh = await s.signIn('senior', 'nytt passord for linje tre');
    expect(fresh.status).toBe(200);
    const endAll = await asAdmin('DELETE', `/api/v1/admin/users/${s.ids.senior}/sessions`);
    expect(endAll.body.ended).toBeGreaterThanOrEqual(1);
    expect((await s.call('GET', '/api/v1/auth/me', { token: fresh.body.token })).status).toBe(401);
    const actions = (await asAdmin('GET', `/api/v1/admin/users/${s.ids.senior}`)).body.history.map(
      (h: { action: string }) => h.action,
    );
    expect(actions.filter((a: string) => a.startsWith('user.'))).toEqual([
      'user.sessionsEnded',
      'user.password',
      'user.enable',
      'user.disable',
    ]);
  });

  test('self-service password change: current password required, policy applies, other sessions end', async () => {
    const mine = (await s.signIn('consultantRauma')).body.token as string;
    const other = (await s.signIn('consultantRauma')).body.token as string;
    const change = (currentPassword: string, newPassword: string) =>
      s.call('POST', '/api/v1/account/password', {
        token: mine,
        body: { currentPassword, newPassword },
      });
    expect(await change('feil-passord-1', goodPassword)).toMatchObject({
      status: 403,
      body: { rule: 'account.wrongPassword' },
    });
    const short = await change(testPassword, 'for-kort');
    expect(short).toMatchObject({
      status: 422,
      body: { rule: 'password.tooShort', params: { min: 12 } },
    });
    expect(short.body.errors[0].path).toBe('body.newPassword');
    expect((await change(testPassword, testPassword)).body.rule).toBe('password.sameAsCurrent');
    expect((await change(testPassword, goodPassword)).status).toBe(204);
    expect((await s.call('GET', '/api/v1/auth/me', { token: mine })).status).toBe(200);
    expect((await s.call('GET', '/api/v1/auth/me', { token: other })).status).toBe(401);
    expect((await s.signIn('consultantRauma', goodPassword)).status).toBe(200);
  });

  test('two-step sign-in: enrol with a code, then sign-in asks for it; an admin reset removes it', async () => {
    const token = s.tokens.agent;
    const enrol = await s.call('POST', '/api/v1/account/totp', { token });
    expect(enrol.status).toBe(200);
    expect(enrol.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    expect(enrol.body.qrSvg).toMatch(/^<svg/);
    const secret = enrol.body.secret as string;
    const wrong = await s.call('PUT', '/api/v1/account/totp', {
      token,
      body: { secret, code: '000000' },
    });
    expect(wrong).toMatchObject({ status: 422, body: { rule: 'account.totpInvalid' } });
    const on = await s.call('PUT', '/api/v1/account/totp', {
      token,
      body: { secret, code: totpCodeAt(secret, new Date()) },
    });
    expect(on.status).toBe(204);

    const signIn = (totpCode?: string) =>
      s.call('POST', '/api/v1/auth/sign-in', {
        body: { username: 'agent', password: testPassword, ...(totpCode ? { totpCode } : {}) },
      });
    expect(await signIn()).toMatchObject({ status: 401, body: { rule: 'signIn.totpRequired' } });
    const badCode = totpCodeAt(secret, new Date(Date.now() - 10 * 60_000));
    expect(await signIn(badCode)).toMatchObject({
      status: 401,
      body: { rule: 'signIn.totpInvalid' },
    });
    // The enrolment took this step's code; the next one (the app a little ahead) signs in, once.
    const next = totpCodeAt(secret, new Date(Date.now() + 30_000));
    expect((await signIn(next)).status).toBe(200);
    expect(await signIn(next)).toMatchObject({ status: 401, body: { rule: 'signIn.totpInvalid' } });

    const requester = await s.call('POST', '/api/v1/account/totp', {
      token: s.tokens.requesterOla,
    });
    expect(requester).toMatchObject({ status: 409, body: { rule: 'users.noLocalPassword' } });

    await asAdmin('POST', `/api/v1/admin/users/${s.ids.agent}/password`, {
      newPassword: goodPassword,
      removeTotp: true,
    });
    const after = await s.call('POST', '/api/v1/auth/sign-in', {
      body: { username: 'agent', password: goodPassword },
    });
    expect(after.status).toBe(200);
    const user = (await asAdmin('GET', `/api/v1/admin/users/${s.ids.agent}`)).body;
    expect(user.user.totpEnabled).toBe(false);
    const actions: string[] = user.history.map((h: { action: string }) => h.action);
    expect(actions.filter((a) => a.startsWith('user.')).slice(0, 2)).toEqual([
      'user.password',
      'user.totp',
    ]);
    // Sign-ins are in the history too: the last with the password alone, the one before with the code.
    expect(actions.filter((a) => a.startsWith('signIn.')).slice(0, 2)).toEqual([
      'signIn.password',
      'signIn.passwordTotp',
    ]);
  });

  it.skipIf(engine.name !== 'sqlite')(
    'the CLI’s user commands stay, under the policy, and are audited',
    async () => {
      const saved = process.env.DATABASE_URL;
      delete process.env.DATABASE_URL;
      const err: string[] = [];
      const cli = (...args: string[]) =>
        runCli([...args, '--data', s.ctx.options.dataDir], {
          out: () => {},
          err: (t) => err.push(t),
        });
      try {
        expect(await cli('user', 'disable', 'agent2')).toBe(0);
        expect(await cli('user', 'enable', 'agent2')).toBe(0);
        expect(await cli('user', 'add', 'cli-agent', '--role', 'agent')).toBe(0);
      } finally {
        if (saved !== undefined) process.env.DATABASE_URL = saved;
      }
      const entries = await listAudit(s.ctx.db, { targetId: s.ids.agent2 });
      expect(entries.map((e) => e.action).slice(0, 2)).toEqual(['user.enable', 'user.disable']);
      expect(entries[0]!.actorName).toMatch(/^CLI \(.+\)$/);
      expect(
        (await listAudit(s.ctx.db, { action: 'user.create' })).map((e) => e.details.username),
      ).toContain('cli-agent');
    },
  );
});

/**
 * Issue 12, SCIM 2.0 provisioning: the request sequences Microsoft Entra ID's provisioning
 * service sends (as its documentation of the SCIM implementation shows them: create user,
 * get by filter, patch replace of multi- and single-valued attributes, disable, delete;
 * create group, get by displayName, add and remove members, rename, delete), against the
 * real server over HTTP, on SQLite and PostgreSQL. Plus the refusals: no or a wrong secret,
 * bad bodies and filters (RFC 7644 §3.12 error bodies naming the attribute), another
 * provider's accounts, and `active: false` ending the account's sessions and live streams.
 */
import { defaultServiceConfig } from '@core/config';
import { identityProviderSchema } from '@core/config/identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/server/audit/audit-log';
import { createSession } from '../../src/server/auth/session-store';
import { engines } from './helpers/engines';
import { connectSse } from './helpers/sse-client';
import { listeningTestServer, type TestServer } from './helpers/test-server';

const moldeSecret = 'molde-scim-secret-0123456789abcdef';
const raumaSecret = 'rauma-scim-secret-0123456789abcdef';
process.env.SAKSBORD_TEST_SCIM_MOLDE = moldeSecret;
process.env.SAKSBORD_TEST_SCIM_RAUMA = raumaSecret;
// Sign-in through these providers is not used here, but their configuration needs a secret.
process.env.SAKSBORD_TEST_SCIM_OIDC_SECRET = 'unused-client-secret';

const provider = (id: string, municipality: string, env: string) =>
  identityProviderSchema.parse({
    id,
    name: `${municipality[0]!.toUpperCase()}${municipality.slice(1)} kommune`,
    issuer: 'https://login.example.test/tenant/v2.0',
    clientId: `${id}-client`,
    clientSecretEnv: 'SAKSBORD_TEST_SCIM_OIDC_SECRET',
    municipalities: [municipality],
    roles: { claim: 'groups', map: { 'Saksbord agentar': 'agent', 'Saksbord IKT': 'consultant' } },
    scimTokenEnv: env,
  });

const config = {
  ...defaultServiceConfig,
  identityProviders: [
    provider('molde-entra', 'molde', 'SAKSBORD_TEST_SCIM_MOLDE'),
    provider('rauma-entra', 'rauma', 'SAKSBORD_TEST_SCIM_RAUMA'),
  ],
};

const scimType = 'application/scim+json';
const userUrn = 'urn:ietf:params:scim:schemas:core:2.0:User';
const groupUrn = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const patchUrn = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const errorUrn = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** The body Entra ID sends to create a user. */
const entraUser = (userName: string, externalId: string) => ({
  schemas: [userUrn, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
  externalId,
  userName,
  active: true,
  emails: [{ primary: true, type: 'work', value: `${externalId}@molde.kommune.no` }],
  meta: { resourceType: 'User' },
  name: { formatted: 'givenName familyName', familyName: 'Nordmann', givenName: 'Kari' },
  roles: [],
});

describe.each(engines)('SCIM provisioning on $name', (engine) => {
  let s: TestServer & { url: string };
  beforeAll(async () => {
    if (!engine.available) return;
    s = await listeningTestServer(engine, engine.freshLocation(), true, {
      config,
      options: { staticDir: null, heartbeatMs: 60_000, validateResponses: true },
    });
  });
  afterAll(async () => {
    await s?.close();
  });
  const test = it.skipIf(!engine.available);

  /** A SCIM request as Entra sends it: the secret as bearer, `application/scim+json`. */
  const scim = async (
    method: string,
    path: string,
    body?: unknown,
    secret: string | null = moldeSecret,
  ) => {
    const res = await fetch(`${s.url}/scim/v2${path}`, {
      method,
      headers: {
        ...(secret ? { authorization: `Bearer ${secret}` } : {}),
        ...(body !== undefined ? { 'content-type': scimType } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      // biome-ignore lint/suspicious/noExplicitAny: tests read whatever came back
      body: (text ? JSON.parse(text) : null) as any,
    };
  };
  const filterQuery = (filter: string) => `?filter=${encodeURIComponent(filter)}`;

  test('refuses a request without the secret, or with a wrong one, in SCIM’s error shape', async () => {
    for (const secret of [null, 'not-the-secret-0123456789']) {
      const res = await scim('GET', '/Users', undefined, secret);
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain(scimType);
      expect(res.body).toMatchObject({ schemas: [errorUrn], status: '401' });
      expect(res.body.detail).toMatch(/authorization/);
    }
  });

  test('users: create, get by filter, patch replace (multi- and single-valued), delete', async () => {
    // Create User
    const created = await scim(
      'POST',
      '/Users',
      entraUser('Test_User_ab12@molde.kommune.no', 'tu-ab12'),
    );
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toContain(scimType);
    const id = created.body.id as string;
    expect(created.headers.get('location')).toBe(`${s.url}/scim/v2/Users/${id}`);
    expect(created.body).toMatchObject({
      schemas: expect.arrayContaining([userUrn]),
      userName: 'Test_User_ab12@molde.kommune.no',
      externalId: 'tu-ab12',
      active: true,
      name: { familyName: 'Nordmann', givenName: 'Kari' },
      meta: { resourceType: 'User' },
    });
    const row = await s.ctx.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      username: 'test_user_ab12@molde.kommune.no',
      display_name: 'givenName familyName',
      email: 'tu-ab12@molde.kommune.no',
      role: 'requester',
      municipality_ids: '["molde"]',
      source: 'scim',
      provider_id: 'molde-entra',
      password_hash: '',
    });

    // Create the same userName again: 409 uniqueness
    const again = await scim('POST', '/Users', entraUser('test_user_AB12@molde.kommune.no', 'x'));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      schemas: [errorUrn],
      status: '409',
      scimType: 'uniqueness',
    });
    expect(again.body.detail).toMatch(/^userName/);

    // Get User by query (userName is case-insensitive), and by query with zero results
    const found = await scim(
      'GET',
      `/Users${filterQuery('userName eq "test_user_AB12@molde.kommune.no"')}`,
    );
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 1,
      startIndex: 1,
      itemsPerPage: 1,
    });
    expect(found.body.Resources[0].id).toBe(id);
    const byExternal = await scim('GET', `/Users${filterQuery('externalId eq "tu-ab12"')}`);
    expect(byExternal.body.Resources.map((r: { id: string }) => r.id)).toEqual([id]);
    // externalId is case-exact (RFC 7643), though SQLite's LIKE that narrows the search is not.
    const otherCase = await scim('GET', `/Users${filterQuery('externalId eq "TU-AB12"')}`);
    expect(otherCase.body.totalResults).toBe(0);
    const byName = await scim(
      'GET',
      `/Users${filterQuery('displayName eq "GIVENNAME familyName"')}`,
    );
    expect(byName.body.Resources.map((r: { id: string }) => r.id)).toEqual([id]);
    const none = await scim('GET', `/Users${filterQuery('userName eq "non-existent user"')}`);
    expect(none.body).toMatchObject({ totalResults: 0, Resources: [] });

    // Get User by id
    const got = await scim('GET', `/Users/${id}`);
    expect(got.status).toBe(200);
    expect(got.body.userName).toBe('Test_User_ab12@molde.kommune.no');

    // Update User [Multi-valued properties]: Entra's capitalised op and value-path filter
    const multi = await scim('PATCH', `/Users/${id}`, {
      schemas: [patchUrn],
      Operations: [
        {
          op: 'Replace',
          path: 'emails[type eq "work"].value',
          value: 'updatedEmail@molde.kommune.no',
        },
        { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
      ],
    });
    expect(multi.status).toBe(200);
    expect(multi.body.emails).toEqual([
      { primary: true, type: 'work', value: 'updatedEmail@molde.kommune.no' },
    ]);
    expect(multi.body.name).toMatchObject({ familyName: 'updatedFamilyName', givenName: 'Kari' });

    // Update User [Single-valued properties]
    const single = await scim('PATCH', `/Users/${id}`, {
      schemas: [patchUrn],
      Operations: [{ op: 'Replace', path: 'userName', value: 'renamed_ab12@molde.kommune.no' }],
    });
    expect(single.status).toBe(200);
    expect(single.body.userName).toBe('renamed_ab12@molde.kommune.no');

    // The no-path form, with a dotted and a schema-qualified attribute
    const noPath = await scim('PATCH', `/Users/${id}`, {
      schemas: [patchUrn],
      Operations: [
        {
          op: 'replace',
          value: {
            displayName: 'Kari Oppdatert',
            'name.givenName': 'Kari Anne',
            'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department': 'Helse',
          },
        },
      ],
    });
    expect(noPath.status).toBe(200);
    expect(noPath.body).toMatchObject({
      displayName: 'Kari Oppdatert',
      name: { givenName: 'Kari Anne' },
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Helse' },
    });
    const after = await s.ctx.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({
      username: 'renamed_ab12@molde.kommune.no',
      display_name: 'Kari Oppdatert',
      email: 'updatedemail@molde.kommune.no',
    });

    // Delete User: 204, then 404; the account is kept (disabled) and the userName is free again
    expect((await scim('DELETE', `/Users/${id}`)).status).toBe(204);
    const gone = await scim('GET', `/Users/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ schemas: [errorUrn], status: '404' });
    const kept = await s.ctx.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Number(kept.disabled)).toBe(1);
    const reborn = await scim(
      'POST',
      '/Users',
      entraUser('renamed_ab12@molde.kommune.no', 'tu-ab12'),
    );
    expect(reborn.status).toBe(201);

    const audit = await listAudit(s.ctx.db, { targetId: id });
    expect(audit.map((a) => a.action).sort()).toEqual(
      ['user.create', 'user.delete', 'user.update', 'user.update', 'user.update'].sort(),
    );
    expect(audit.every((a) => a.actorName === 'SCIM Molde kommune' && a.actorId === null)).toBe(
      true,
    );
  });

  test('active: false disables the account, ends its sessions and its live streams at once', async () => {
    const created = await scim(
      'POST',
      '/Users',
      entraUser('ola.disable@molde.kommune.no', 'ola-d'),
    );
    const id = created.body.id as string;
    // The account signed in (as a single sign-on would): a session, and a live stream.
    const session = await createSession(s.ctx.db, id, 'device-ola', new Date(), 3_600_000);
    const stream = await connectSse(`${s.url}/api/v1/events?token=${session.token}`);
    await stream.waitFor((m) => m.event === 'changes');
    expect((await s.call('GET', '/api/v1/auth/me', { token: session.token })).status).toBe(200);

    const disabled = await scim('PATCH', `/Users/${id}`, {
      schemas: [patchUrn],
      Operations: [{ op: 'Replace', path: 'active', value: false }],
    });
    expect(disabled.status).toBe(200);
    expect(disabled.body.active).toBe(false);
    const ended = await Promise.race([
      stream.ended.then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), 3_000)),
    ]);
    stream.close();
    expect(ended).toBe(true);
    expect((await s.call('GET', '/api/v1/auth/me', { token: session.token })).status).toBe(401);
    const filtered = await scim(
      'GET',
      `/Users${filterQuery('userName eq "ola.disable@molde.kommune.no"')}`,
    );
    expect(filtered.body.Resources[0].active).toBe(false);

    // Entra's other forms: replace without a path, and the boolean as a text
    const enabled = await scim('PATCH', `/Users/${id}`, {
      schemas: [patchUrn],
      Operations: [{ op: 'replace', value: { active: 'True' } }],
    });
    expect(enabled.body.active).toBe(true);
    const again = await scim('PATCH', `/Users/${id}`, {
      schemas: [patchUrn],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    expect(again.body.active).toBe(false);
    const actions = (await listAudit(s.ctx.db, { targetId: id })).map((a) => a.action);
    expect(actions.filter((a) => a === 'user.disable')).toHaveLength(2);
    expect(actions).toContain('user.enable');
  });

  test('bad bodies and filters get SCIM error bodies naming the attribute', async () => {
    const cases: [string, string, unknown, number, string, RegExp][] = [
      ['POST', '/Users', { schemas: [userUrn], active: true }, 400, 'invalidValue', /^userName/],
      ['POST', '/Users', { userName: 'x@y' }, 400, 'invalidValue', /^schemas/],
      [
        'POST',
        '/Users',
        { schemas: [userUrn], userName: 'a@b', active: 'maybe' },
        400,
        'invalidValue',
        /^active/,
      ],
      [
        'POST',
        '/Users',
        { schemas: [userUrn], userName: 'a@b', emails: 'a@b' },
        400,
        'invalidValue',
        /^emails/,
      ],
      ['POST', '/Groups', { schemas: [groupUrn] }, 400, 'invalidValue', /^displayName/],
      [
        'POST',
        '/Groups',
        { schemas: [groupUrn], displayName: 'G', members: [{ value: 'nobody' }] },
        400,
        'invalidValue',
        /^members\[0\]\.value/,
      ],
      ['GET', `/Users${filterQuery('userName eq')}`, undefined, 400, 'invalidFilter', /^filter/],
      [
        'GET',
        `/Users${filterQuery('userName zz "a"')}`,
        undefined,
        400,
        'invalidFilter',
        /^filter/,
      ],
    ];
    for (const [method, path, body, status, type, detail] of cases) {
      const res = await scim(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(status);
      expect(res.headers.get('content-type')).toContain(scimType);
      expect(res.body).toMatchObject({
        schemas: [errorUrn],
        status: String(status),
        scimType: type,
      });
      expect(res.body.detail).toMatch(detail);
    }
    const target = (await scim('POST', '/Users', entraUser('bad.patch@molde.kommune.no', 'bp')))
      .body.id;
    const badOp = await scim('PATCH', `/Users/${target}`, {
      schemas: [patchUrn],
      Operations: [{ op: 'move', path: 'active', value: false }],
    });
    expect(badOp.body).toMatchObject({ status: '400', scimType: 'invalidSyntax' });
    expect(badOp.body.detail).toMatch(/^Operations\[0\]\.op/);
    const badJson = await fetch(`${s.url}/scim/v2/Users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${moldeSecret}`, 'content-type': scimType },
      body: '{"userName":',
    });
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toMatchObject({ scimType: 'invalidSyntax' });
  });

  test('pages with startIndex and count; another provider sees none of it', async () => {
    for (let i = 0; i < 5; i++) {
      expect(
        (await scim('POST', '/Users', entraUser(`page${i}@molde.kommune.no`, `p${i}`))).status,
      ).toBe(201);
    }
    const all = await scim('GET', '/Users');
    const total = all.body.totalResults as number;
    expect(total).toBeGreaterThanOrEqual(5);
    const page = await scim('GET', '/Users?startIndex=2&count=2');
    expect(page.body).toMatchObject({ totalResults: total, startIndex: 2, itemsPerPage: 2 });
    expect(page.body.Resources.map((r: { id: string }) => r.id)).toEqual(
      all.body.Resources.slice(1, 3).map((r: { id: string }) => r.id),
    );
    const countOnly = await scim('GET', '/Users?count=0');
    expect(countOnly.body).toMatchObject({ totalResults: total, itemsPerPage: 0 });

    const rauma = await scim('GET', '/Users', undefined, raumaSecret);
    expect(rauma.body.totalResults).toBe(0);
    const someone = all.body.Resources[0].id;
    expect((await scim('GET', `/Users/${someone}`, undefined, raumaSecret)).status).toBe(404);
    expect((await scim('DELETE', `/Users/${someone}`, undefined, raumaSecret)).status).toBe(404);
  });

  test('groups: create, get by displayName, add and remove members (roles follow), rename, delete', async () => {
    const user = (await scim('POST', '/Users', entraUser('agent.entra@molde.kommune.no', 'ae')))
      .body.id;
    const other = (await scim('POST', '/Users', entraUser('ikt.entra@molde.kommune.no', 'ie'))).body
      .id;
    const role = async (id: string) =>
      await s.ctx.db
        .selectFrom('users')
        .select(['role', 'municipality_ids'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();

    // Create Group
    const created = await scim('POST', '/Groups', {
      externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
      displayName: 'Saksbord agentar',
      meta: { resourceType: 'Group' },
      members: [],
      schemas: [groupUrn],
    });
    expect(created.status).toBe(201);
    const groupId = created.body.id as string;
    expect(created.body).toMatchObject({
      displayName: 'Saksbord agentar',
      members: [],
      meta: { resourceType: 'Group' },
    });

    // Get Group by displayName, members excluded
    const found = await scim(
      'GET',
      `/Groups?excludedAttributes=members&filter=${encodeURIComponent('displayName eq "Saksbord agentar"')}`,
    );
    expect(found.body.totalResults).toBe(1);
    expect(found.body.Resources[0].id).toBe(groupId);
    expect(found.body.Resources[0]).not.toHaveProperty('members');
    const byId = await scim('GET', `/Groups/${groupId}?excludedAttributes=members`);
    expect(byId.body).not.toHaveProperty('members');

    // Update Group [Add Members]: Entra's form
    const added = await scim('PATCH', `/Groups/${groupId}`, {
      schemas: [patchUrn],
      Operations: [
        {
          name: 'addMember',
          op: 'Add',
          path: 'members',
          value: [
            { $ref: null, value: user },
            { $ref: null, value: other },
          ],
        },
      ],
    });
    expect(added.status).toBe(204);
    expect(await role(user)).toEqual({ role: 'agent', municipality_ids: '[]' });
    const withMembers = await scim('GET', `/Groups/${groupId}`);
    expect(withMembers.body.members.map((m: { value: string }) => m.value).sort()).toEqual(
      [user, other].sort(),
    );
    const memberFilter = await scim(
      'GET',
      `/Groups${filterQuery(`id eq "${groupId}" and members[value eq "${user}"]`)}&excludedAttributes=members`,
    );
    expect(memberFilter.body.totalResults).toBe(1);
    expect((await scim('GET', `/Users/${user}`)).body.groups).toEqual([
      { value: groupId, display: 'Saksbord agentar', $ref: `${s.url}/scim/v2/Groups/${groupId}` },
    ]);

    // Update Group [Remove Members]: Entra's form, and the RFC's value-path form
    const removed = await scim('PATCH', `/Groups/${groupId}`, {
      schemas: [patchUrn],
      Operations: [
        {
          name: 'removeMember',
          op: 'Remove',
          path: 'members',
          value: [{ $ref: null, value: user }],
        },
      ],
    });
    expect(removed.status).toBe(204);
    expect(await role(user)).toEqual({ role: 'requester', municipality_ids: '["molde"]' });
    await scim('PATCH', `/Groups/${groupId}`, {
      schemas: [patchUrn],
      Operations: [{ op: 'remove', path: `members[value eq "${other}"]` }],
    });
    expect((await role(other)).role).toBe('requester');

    // Update Group [Non-member attributes]: a rename moves its members' roles with the map
    await scim('PATCH', `/Groups/${groupId}`, {
      schemas: [patchUrn],
      Operations: [{ op: 'Add', path: 'members', value: [{ value: other }] }],
    });
    expect((await role(other)).role).toBe('agent');
    const renamed = await scim('PATCH', `/Groups/${groupId}`, {
      schemas: [patchUrn],
      Operations: [{ op: 'Replace', path: 'displayName', value: 'Saksbord IKT' }],
    });
    expect(renamed.status).toBe(204);
    expect(await role(other)).toEqual({ role: 'consultant', municipality_ids: '["molde"]' });

    // Delete Group: its members' roles fall back
    expect((await scim('DELETE', `/Groups/${groupId}`)).status).toBe(204);
    expect((await scim('GET', `/Groups/${groupId}`)).status).toBe(404);
    expect((await role(other)).role).toBe('requester');

    const roleAudit = await listAudit(s.ctx.db, { targetId: other, action: 'user.role' });
    expect(roleAudit.map((a) => a.details.changed)).toContainEqual({
      role: { from: 'agent', to: 'consultant' },
      municipalityIds: { from: [], to: ['molde'] },
    });
    expect((await listAudit(s.ctx.db, { targetId: groupId })).map((a) => a.action)).toContain(
      'group.delete',
    );
  });

  test('discovery: ServiceProviderConfig and ResourceTypes', async () => {
    const spc = await scim('GET', '/ServiceProviderConfig');
    expect(spc.body).toMatchObject({ patch: { supported: true }, filter: { supported: true } });
    const types = await scim('GET', '/ResourceTypes');
    expect(types.body.Resources.map((r: { id: string }) => r.id)).toEqual(['User', 'Group']);
    expect((await scim('GET', '/Nothing')).status).toBe(404);
  });
});

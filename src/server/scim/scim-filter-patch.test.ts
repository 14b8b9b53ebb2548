import { describe, expect, it } from 'vitest';
import { ScimError } from './scim-error';
import { matchesScimFilter, parseScimFilter, requiredEqualities } from './scim-filter';
import { applyPatch, parsePatchBody } from './scim-patch';

const kari = {
  id: 'u1',
  userName: 'Kari@Molde.kommune.no',
  externalId: 'Kari-1',
  active: true,
  name: { givenName: 'Kari', familyName: 'Nordmann' },
  emails: [
    { value: 'kari@molde.kommune.no', type: 'work', primary: true },
    { value: 'kari@home.no', type: 'home' },
  ],
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Helse' },
  members: [{ value: 'm1' }, { value: 'm2' }],
};

describe('SCIM filters', () => {
  const cases: [string, boolean][] = [
    ['userName eq "kari@molde.kommune.no"', true],
    ['USERNAME Eq "KARI@MOLDE.KOMMUNE.NO"', true],
    ['externalId eq "kari-1"', false],
    ['externalId eq "Kari-1"', true],
    ['urn:ietf:params:scim:schemas:core:2.0:User:userName sw "kari"', true],
    ['name.familyName co "ordm"', true],
    ['emails[type eq "work" and value ew "kommune.no"]', true],
    ['emails[type eq "other"]', false],
    ['emails.value eq "kari@home.no"', true],
    ['emails eq "kari@home.no"', true],
    ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq "Helse"', true],
    ['active eq true and not (userName eq "ola")', true],
    ['active eq false or title pr', false],
    ['title pr', false],
    ['id eq "u1" and members[value eq "m2"]', true],
    ['id eq "u1" and members[value eq "m3"]', false],
    ['userName ne "kari@molde.kommune.no"', false],
  ];
  it.each(cases)('%s → %s', (filter, expected) => {
    expect(matchesScimFilter(kari, parseScimFilter(filter))).toBe(expected);
  });

  it.each([
    '',
    'userName eq',
    'userName zz "a"',
    '(userName eq "a"',
    'userName eq "a" extra',
    'userName eq "open',
  ])('refuses %j with invalidFilter naming the filter', (filter) => {
    try {
      parseScimFilter(filter);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ScimError);
      expect((error as ScimError).scimType).toBe('invalidFilter');
      expect((error as ScimError).detail).toMatch(/^filter:/);
    }
  });

  it('lists the equalities a store may narrow by', () => {
    expect(requiredEqualities(parseScimFilter('userName eq "a" and active eq true'))).toEqual([
      { path: 'userName', value: 'a' },
      { path: 'active', value: true },
    ]);
    expect(requiredEqualities(parseScimFilter('userName eq "a" or id eq "b"'))).toEqual([]);
  });
});

const patch = (...operations: unknown[]) =>
  applyPatch(
    kari,
    parsePatchBody({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: operations,
    }),
  );

describe('SCIM PATCH', () => {
  it('replaces a value-path sub-attribute (Entra: emails[type eq "work"].value)', () => {
    const out = patch({
      op: 'Replace',
      path: 'emails[type eq "work"].value',
      value: 'ny@molde.no',
    });
    expect(out.emails).toEqual([
      { value: 'ny@molde.no', type: 'work', primary: true },
      { value: 'kari@home.no', type: 'home' },
    ]);
    expect(kari.emails[0]!.value).toBe('kari@molde.kommune.no');
  });
  it('adds an element when the value path matches none', () => {
    const out = patch({
      op: 'replace',
      path: 'phoneNumbers[type eq "mobile"].value',
      value: '900',
    });
    expect(out.phoneNumbers).toEqual([{ type: 'mobile', value: '900' }]);
  });
  it('replaces without a path: dotted, schema-qualified and extension-object keys', () => {
    const out = patch({
      op: 'replace',
      value: {
        active: false,
        'name.givenName': 'Kari Anne',
        'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager': { value: 'boss' },
        'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'IKT' },
      },
    });
    expect(out.active).toBe(false);
    expect(out.name).toEqual({ givenName: 'Kari Anne', familyName: 'Nordmann' });
    expect(out['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User']).toEqual({
      department: 'IKT',
      manager: { value: 'boss' },
    });
  });
  it('adds and removes members as Entra does, and by value path', () => {
    expect(
      patch({ op: 'Add', path: 'members', value: [{ value: 'm2' }, { value: 'm3' }] }).members,
    ).toEqual([{ value: 'm1' }, { value: 'm2' }, { value: 'm3' }]);
    expect(patch({ op: 'Remove', path: 'members', value: [{ value: 'm1' }] }).members).toEqual([
      { value: 'm2' },
    ]);
    expect(patch({ op: 'remove', path: 'members[value eq "m2"]' }).members).toEqual([
      { value: 'm1' },
    ]);
    expect(patch({ op: 'remove', path: 'members' }).members).toBeUndefined();
  });
  it('matches attribute names in any case', () => {
    expect(patch({ op: 'replace', path: 'USERNAME', value: 'x@y' }).userName).toBe('x@y');
    expect(patch({ op: 'replace', path: 'name.FAMILYNAME', value: 'Ny' }).name).toEqual({
      givenName: 'Kari',
      familyName: 'Ny',
    });
  });

  const refusals: [unknown, string, RegExp][] = [
    [{}, 'invalidSyntax', /^Operations/],
    [{ Operations: [] }, 'invalidSyntax', /^Operations/],
    [
      { Operations: [{ op: 'move', path: 'a', value: 1 }] },
      'invalidSyntax',
      /^Operations\[0\]\.op/,
    ],
    [{ Operations: [{ op: 'remove' }] }, 'noTarget', /^Operations\[0\]\.path/],
    [{ Operations: [{ op: 'add', path: 'a' }] }, 'invalidValue', /^Operations\[0\]\.value/],
    [
      { schemas: ['urn:wrong'], Operations: [{ op: 'add', path: 'a', value: 1 }] },
      'invalidValue',
      /^schemas/,
    ],
  ];
  it.each(refusals)('refuses %j', (body, scimType, detail) => {
    try {
      parsePatchBody(body);
      expect.unreachable();
    } catch (error) {
      expect((error as ScimError).scimType).toBe(scimType);
      expect((error as ScimError).detail).toMatch(detail);
    }
  });
  it('refuses a path that is no attribute path', () => {
    expect(() => patch({ op: 'replace', path: 'emails[type eq "work"', value: 'x' })).toThrow(
      ScimError,
    );
  });
});

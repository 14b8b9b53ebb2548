import { describe, expect, it } from 'vitest';
import type { Role } from '../rules/actor';
import {
  assignableRoles,
  mayAdminister,
  mayAdministerUsers,
  type UserAdminRule,
  type UserChange,
  userChangeRefusal,
} from './user-admin-rules';

const admin = { id: 'a', role: 'admin' as Role };
const leader = { id: 't', role: 'teamLeader' as Role };
const agent = { id: 'g', role: 'agent' as Role };
const senior = { id: 's', role: 'senior' as Role };

describe('user administration rules', () => {
  it('gives the Users screen to admins and team leaders only', () => {
    const roles: [Role, boolean][] = [
      ['admin', true],
      ['teamLeader', true],
      ['agent', false],
      ['consultant', false],
      ['senior', false],
      ['requester', false],
    ];
    for (const [role, may] of roles) expect(mayAdministerUsers({ role })).toBe(may);
  });

  it('lets a team leader administer only the agents of line 1, and give only that role', () => {
    expect(mayAdminister(leader, agent)).toBe(true);
    expect(mayAdminister(leader, senior)).toBe(false);
    expect(mayAdminister(leader, admin)).toBe(false);
    expect(assignableRoles(leader)).toEqual(['agent']);
    expect(assignableRoles(agent)).toEqual([]);
    expect(assignableRoles(admin)).toContain('requester');
  });

  const cases: [string, typeof admin, typeof admin, UserChange, UserAdminRule | null][] = [
    ['admin makes an agent senior', admin, agent, { role: 'senior' }, null],
    [
      'admin disables an admin colleague',
      admin,
      { id: 'b', role: 'admin' },
      { disabled: true },
      null,
    ],
    ['admin disables themselves', admin, admin, { disabled: true }, 'users.selfLockout'],
    ['admin drops their own admin role', admin, admin, { role: 'agent' }, 'users.selfLockout'],
    ['admin keeps their own role', admin, admin, { role: 'admin' }, null],
    ['team leader disables an agent', leader, agent, { disabled: true }, null],
    [
      'team leader makes an agent senior',
      leader,
      agent,
      { role: 'senior' },
      'users.roleNotAllowed',
    ],
    ['team leader changes a senior', leader, senior, { disabled: true }, 'users.notYours'],
    ['agent changes an agent', agent, { id: 'h', role: 'agent' }, {}, 'users.notYours'],
  ];
  it.each(cases)('%s', (_name, actor, user, change, rule) => {
    expect(userChangeRefusal(actor, user, change)).toBe(rule);
  });
});

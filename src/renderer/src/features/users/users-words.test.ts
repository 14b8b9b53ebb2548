import { placeholdersOf } from '@core/i18n/message-template';
import { ApiError } from '@web/api/index';
import { describe, expect, it } from 'vitest';
import { usersCatalogues, usersNn, usersTranslator } from './users-messages';
import { failedField, failureText, historyText } from './users-words';

describe('Users screen catalogues', () => {
  const keys = Object.keys(usersNn).sort();
  it.each(['nb', 'en'] as const)('%s has exactly the Nynorsk keys and placeholders', (locale) => {
    const catalogue = usersCatalogues[locale];
    expect(Object.keys(catalogue).sort()).toEqual(keys);
    for (const key of keys) {
      const k = key as keyof typeof usersNn;
      expect([key, placeholdersOf(catalogue[k])]).toEqual([key, placeholdersOf(usersNn[k])]);
    }
  });
});

const entry = (action: string, details: Record<string, unknown>) => ({
  id: '1',
  at: '2026-11-30T10:00:00.000Z',
  actorName: 'Ada Admin',
  action,
  summary: 'English facts',
  details,
});

describe('historyText', () => {
  const t = usersTranslator('nn');
  const cases: [string, Record<string, unknown>, string][] = [
    ['user.create', { role: 'agent' }, 'Ada Admin oppretta brukaren (Agent (1. linje))'],
    [
      'user.role',
      { changed: { role: { from: 'agent', to: 'senior' } } },
      'Ada Admin endra rolla frå Agent (1. linje) til Seniorkonsulent (3. linje)',
    ],
    [
      'user.update',
      {
        changed: {
          displayName: { from: 'a', to: 'b' },
          municipalityIds: { from: [], to: ['molde'] },
        },
      },
      'Ada Admin endra namn, kommunar',
    ],
    ['user.disable', {}, 'Ada Admin sperra brukaren'],
    ['user.password', { reset: true }, 'Ada Admin sette nytt passord'],
    ['user.password', { reset: false }, 'Ada Admin bytte passord'],
    ['user.sessionsEnded', { ended: 2 }, 'Ada Admin logga brukaren ut overalt'],
    ['signIn.password', {}, 'Ada Admin logga inn'],
    ['signIn.oidc', { provider: 'molde' }, 'Ada Admin logga inn'],
    ['group.weird', {}, 'Ada Admin: English facts'],
  ];
  it.each(cases)('%s %j', (action, details, text) => {
    expect(historyText(entry(action, details), t)).toBe(text);
  });
});

describe('failureText', () => {
  const problem = (status: number, rule?: string, params?: Record<string, number>) =>
    new ApiError('problem', 'refused', status, {
      type: 'x',
      title: 'x',
      status,
      detail: 'english detail',
      ...(rule ? { rule } : {}),
      ...(params ? { params } : {}),
      errors: [{ path: 'body.newPassword', message: 'is too short' }],
    });
  it('words password rules with core and names the field', () => {
    const t = usersTranslator('en');
    const error = problem(422, 'password.tooShort', { min: 12 });
    expect(failureText(error, t, 'en')).toContain('at least 12 characters');
    expect(failedField(error)).toBe('newPassword');
  });
  it('words the administration rules and the network', () => {
    const t = usersTranslator('nn');
    expect(failureText(problem(403, 'users.selfLockout'), t, 'nn')).toBe(
      usersNn['error.selfLockout'],
    );
    expect(failureText(problem(403), t, 'nn')).toBe(usersNn['error.forbidden']);
    expect(failureText(new ApiError('network', 'down'), t, 'nn')).toBe(usersNn['error.offline']);
  });
});

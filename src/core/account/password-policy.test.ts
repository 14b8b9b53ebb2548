import { describe, expect, it } from 'vitest';
import { placeholdersOf } from '../i18n/message-template';
import {
  defaultPasswordPolicy,
  isPasswordRule,
  type PasswordRule,
  passwordProblems,
  passwordProblemText,
} from './password-policy';

const common = new Set(['password', 'passord', '123456789012', 'qwertyuiopas', 'sommar']);
const facts = { isCommon: (p: string) => common.has(p), username: 'kari.nordmann' };

describe('passwordProblems', () => {
  const cases: [string, string, PasswordRule[]][] = [
    ['a long sentence is fine', 'grøn kaffi på tysdag', []],
    ['eleven characters are too few', 'abcdefghijk', ['password.tooShort']],
    ['twelve characters are enough', 'Fjord-Bølgje', []],
    ['length counts characters, not bytes', 'æøåæøåæøåæø', ['password.tooShort']],
    ['a common password is refused', '123456789012', ['password.common']],
    ['case does not hide a common password', 'QWERTYUIOPAS', ['password.common']],
    ['a common word with digits and signs added', 'Passord2026!!', ['password.common']],
    ['a short stem is not judged by the list', 'sommar-i-molde-2026', []],
    ['one character repeated', 'aaaaaaaaaaaaaa', ['password.repetitive']],
    ['a few characters repeated', 'abcabcabcabcabc', ['password.repetitive']],
    ['the username inside', 'x-Kari.Nordmann-2026', ['password.containsName']],
    ['the service name inside', 'mitt saksbord-passord', ['password.containsName']],
    ['too long', 'x'.repeat(257), ['password.tooLong']],
  ];
  it.each(cases)('%s', (_name, password, rules) => {
    expect(passwordProblems(password, defaultPasswordPolicy, facts).map((p) => p.rule)).toEqual(
      rules,
    );
  });

  it('takes the configured length', () => {
    expect(passwordProblems('abcdefghijklmnop', { minLength: 20 }, facts)).toEqual([
      { rule: 'password.tooShort', params: { min: 20 } },
    ]);
  });
});

describe('passwordProblemText', () => {
  it('words every rule in every language with the same placeholders', () => {
    const rules: PasswordRule[] = [
      'password.tooShort',
      'password.tooLong',
      'password.common',
      'password.repetitive',
      'password.containsName',
      'password.sameAsCurrent',
    ];
    for (const rule of rules) {
      expect(isPasswordRule(rule)).toBe(true);
      const nn = passwordProblemText(rule, {}, 'nn');
      for (const locale of ['nb', 'en'] as const) {
        expect(placeholdersOf(passwordProblemText(rule, {}, locale))).toEqual(placeholdersOf(nn));
      }
    }
    expect(passwordProblemText('password.tooShort', { min: 12 }, 'nn')).toContain('minst 12 teikn');
    expect(isPasswordRule('case.closed')).toBe(false);
  });
});

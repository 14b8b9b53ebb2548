import { z } from 'zod';
import type { Locale } from '../config/localized-text';
import { fillTemplate } from '../i18n/message-template';

/**
 * The password policy of local accounts: length over complexity (NIST SP 800-63B §5.1.1.2).
 * A new password must be long enough, must not be one of the most common passwords (nor
 * such a password with digits or signs added at the end), must not be one character or two
 * repeated, and must not contain the username or the service's name. No rules about upper
 * case, digits or signs, and no expiry: they make passwords weaker in practice.
 *
 * Core has no list of common passwords (it imports no data packages): the caller passes
 * `isCommon`, which the server builds from a maintained list.
 */

export const passwordPolicySchema = z.strictObject({
  /** Fewest characters (Unicode code points) of a new password. */
  minLength: z.number().int().min(8, 'must be at least 8').max(128).default(12),
});
export type PasswordPolicy = z.infer<typeof passwordPolicySchema>;

export const defaultPasswordPolicy: PasswordPolicy = { minLength: 12 };

/** Longest password accepted (argon2 hashes any length; this only stops abuse). */
export const maxPasswordLength = 256;

/** Why a new password is refused; `rule` is what a problem document carries. */
export type PasswordProblem =
  | { rule: 'password.tooShort'; params: { min: number } }
  | { rule: 'password.tooLong'; params: { max: number } }
  | { rule: 'password.common'; params: Record<string, never> }
  | { rule: 'password.repetitive'; params: Record<string, never> }
  | { rule: 'password.containsName'; params: Record<string, never> }
  | { rule: 'password.sameAsCurrent'; params: Record<string, never> };
export type PasswordRule = PasswordProblem['rule'];

export interface PasswordFacts {
  /** True for a password on the list of common passwords (given in lower case). */
  isCommon: (lowerCasePassword: string) => boolean;
  /** The account's username: a password must not contain it. */
  username?: string;
}

/** Words no password of this service may contain. */
const serviceWords = ['saksbord'];

/** The problems of a new password, in the order a person fixes them; empty when it is fine. */
export function passwordProblems(
  password: string,
  policy: PasswordPolicy,
  facts: PasswordFacts,
): PasswordProblem[] {
  const chars = [...password];
  if (chars.length < policy.minLength) {
    return [{ rule: 'password.tooShort', params: { min: policy.minLength } }];
  }
  if (chars.length > maxPasswordLength) {
    return [{ rule: 'password.tooLong', params: { max: maxPasswordLength } }];
  }
  const lower = password.normalize('NFKC').toLowerCase();
  const problems: PasswordProblem[] = [];
  // "passord2026!" is "passord" with a year and a sign: as weak as the word itself.
  const stem = lower.replace(/[\d\W_]+$/u, '');
  if (facts.isCommon(lower) || (stem.length >= 4 && facts.isCommon(stem))) {
    problems.push({ rule: 'password.common', params: {} });
  } else if (new Set(chars).size < 4) {
    problems.push({ rule: 'password.repetitive', params: {} });
  }
  const username = facts.username?.trim().toLowerCase() ?? '';
  const names = [...serviceWords, ...(username.length >= 3 ? [username] : [])];
  if (names.some((name) => lower.includes(name))) {
    problems.push({ rule: 'password.containsName', params: {} });
  }
  return problems;
}

const passwordMessages: Readonly<Record<Locale, Readonly<Record<PasswordRule, string>>>> = {
  nn: {
    'password.tooShort':
      'Passordet må ha minst {min} teikn. Ei setning på fleire ord er lett å hugse.',
    'password.tooLong': 'Passordet kan ha høgst {max} teikn.',
    'password.common': 'Dette passordet er blant dei mest brukte. Vel eit anna.',
    'password.repetitive': 'Passordet kan ikkje vere det same teiknet eller nokre få teikn om att.',
    'password.containsName': 'Passordet kan ikkje innehalde brukarnamnet eller namnet på tenesta.',
    'password.sameAsCurrent': 'Det nye passordet må vere eit anna enn det du har no.',
  },
  nb: {
    'password.tooShort':
      'Passordet må ha minst {min} tegn. En setning på flere ord er lett å huske.',
    'password.tooLong': 'Passordet kan ha høyst {max} tegn.',
    'password.common': 'Dette passordet er blant de mest brukte. Velg et annet.',
    'password.repetitive': 'Passordet kan ikke være det samme tegnet eller noen få tegn om igjen.',
    'password.containsName': 'Passordet kan ikke inneholde brukernavnet eller navnet på tjenesten.',
    'password.sameAsCurrent': 'Det nye passordet må være et annet enn det du har nå.',
  },
  en: {
    'password.tooShort':
      'The password needs at least {min} characters. A sentence of several words is easy to remember.',
    'password.tooLong': 'The password can have at most {max} characters.',
    'password.common': 'This password is among the most used. Choose another.',
    'password.repetitive': 'The password cannot be one character or a few characters repeated.',
    'password.containsName': 'The password cannot contain the username or the name of the service.',
    'password.sameAsCurrent': 'The new password must differ from the one you have now.',
  },
};

export function isPasswordRule(rule: string): rule is PasswordRule {
  return Object.hasOwn(passwordMessages.nn, rule);
}

/** A password problem in the user's language (also for a refusal's `rule` and `params`). */
export function passwordProblemText(
  rule: PasswordRule,
  params: Readonly<Record<string, string | number>>,
  locale: Locale,
): string {
  return fillTemplate(passwordMessages[locale][rule], params);
}

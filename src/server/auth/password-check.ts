/**
 * The password policy (core's `passwordProblems`) with the list of common passwords: the
 * ~49 000 most used passwords from breaches, ranked, as the maintained package
 * `@zxcvbn-ts/language-common` ships them (its `passwords-common` dictionary, built from
 * published breach corpora). Loaded once, on first use.
 */
import {
  type PasswordPolicy,
  type PasswordProblem,
  passwordProblems,
} from '@core/account/password-policy';
import { dictionary } from '@zxcvbn-ts/language-common';
import { HttpProblem } from '../http/problem';

let common: Set<string> | undefined;

export function isCommonPassword(lowerCasePassword: string): boolean {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common.has(lowerCasePassword);
}

/** The policy's problems with a new password (empty when it is fine). */
export function newPasswordProblems(
  password: string,
  policy: PasswordPolicy,
  username?: string,
): PasswordProblem[] {
  return passwordProblems(password, policy, {
    isCommon: isCommonPassword,
    ...(username ? { username } : {}),
  });
}

const english: Record<PasswordProblem['rule'], string> = {
  'password.tooShort': 'is too short',
  'password.tooLong': 'is too long',
  'password.common': 'is one of the most common passwords',
  'password.repetitive': 'repeats one or a few characters',
  'password.containsName': 'contains the username or the service name',
  'password.sameAsCurrent': 'is the same as the current one',
};

/**
 * A 422 naming the field (`body.<field>`) and carrying the first problem's rule and
 * parameters, so clients word it in their user's language (core's `passwordProblemText`).
 */
export function passwordRefusal(field: string, problems: readonly PasswordProblem[]): HttpProblem {
  const first = problems[0]!;
  return new HttpProblem(422, 'Unprocessable content', `the new password ${english[first.rule]}`, {
    rule: first.rule,
    params: first.params,
    errors: problems.map((p) => ({ path: `body.${field}`, message: english[p.rule] })),
  });
}

/** Throws the refusal when the password breaks the policy. */
export function assertPasswordAllowed(
  field: string,
  password: string,
  policy: PasswordPolicy,
  username?: string,
): void {
  const problems = newPasswordProblems(password, policy, username);
  if (problems.length > 0) throw passwordRefusal(field, problems);
}

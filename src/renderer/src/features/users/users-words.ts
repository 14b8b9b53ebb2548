/**
 * What the Users screen says about a history entry or a refusal, in the user's language:
 * history entries are worded from their action and details (the audit log's own summary is
 * English facts, the fallback); refusals from their rule (a password rule with core's words,
 * which name the problem), so nothing English from the server reaches the screen.
 */
import { isPasswordRule, passwordProblemText } from '@core/account/password-policy';
import type { UserHistoryEntry } from '@core/api/index';
import type { Locale } from '@core/config/localized-text';
import { roles } from '@core/rules/index';
import { ApiError } from '@web/api/index';
import type { UsersMessageKey, UsersTranslate } from './users-messages';

const roleKey = (role: unknown): UsersMessageKey | null =>
  typeof role === 'string' && (roles as readonly string[]).includes(role)
    ? (`role.${role}` as UsersMessageKey)
    : null;

const roleName = (role: unknown, t: UsersTranslate) => {
  const key = roleKey(role);
  return key ? t(key) : String(role);
};

const fieldKeys: Record<string, UsersMessageKey> = {
  displayName: 'field.displayName',
  email: 'field.email',
  municipalityIds: 'field.municipalityIds',
  username: 'field.username',
  role: 'field.role',
};

/** One line for a history entry. */
export function historyText(entry: UserHistoryEntry, t: UsersTranslate): string {
  const actor = entry.actorName;
  const details = entry.details;
  const changed = (details.changed ?? {}) as Record<string, { from: unknown; to: unknown }>;
  switch (entry.action) {
    case 'user.create':
      return t('history.create', { actor, role: roleName(details.role, t) });
    case 'user.role': {
      const role = changed.role;
      if (role) {
        return t('history.role', {
          actor,
          from: roleName(role.from, t),
          to: roleName(role.to, t),
        });
      }
      break;
    }
    case 'user.update': {
      const fields = Object.keys(changed).map((f) => (fieldKeys[f] ? t(fieldKeys[f]) : f));
      if (fields.length > 0) return t('history.update', { actor, fields: fields.join(', ') });
      break;
    }
    case 'user.disable':
      return t('history.disable', { actor });
    case 'user.enable':
      return t('history.enable', { actor });
    case 'user.password':
      return t(details.reset === false ? 'history.passwordSelf' : 'history.password', { actor });
    case 'user.sessionsEnded':
      return t('history.sessionsEnded', { actor });
    case 'user.totp':
      return t('history.totp', { actor });
    case 'user.delete':
      return t('history.delete', { actor });
    case 'signIn.password':
    case 'signIn.passwordTotp':
    case 'signIn.oidc':
      return t('history.signIn', { actor });
  }
  return `${actor}: ${entry.summary}`;
}

const ruleKeys: Record<string, UsersMessageKey> = {
  'users.notYours': 'error.notYours',
  'users.roleNotAllowed': 'error.roleNotAllowed',
  'users.selfLockout': 'error.selfLockout',
  'users.usernameTaken': 'error.usernameTaken',
  'users.noLocalPassword': 'error.noLocalPassword',
  'account.wrongPassword': 'error.wrongPassword',
  'account.totpInvalid': 'error.totpInvalid',
};

/** A failed call in the user's language. */
export function failureText(error: unknown, t: UsersTranslate, locale: Locale): string {
  if (!(error instanceof ApiError)) return t('error.other', { message: String(error) });
  if (error.failure === 'network') return t('error.offline');
  const rule = error.rule;
  if (rule && isPasswordRule(rule)) return passwordProblemText(rule, error.params, locale);
  if (rule && ruleKeys[rule]) return t(ruleKeys[rule]);
  if (error.status === 403) return t('error.forbidden');
  return t('error.other', { message: error.problem?.detail ?? error.message });
}

/** The field a refusal is about (`newPassword` of `body.newPassword`), to mark it invalid. */
export function failedField(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  const path = error.problem?.errors?.[0]?.path;
  return path?.startsWith('body.') ? (path.slice(5).split('.')[0] ?? null) : null;
}

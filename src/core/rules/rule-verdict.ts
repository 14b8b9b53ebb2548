import type { RuleId } from './rule-id';
import { formatRuleMessage, type RuleParams } from './rule-messages';

/**
 * The answer of a rule check. A refusal names the rule (machine-readable, also the i18n key of
 * its message in `ruleMessages`), an English message for logs, and the values its message
 * interpolates so a UI can show it in the user's language.
 */
export type RuleVerdict =
  | { ok: true }
  | { ok: false; rule: RuleId; message: string; messageKey: RuleId; params: RuleParams };

/** A refusal of the change, by the rule that refuses it. */
export type RuleRefusal = Extract<RuleVerdict, { ok: false }>;

export const allowed: RuleVerdict = { ok: true };

export function refuse(rule: RuleId, params: RuleParams = {}): RuleRefusal {
  return {
    ok: false,
    rule,
    message: formatRuleMessage(rule, 'en', params),
    messageKey: rule,
    params,
  };
}

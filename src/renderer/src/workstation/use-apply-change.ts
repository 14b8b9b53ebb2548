import type { CaseChangeInput } from '@core/case/index';
import { formatRuleMessage, type RuleId, ruleIds } from '@core/rules/index';
import { useCallback } from 'react';
import { RuleViolation } from '../db/local-errors';
import { useLocale } from '../i18n/use-t';
import { useWorkstation } from './workstation-context';

/** The user's-language text of a rule refusal (core's rule messages). */
export function ruleViolationText(error: RuleViolation, locale: 'nn' | 'nb' | 'en'): string {
  const rule = (ruleIds as readonly string[]).includes(error.rule) ? (error.rule as RuleId) : null;
  if (!rule) return error.message;
  return formatRuleMessage(rule, locale, error.params as Record<string, string | number>);
}

/**
 * Applies a change to a case locally (synced later). Resolves to null when stored, or to the
 * reason in the user's language when a rule refuses it.
 */
export function useApplyChange(): (
  caseId: string,
  change: CaseChangeInput,
) => Promise<string | null> {
  const { repo } = useWorkstation();
  const locale = useLocale();
  return useCallback(
    async (caseId, change) => {
      try {
        await repo.applyLocalChange(caseId, change);
        return null;
      } catch (error) {
        if (error instanceof RuleViolation) return ruleViolationText(error, locale);
        return error instanceof Error ? error.message : String(error);
      }
    },
    [repo, locale],
  );
}

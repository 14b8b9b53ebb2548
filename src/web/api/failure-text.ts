import type { Locale } from '@core/config/localized-text';
import { refusalText } from '@core/rules/rule-messages';
import { ApiError } from './api-error';

/** The app's own words for the failures that have no rule to word them. */
export interface FailureWords {
  /** No answer (offline, timed out, cut off): the request may be tried again. */
  noAnswer: string;
  /** Anything else that is not a problem document: a bug, an answer the contract forbids. */
  unknown: string;
}

/**
 * Why a call failed, in the user's language: a refusal by a rule in core's words for that rule
 * and its parameters (the same text the workstation shows for it); a problem without a rule by
 * its detail; no answer and anything else in the app's own words.
 */
export function failureText(error: unknown, locale: Locale, words: FailureWords): string {
  if (!(error instanceof ApiError)) return words.unknown;
  if (error.failure === 'network') return words.noAnswer;
  if (!error.problem) return words.unknown;
  return refusalText(error.rule, error.params, error.problem.detail, locale);
}

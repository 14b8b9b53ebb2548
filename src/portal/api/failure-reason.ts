import type { Locale } from '@core/config';
import { failureText } from '@web/api';
import type { Translate } from '../i18n/translate';

/** Why a call to the server failed, in the portal's words (a rule's refusal in core's). */
export function failureReason(error: unknown, locale: Locale, t: Translate): string {
  return failureText(error, locale, {
    noAnswer: t('action.noAnswer'),
    unknown: t('action.unknown'),
  });
}

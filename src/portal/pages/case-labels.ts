import type { CaseRecord } from '@core/case';
import type { Translate } from '../i18n/translate';

/** "Ventar på deg" rather than just "Ventar" when the service waits for the requester. */
export function statusLabel(record: Pick<CaseRecord, 'status' | 'waitingReason'>, t: Translate) {
  if (record.status === 'waiting' && record.waitingReason) {
    return t(`waiting.${record.waitingReason}`);
  }
  return t(`status.${record.status}`);
}

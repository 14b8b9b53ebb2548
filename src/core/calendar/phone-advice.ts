/**
 * Which number to call right now, from the seed: "If you have no network access, or the fault
 * is of high or critical priority, call 70 16 29 99" — while support is open. Outside opening
 * hours the on-call phone (70 16 24 46) takes critical faults only; everything else waits for
 * support to open. The case is registered in every case; this is advice on top. A rule of
 * the service, so it lives in core: the portal, intake and any phone routing ask the same.
 */

import type { Priority } from '../case/case-vocabulary';
import type { ServiceStatus } from './service-status';

/** Why the portal says to phone: the priority, the network, or both. */
export type AdviceReason = 'priority' | 'network';

export type PhoneAdvice =
  /** Nothing to phone about: the portal is the way. */
  | { kind: 'none' }
  /** Support is open: call the support number now. */
  | { kind: 'callSupport'; phone: string; reasons: AdviceReason[] }
  /** Support is closed and the fault is critical: call on-call now. */
  | { kind: 'callOnCall'; phone: string; reasons: AdviceReason[] }
  /** Support is closed and on-call is not for this: the case waits for the next opening. */
  | { kind: 'waitForOpening'; opensAt: string; reasons: AdviceReason[] };

export function phoneAdvice(
  status: ServiceStatus,
  priority: Priority,
  noNetwork: boolean,
): PhoneAdvice {
  const reasons: AdviceReason[] = [];
  if (priority === 'critical' || priority === 'high') reasons.push('priority');
  if (noNetwork) reasons.push('network');
  if (reasons.length === 0) return { kind: 'none' };
  if (status.supportOpen && status.callNumber) {
    return { kind: 'callSupport', phone: status.callNumber, reasons };
  }
  if (status.onCallStaffed && status.callNumber && priority === 'critical') {
    return { kind: 'callOnCall', phone: status.callNumber, reasons };
  }
  return { kind: 'waitForOpening', opensAt: status.nextSupportOpening, reasons };
}

import type { CaseRecord } from '../case/case-record';
import type { SupportLine } from '../case/case-vocabulary';
import { findMunicipality } from '../config/municipality-config';
import type { RuleContext } from './rule-context';
import { allowed, type RuleVerdict, refuse } from './rule-verdict';

/**
 * Whether a case may move to `toLine`, up or down. Any move between different lines is
 * allowed (1→2, 1→3, 2→3, and back down 3→2, 3→1, 2→1), because line 1 may send a case
 * straight to the seniors and a senior may hand it back. Two things refuse a move: the case is
 * there already, and line 2 for a municipality without a line-2 group (the seed's line 2 is
 * "the consultant in the municipality", so there must be one). Who may escalate, and closed
 * cases, are checked by `checkChange`.
 */
export function checkEscalation(
  current: Pick<CaseRecord, 'line' | 'requester'>,
  toLine: SupportLine,
  reason: string,
  context: RuleContext,
): RuleVerdict {
  if (toLine === current.line) return refuse('escalation.sameLine', { line: toLine });
  if (reason.trim() === '') return refuse('escalation.reasonRequired');
  if (toLine === 2) {
    const municipality = findMunicipality(context.municipalities, current.requester.municipalityId);
    if (!municipality?.line2Group) {
      return refuse('escalation.noLine2Group', {
        municipality: municipality?.name ?? current.requester.municipalityId,
      });
    }
  }
  return allowed;
}

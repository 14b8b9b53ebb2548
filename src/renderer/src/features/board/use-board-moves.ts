import { allowedMoves, formatRuleMessage } from '@core/rules/index';
import { useState } from 'react';
import { stripLocal } from '../../db/case-rebase';
import type { LocalCase } from '../../db/local-records';
import { useLocale, useT } from '../../i18n/use-t';
import { useServiceConfigStore } from '../../stores/service-config-store';
import { useToastStore } from '../../stores/toast-store';
import { mark, marks, measureFrom } from '../../workstation/performance-marks';
import { useApplyChange } from '../../workstation/use-apply-change';
import { useWorkstation } from '../../workstation/workstation-context';
import {
  type BoardMove,
  changeForMove,
  type DropTarget,
  type MoveAnswers,
  moveFor,
} from './board-moves';
import { boardColumns } from './board-selectors';
import { displayNumber } from './CaseCard';

type DialogMove = Extract<BoardMove, { kind: 'escalate' } | { kind: 'status' }>;

/**
 * Board moves: checks a drop against the case rules (the same the server applies), refuses
 * it with the rule's message, asks the dialog's questions when the move needs answers, and
 * applies it to the local store.
 */
export function useBoardMoves() {
  const t = useT();
  const locale = useLocale();
  const { actor } = useWorkstation();
  const applyChange = useApplyChange();
  const show = useToastStore((s) => s.show);
  const [pending, setPending] = useState<{ record: LocalCase; move: DialogMove } | null>(null);

  const verdicts = (c: LocalCase) =>
    allowedMoves(stripLocal(c), actor, {
      municipalities: useServiceConfigStore.getState().config.municipalities,
    });

  const targetName = (move: BoardMove, c: LocalCase) =>
    move.kind === 'escalate'
      ? t('line.name', { line: move.toLine })
      : move.kind === 'status'
        ? t(`status.${move.status}`)
        : displayNumber(c);

  async function apply(record: LocalCase, move: BoardMove, answers: MoveAnswers = {}) {
    const change = changeForMove(move, answers);
    if (!change) return;
    const number = displayNumber(record);
    const refused = await applyChange(record.id, change);
    measureFrom(marks.dragPersisted, marks.drop);
    if (refused) show(t('move.refused', { number, reason: refused }), 'error');
    else show(t('move.done', { number, target: targetName(move, record) }));
  }

  return {
    pending,
    /** `line:column` keys the rules refuse for `c` (to mark them while dragging). */
    refusedTargets(c: LocalCase): Set<string> {
      const v = verdicts(c);
      const refused = new Set<string>();
      for (const line of [1, 2, 3] as const) {
        for (const column of boardColumns) {
          const move = moveFor(c, { line, column });
          const verdict =
            move.kind === 'escalate'
              ? v.lines.find((m) => m.target === move.toLine)?.verdict
              : move.kind === 'status'
                ? v.statuses.find((m) => m.target === move.status)?.verdict
                : undefined;
          if (verdict && !verdict.ok) refused.add(`${line}:${column}`);
        }
      }
      return refused;
    },
    drop(record: LocalCase, target: DropTarget) {
      mark(marks.drop);
      const move = moveFor(record, target);
      if (move.kind === 'none') return;
      const v = verdicts(record);
      const verdict =
        move.kind === 'escalate'
          ? v.lines.find((m) => m.target === move.toLine)?.verdict
          : v.statuses.find((m) => m.target === move.status)?.verdict;
      if (verdict && !verdict.ok) {
        const reason = formatRuleMessage(verdict.rule, locale, verdict.params);
        show(t('move.refused', { number: displayNumber(record), reason }), 'error');
        return;
      }
      if (move.kind === 'escalate' || move.needsWaitingReason || move.needsNote) {
        setPending({ record, move });
      } else void apply(record, move);
    },
    confirm(answers: MoveAnswers) {
      if (!pending) return;
      setPending(null);
      void apply(pending.record, pending.move, answers);
    },
    cancel() {
      setPending(null);
    },
  };
}

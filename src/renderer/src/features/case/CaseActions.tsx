import {
  type CaseChangeInput,
  type CaseStatus,
  caseStatuses,
  type SupportLine,
} from '@core/case/index';
import { refusalText } from '@core/rules/index';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState } from 'react';
import type { LocalCase } from '../../db/local-records';
import { useLocale, useT } from '../../i18n/use-t';
import { useDirectoryStore } from '../../stores/directory-store';
import { useServiceConfigStore } from '../../stores/service-config-store';
import { useToastStore } from '../../stores/toast-store';
import { useApplyChange } from '../../workstation/use-apply-change';
import { usePersonName } from '../../workstation/use-person-name';
import { useWorkstation } from '../../workstation/workstation-context';
import { type BoardMove, changeForMove } from '../board/board-moves';
import { displayNumber } from '../board/CaseCard';
import { MoveDialog } from '../board/MoveDialog';
import { PriorityField } from '../priority/PriorityField';
import { assignableStaff } from './assignable-staff';

/** Status, assignment, escalation, acknowledgement and priority (by hand or by the wizard). */
export function CaseActions({ record: c }: { record: LocalCase }) {
  const t = useT();
  const { actor, db } = useWorkstation();
  const person = usePersonName();
  const municipalities = useServiceConfigStore((s) => s.config.municipalities);
  const applyChange = useApplyChange();
  const showToast = useToastStore((s) => s.show);
  const staff = useDirectoryStore((s) => s.staff);
  const ids = { status: useId(), assign: useId() };
  const [move, setMove] = useState<Extract<
    BoardMove,
    { kind: 'escalate' } | { kind: 'status' }
  > | null>(null);

  async function run(change: CaseChangeInput, done?: string) {
    const refused = await applyChange(c.id, change);
    if (refused)
      showToast(t('move.refused', { number: displayNumber(c), reason: refused }), 'error');
    else if (done) showToast(done);
  }
  function setStatus(status: CaseStatus) {
    // Waiting asks what for, resolving what was done: the same dialog as the board's.
    if (status === 'waiting' || status === 'resolved') {
      setMove({
        kind: 'status',
        status,
        needsWaitingReason: status === 'waiting',
        needsNote: status === 'resolved',
      });
    } else void run({ type: 'statusChanged', status, waitingReason: null });
  }
  const escalate = (toLine: SupportLine) =>
    setMove({ kind: 'escalate', toLine, up: toLine > c.line });
  // Only those the assignment rules let take the case (on line 2: its municipality's consultants).
  const sameLineStaff = assignableStaff(c, staff, municipalities);
  const mayTakeIt = assignableStaff(c, [actor], municipalities).length > 0;
  useServerRefusals(db, c.id, (reason) =>
    showToast(t('case.refusedByServer', { number: displayNumber(c), reason }), 'error'),
  );

  return (
    <section className="panel" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('case.actions')}</h2>
      <div className="field">
        <label htmlFor={ids.status}>{t('case.changeStatus')}</label>
        <select
          id={ids.status}
          value={c.status}
          onChange={(e) => setStatus(e.target.value as CaseStatus)}
        >
          {caseStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.assign}>{t('case.assignTo')}</label>
        <div className="row">
          <select
            id={ids.assign}
            value={c.assigneeId ?? ''}
            onChange={(e) => void run({ type: 'assigned', assigneeId: e.target.value || null })}
          >
            <option value="">{t('card.unassigned')}</option>
            {c.assigneeId &&
            !sameLineStaff.some((s) => s.id === c.assigneeId) &&
            c.assigneeId !== actor.id ? (
              <option value={c.assigneeId}>{person(c.assigneeId)}</option>
            ) : null}
            {!mayTakeIt || sameLineStaff.some((s) => s.id === actor.id) ? null : (
              <option value={actor.id}>{t('case.takeIt')}</option>
            )}
            {sameLineStaff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.displayName}
              </option>
            ))}
          </select>
          {mayTakeIt && c.assigneeId !== actor.id ? (
            <button
              type="button"
              onClick={() => void run({ type: 'assigned', assigneeId: actor.id })}
            >
              {t('case.takeIt')}
            </button>
          ) : null}
        </div>
      </div>
      <div className="row" style={{ marginBottom: '0.7rem' }}>
        {([1, 2, 3] as const)
          .filter((l) => l !== c.line)
          .map((l) => (
            <button key={l} type="button" onClick={() => escalate(l)}>
              {l > c.line ? t('case.escalate') : t('case.deescalate')}:{' '}
              {t('line.name', { line: l })}
            </button>
          ))}
      </div>
      {!c.firstResponseAt ? (
        <p>
          <button
            type="button"
            className="primary"
            onClick={() => void run({ type: 'acknowledged' })}
          >
            {t('case.acknowledge')}
          </button>
        </p>
      ) : null}
      <PriorityField
        value={c.priority}
        preset={c.priorityAnswers ?? undefined}
        onSelect={(priority) => void run({ type: 'prioritySet', priority })}
        onApply={(priority, answers) => void run({ type: 'prioritySet', priority, answers })}
      />
      {move ? (
        <MoveDialog
          number={displayNumber(c)}
          move={move}
          onCancel={() => setMove(null)}
          onConfirm={(a) => {
            const m = move;
            setMove(null);
            void run(
              m.kind === 'escalate'
                ? {
                    type: 'escalated',
                    toLine: m.toLine,
                    reason: a.reason ?? '',
                    tried: a.tried ?? '',
                  }
                : (changeForMove(m, a) ?? { type: 'statusChanged', status: m.status }),
              m.kind === 'escalate'
                ? t('move.done', {
                    number: displayNumber(c),
                    target: t('line.name', { line: m.toLine }),
                  })
                : undefined,
            );
          }}
        />
      ) : null}
    </section>
  );
}

/**
 * Tells of a change to this case the server refused after it was stored here (the case then
 * falls back to the server's version, which would otherwise look like the choice snapping
 * back). Only refusals that arrive while the case is open; earlier ones are in the history.
 */
function useServerRefusals(
  db: ReturnType<typeof useWorkstation>['db'],
  caseId: string,
  onRefused: (reason: string) => void,
): void {
  const refused = useLiveQuery(
    async () => ({
      caseId,
      items: await db.outbox
        .where('caseId')
        .equals(caseId)
        .filter((item) => item.state === 'rejected')
        .toArray(),
    }),
    [db, caseId],
  );
  // What was refused already when this case was opened (per case: the view may switch cases).
  const seen = useRef<{ caseId: string; ids: Set<string> } | null>(null);
  const report = useRef(onRefused);
  report.current = onRefused;
  const locale = useRef(useLocale());
  locale.current = useLocale();
  useEffect(() => {
    if (!refused || refused.caseId !== caseId) return;
    if (seen.current?.caseId !== caseId) {
      seen.current = { caseId, ids: new Set(refused.items.map((r) => r.mutationId)) };
      return;
    }
    for (const item of refused.items) {
      if (seen.current.ids.has(item.mutationId)) continue;
      seen.current.ids.add(item.mutationId);
      report.current(
        refusalText(
          item.rejectionRule,
          item.rejectionParams,
          item.rejectionReason ?? '',
          locale.current,
        ),
      );
    }
  }, [refused, caseId]);
}

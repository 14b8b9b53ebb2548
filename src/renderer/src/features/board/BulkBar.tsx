import {
  type CaseStatus,
  caseStatuses,
  type Priority,
  priorities,
  type SupportLine,
} from '@core/case/index';
import { priorityName } from '@core/priority/index';
import { useId, useState } from 'react';
import { RuleViolation } from '../../db/local-errors';
import type { LocalCase } from '../../db/local-records';
import { useLocale, useT } from '../../i18n/use-t';
import { useDirectoryStore } from '../../stores/directory-store';
import { ruleViolationText } from '../../workstation/use-apply-change';
import { useWorkstation } from '../../workstation/workstation-context';
import { useSearchT } from '../search/search-messages';
import { shownOrder, useBoardSelection } from './board-selection-store';
import './bulk-bar.css';
import { type BulkAction, type BulkOutcome, bulkChangeFor } from './bulk-actions';
import { displayNumber } from './CaseCard';

type Kind = BulkAction['kind'];

/**
 * Bulk actions on the selected cards: assign, status, priority, escalate (one reason for all)
 * or link to one case. Offline too: every change is stored locally and queued for the server
 * in one transaction, each case's rules checked on its own; refusals are listed per case.
 */
export function BulkBar({ byId }: { byId: ReadonlyMap<string, LocalCase> }) {
  const t = useT();
  const st = useSearchT();
  const locale = useLocale();
  const ws = useWorkstation();
  const staff = useDirectoryStore((s) => s.staff);
  const selected = useBoardSelection((s) => s.selected);
  const clear = useBoardSelection((s) => s.clear);
  const setSelection = useBoardSelection((s) => s.set);
  const ids = { kind: useId(), value: useId(), text: useId() };
  const [kind, setKind] = useState<Kind>('assign');
  const [value, setValue] = useState('me');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<BulkOutcome[] | null>(null);

  if (selected.size === 0 && outcomes === null) {
    return (
      <p className="bulk-hint">
        {st('bulk.hint')}{' '}
        <button type="button" className="link-button" onClick={() => setSelection(shownOrder())}>
          {st('bulk.selectShown')}
        </button>
      </p>
    );
  }

  const action = (): BulkAction | string => {
    switch (kind) {
      case 'assign':
        return { kind, assigneeId: value === 'me' ? ws.actor.id : value === 'none' ? null : value };
      case 'status':
        return { kind, status: (value || 'inProgress') as CaseStatus, note: text };
      case 'priority':
        return { kind, priority: (value || 'medium') as Priority, note: text };
      case 'escalate':
        return { kind, toLine: Number(value || '2') as SupportLine, reason: text };
      case 'link': {
        const number = text.trim();
        const target = [...byId.values()].find((c) => displayNumber(c) === number);
        return target ? { kind, toCaseId: target.id } : st('bulk.unknownCase', { number });
      }
    }
  };

  const apply = async () => {
    const chosen = action();
    if (typeof chosen === 'string') {
      setOutcomes([{ caseId: '', refusal: chosen }]);
      return;
    }
    setBusy(true);
    const items = [...selected].map((caseId) => ({
      caseId,
      change: bulkChangeFor(chosen, caseId),
    }));
    const applicable = items.filter((i) => i.change !== null) as {
      caseId: string;
      change: NonNullable<(typeof items)[number]['change']>;
    }[];
    const results = await ws.repo.applyLocalChanges(applicable);
    const refusals = new Map<string, string>();
    applicable.forEach((item, i) => {
      const error = results[i];
      if (error) {
        refusals.set(
          item.caseId,
          error instanceof RuleViolation ? ruleViolationText(error, locale) : error.message,
        );
      }
    });
    setOutcomes(
      items.map((i) => ({
        caseId: i.caseId,
        refusal: i.change === null ? st('bulk.notApplicable') : (refusals.get(i.caseId) ?? null),
      })),
    );
    setBusy(false);
    clear();
  };

  const valueOptions: { value: string; label: string }[] =
    kind === 'assign'
      ? [
          { value: 'me', label: st('bulk.assignMe') },
          { value: 'none', label: st('bulk.unassign') },
          ...staff.map((s) => ({ value: s.id, label: s.displayName })),
        ]
      : kind === 'status'
        ? caseStatuses
            .filter((s) => s !== 'waiting')
            .map((s) => ({ value: s, label: t(`status.${s}`) }))
        : kind === 'priority'
          ? priorities.map((p) => ({ value: p, label: priorityName(p, locale) }))
          : kind === 'escalate'
            ? (['1', '2', '3'] as const).map((l) => ({
                value: l,
                label: t('line.name', { line: l }),
              }))
            : [];
  const needsText =
    kind === 'escalate' || kind === 'link' || kind === 'status' || kind === 'priority';
  const textLabel =
    kind === 'escalate' ? st('bulk.reason') : kind === 'link' ? st('bulk.linkTo') : st('bulk.note');
  const refused = outcomes?.filter((o) => o.refusal !== null) ?? [];

  return (
    <section className="bulk-bar" aria-label={st('bulk.label')} data-testid="bulk-bar">
      {selected.size > 0 ? (
        <form
          className="bulk-bar__form"
          onSubmit={(e) => {
            e.preventDefault();
            void apply();
          }}
        >
          <strong data-testid="bulk-count">{st('bulk.selected', { count: selected.size })}</strong>
          <div className="field">
            <label htmlFor={ids.kind}>{st('bulk.action')}</label>
            <select
              id={ids.kind}
              value={kind}
              onChange={(e) => {
                const next = e.target.value as Kind;
                setKind(next);
                setValue(
                  next === 'assign'
                    ? 'me'
                    : next === 'escalate'
                      ? '2'
                      : next === 'priority'
                        ? 'high'
                        : next === 'status'
                          ? 'inProgress'
                          : '',
                );
              }}
            >
              <option value="assign">{st('bulk.assign')}</option>
              <option value="status">{st('bulk.status')}</option>
              <option value="priority">{st('bulk.priority')}</option>
              <option value="escalate">{st('bulk.escalate')}</option>
              <option value="link">{st('bulk.link')}</option>
            </select>
          </div>
          {valueOptions.length > 0 ? (
            <div className="field">
              <label htmlFor={ids.value}>
                {kind === 'escalate' ? st('bulk.toLine') : st('bulk.value')}
              </label>
              <select id={ids.value} value={value} onChange={(e) => setValue(e.target.value)}>
                {valueOptions.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {needsText ? (
            <div className="field">
              <label htmlFor={ids.text}>{textLabel}</label>
              <input
                id={ids.text}
                value={text}
                required={kind === 'escalate' || kind === 'link'}
                onChange={(e) => setText(e.target.value)}
                data-testid="bulk-text"
              />
            </div>
          ) : null}
          <button type="submit" className="primary" disabled={busy}>
            {st('bulk.apply', { count: selected.size })}
          </button>
          <button type="button" onClick={clear}>
            {st('bulk.clear')}
          </button>
        </form>
      ) : null}
      {outcomes ? (
        <div role="status" data-testid="bulk-result">
          <p>
            {st('bulk.done', { ok: outcomes.length - refused.length, refused: refused.length })}{' '}
            <button type="button" className="link-button" onClick={() => setOutcomes(null)}>
              {t('common.close')}
            </button>
          </p>
          {refused.length > 0 ? (
            <ul className="bulk-bar__refusals">
              {refused.map((o) => {
                const c = byId.get(o.caseId);
                return (
                  <li key={o.caseId || 'none'}>
                    {c
                      ? st('bulk.refusedCase', {
                          number: displayNumber(c),
                          reason: o.refusal ?? '',
                        })
                      : o.refusal}
                  </li>
                );
              })}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

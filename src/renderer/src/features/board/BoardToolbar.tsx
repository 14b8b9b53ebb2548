import { type Priority, priorities } from '@core/case/index';
import { priorityName } from '@core/priority/index';
import { useId } from 'react';
import { useLocale, useT } from '../../i18n/use-t';
import { useServiceConfigStore } from '../../stores/service-config-store';
import { useBoardFilterStore } from './board-filter-store';
import type { BoardSlaCounts } from './board-selectors';

/**
 * Filters (mine, municipality, priority, free text), SLA sorting and closed cases. With SLA
 * sorting, what can still be saved comes first in each column and the breached cases after,
 * so how many are at risk and breached is said here.
 */
export function BoardToolbar({
  shown,
  total,
  slaCounts = null,
}: {
  shown: number;
  total: number;
  slaCounts?: BoardSlaCounts | null;
}) {
  const t = useT();
  const locale = useLocale();
  const ids = { text: useId(), mun: useId(), prio: useId() };
  const f = useBoardFilterStore();
  const municipalities = useServiceConfigStore((s) => s.config.municipalities);
  return (
    <search className="board-toolbar" aria-label={t('board.filters')}>
      <div className="field">
        <label htmlFor={ids.text}>{t('filter.text')}</label>
        <input
          id={ids.text}
          type="search"
          value={f.text}
          onChange={(e) => f.update({ text: e.target.value })}
          data-testid="filter-text"
        />
      </div>
      <div className="field">
        <label htmlFor={ids.mun}>{t('filter.municipality')}</label>
        <select
          id={ids.mun}
          value={f.municipalityId ?? ''}
          onChange={(e) => f.update({ municipalityId: e.target.value || null })}
        >
          <option value="">{t('filter.all')}</option>
          {municipalities.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.prio}>{t('filter.priority')}</label>
        <select
          id={ids.prio}
          value={f.priority ?? ''}
          onChange={(e) => f.update({ priority: (e.target.value || null) as Priority | null })}
        >
          <option value="">{t('filter.all')}</option>
          {priorities.map((p) => (
            <option key={p} value={p}>
              {priorityName(p, locale)}
            </option>
          ))}
        </select>
      </div>
      <label className="field field--inline">
        <input
          type="checkbox"
          checked={f.mine}
          onChange={(e) => f.update({ mine: e.target.checked })}
        />
        {t('filter.mine')}
      </label>
      <label className="field field--inline">
        <input
          type="checkbox"
          checked={f.sortBySla}
          onChange={(e) => f.update({ sortBySla: e.target.checked })}
        />
        {t('filter.sortBySla')}
      </label>
      <label className="field field--inline">
        <input
          type="checkbox"
          checked={f.showClosed}
          onChange={(e) => f.update({ showClosed: e.target.checked })}
        />
        {t('board.showClosed')}
      </label>
      {slaCounts ? (
        <span className="board-toolbar__sla" data-testid="board-sla-counts">
          {t('filter.slaCounts', { ...slaCounts })}
        </span>
      ) : null}
      <span className="board-toolbar__count" role="status">
        {t('board.count', { shown, total })}
      </span>
    </search>
  );
}

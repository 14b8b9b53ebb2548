import type { ViewFilters } from '@core/search/index';
import { mayEditView, viewsFor } from '@core/search/index';
import { useEffect, useId, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { Dialog } from '../../workstation/Dialog';
import { useWorkstation } from '../../workstation/workstation-context';
import { useSearchT } from '../search/search-messages';
import { currentFilter, useBoardFilterStore } from './board-filter-store';
import { useSavedViews } from './saved-views-store';

/** The board's filters now, as a view's filters. */
function filtersOfBoard(
  f: ReturnType<typeof currentFilter>,
  base: ViewFilters | null,
): ViewFilters {
  return {
    ...(base ?? {}),
    ...(f.mine ? { assignees: ['mine'] } : {}),
    ...(f.municipalityId ? { municipalities: [f.municipalityId] } : {}),
    ...(f.priority ? { priorities: [f.priority] } : {}),
    ...(f.text.trim() ? { text: f.text.trim() } : {}),
    showClosed: f.showClosed,
    sortBySla: f.sortBySla,
  };
}

/**
 * Saved views as tabs above the board: the plain board, then the shared views, then the
 * user's own. A tab shows the board through its filters; "Lagre visning" keeps the filters of
 * the moment under a name, for oneself or for the team.
 */
export function ViewTabs() {
  const t = useT();
  const st = useSearchT();
  const ws = useWorkstation();
  const { views, activeId, select, load, save, remove } = useSavedViews();
  const updateBoard = useBoardFilterStore((s) => s.update);
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = { name: useId(), shared: useId() };

  useEffect(() => {
    void load(ws.api).catch(() => {});
  }, [load, ws.api]);

  const shown = viewsFor(views, ws.actor.id);
  const open = (id: string | null) => {
    select(id);
    const view = shown.find((v) => v.id === id);
    // The board's own controls show the view's simple filters, so they can be read and changed.
    updateBoard({
      mine: view?.filters.assignees?.includes('mine') ?? false,
      municipalityId: view?.filters.municipalities?.[0] ?? null,
      priority: view?.filters.priorities?.length === 1 ? view.filters.priorities[0]! : null,
      text: view?.filters.text ?? '',
      ...(view?.filters.showClosed !== undefined ? { showClosed: view.filters.showClosed } : {}),
      ...(view?.filters.sortBySla !== undefined ? { sortBySla: view.filters.sortBySla } : {}),
    });
  };
  const active = shown.find((v) => v.id === activeId) ?? null;

  return (
    <div className="view-tabs">
      <div role="tablist" aria-label={st('views.label')} className="view-tabs__list">
        <button
          type="button"
          role="tab"
          aria-selected={activeId === null}
          onClick={() => open(null)}
          data-testid="view-tab"
        >
          {st('views.all')}
        </button>
        {shown.map((v) => (
          <button
            key={v.id}
            type="button"
            role="tab"
            aria-selected={activeId === v.id}
            onClick={() => open(v.id)}
            data-testid="view-tab"
          >
            {v.name}
            {v.scope === 'shared' ? (
              <span className="view-tabs__shared"> ({st('views.shared')})</span>
            ) : null}
          </button>
        ))}
      </div>
      <button type="button" onClick={() => setSaving(true)} data-testid="save-view">
        {st('views.save')}
      </button>
      {active && mayEditView(active, ws.actor) ? (
        <button
          type="button"
          onClick={() =>
            void remove(ws.api, active.id).catch(() => setError(st('views.needsServer')))
          }
        >
          {st('views.delete', { name: active.name })}
        </button>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
      {saving ? (
        <Dialog title={st('views.save')} onClose={() => setSaving(false)}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const filters = filtersOfBoard(
                currentFilter(useBoardFilterStore.getState()),
                active?.filters ?? null,
              );
              void save(ws.api, {
                id: crypto.randomUUID(),
                name: name.trim(),
                scope: shared ? 'shared' : 'personal',
                filters,
              })
                .then(() => {
                  setSaving(false);
                  setName('');
                  setError(null);
                })
                .catch(() => setError(st('views.needsServer')));
            }}
          >
            <div className="field">
              <label htmlFor={ids.name}>{st('views.name')}</label>
              <input
                id={ids.name}
                value={name}
                required
                maxLength={60}
                onChange={(e) => setName(e.target.value)}
              />
            </div>
            <div className="field field--checkbox">
              <input
                id={ids.shared}
                type="checkbox"
                checked={shared}
                onChange={(e) => setShared(e.target.checked)}
              />
              <label htmlFor={ids.shared}>{st('views.shareWithTeam')}</label>
            </div>
            {error ? <p role="alert">{error}</p> : null}
            <div className="dialog__actions">
              <button type="button" onClick={() => setSaving(false)}>
                {t('common.cancel')}
              </button>
              <button type="submit" className="primary">
                {st('views.save')}
              </button>
            </div>
          </form>
        </Dialog>
      ) : null}
    </div>
  );
}

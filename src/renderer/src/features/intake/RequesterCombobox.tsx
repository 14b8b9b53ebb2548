import type { Requester } from '@core/case/index';
import { type KeyboardEvent, useDeferredValue, useId, useState } from 'react';
import { useCaseSearchIndex } from '../../db/case-search-index';
import { useT } from '../../i18n/use-t';
import { useServiceConfigStore } from '../../stores/service-config-store';
import { useWorkstation } from '../../workstation/workstation-context';

/**
 * Finds a requester from earlier cases by name (ARIA combobox: arrows to choose, Enter to
 * take, Escape to close). Taking one fills the requester fields.
 */
export function RequesterCombobox({ onPick }: { onPick: (r: Requester) => void }) {
  const t = useT();
  const { db } = useWorkstation();
  const municipalities = useServiceConfigStore((s) => s.config.municipalities);
  const inputId = useId();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const deferred = useDeferredValue(query);
  const found = useCaseSearchIndex(db).findRequesters(deferred);
  const expanded = open && found.length > 0;
  const municipalityName = (id: string) => municipalities.find((m) => m.id === id)?.name ?? id;

  function pick(r: Requester) {
    onPick(r);
    setOpen(false);
    setQuery('');
  }
  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, found.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && expanded) {
      e.preventDefault();
      const r = found[active];
      if (r) pick(r);
    } else if (e.key === 'Escape') setOpen(false);
  }

  return (
    <div className="field">
      <label htmlFor={inputId}>{t('intake.findRequester')}</label>
      <input
        id={inputId}
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded ? `${listId}-${active}` : undefined}
        autoComplete="off"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <div
        id={listId}
        role="listbox"
        aria-label={t('intake.suggestions')}
        className="suggestions"
        hidden={!expanded}
      >
        {found.map((r, i) => (
          <div
            key={`${r.name}|${r.municipalityId}`}
            id={`${listId}-${i}`}
            role="option"
            tabIndex={-1}
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(r);
            }}
          >
            {r.name} — {municipalityName(r.municipalityId)}
            {r.unit ? `, ${r.unit}` : ''}
            {r.contact ? ` (${r.contact})` : ''}
          </div>
        ))}
      </div>
    </div>
  );
}

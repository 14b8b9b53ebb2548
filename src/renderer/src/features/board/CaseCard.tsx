import { priorityName } from '@core/priority/index';
import type { SlaState } from '@core/sla/index';
import { useDraggable } from '@dnd-kit/core';
import { type MouseEvent, memo } from 'react';
import type { LocalCase } from '../../db/local-records';
import { useLocale, useT } from '../../i18n/use-t';
import { routeHash } from '../../stores/route-store';
import { useSearchT } from '../search/search-messages';
import { useBoardSelection } from './board-selection-store';
import { SlaBadge } from './SlaBadge';

interface CaseCardProps {
  record: LocalCase;
  sla: SlaState | null;
  municipality: string;
  assignee: string | null;
  /** Rendered inside the drag overlay (not draggable itself). */
  overlay?: boolean;
}

/** The number shown on a card: the server's, or the provisional one (marked) until synced. */
export function displayNumber(c: LocalCase): string {
  return c.number ?? c.provisionalNumber ?? '';
}

/**
 * Whether a click on a card (not on its link) should open the case: a plain left click that
 * did not end a text selection. A click after a drag never gets here (dnd-kit stops it).
 */
export function clickOpensCard(
  e: Pick<
    MouseEvent,
    'button' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'defaultPrevented'
  >,
  insideLink: boolean,
  selectedText: string,
): boolean {
  if (e.defaultPrevented || insideLink || e.button !== 0) return false;
  if (e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return false;
  return selectedText === '';
}

/**
 * One case on the board. The whole card opens the case with the mouse; the title link is the
 * card's one tab stop: Enter opens the case, Space picks it up to move it with the arrow keys
 * (dnd-kit keyboard sensor). The card itself is no second target, so keyboard and screen
 * reader users meet one control per case.
 */
export const CaseCard = memo(function CaseCard(props: CaseCardProps) {
  const { record: c, sla, municipality, assignee, overlay } = props;
  const t = useT();
  const locale = useLocale();
  const { setNodeRef, setActivatorNodeRef, listeners, attributes, isDragging } = useDraggable({
    id: c.id,
    disabled: overlay,
  });
  const number = displayNumber(c);
  const st = useSearchT();
  const selected = useBoardSelection((s) => s.selected.has(c.id));
  const { role: _role, tabIndex: _tab, ...a11y } = attributes;
  const hash = routeHash({ name: 'case', caseId: c.id });
  const open = (e: MouseEvent<HTMLElement>) => {
    // Ctrl/⌘-click picks the card for bulk actions, Shift-click every card up to it.
    if (e.button === 0 && (e.ctrlKey || e.metaKey || e.shiftKey) && !e.altKey) {
      e.preventDefault();
      if (e.shiftKey) useBoardSelection.getState().extendTo(c.id);
      else useBoardSelection.getState().toggle(c.id);
      return;
    }
    const insideLink = (e.target as Element).closest('a, button') !== null;
    if (clickOpensCard(e, insideLink, globalThis.getSelection?.()?.toString() ?? '')) {
      globalThis.location.hash = hash;
    }
  };
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the title link is the card's keyboard target (Enter opens the case); a second tab stop per card would only repeat it
    <article
      ref={overlay ? undefined : setNodeRef}
      className={`card card--${c.priority}${isDragging ? ' card--dragging' : ''}${overlay ? ' card--overlay' : ''}${selected && !overlay ? ' card--selected' : ''}`}
      data-selected={selected ? 'true' : undefined}
      data-testid="case-card"
      data-case-id={c.id}
      {...(overlay ? {} : listeners)}
      onClick={overlay ? undefined : open}
    >
      <div className="card__top">
        <span
          className={`card__number${c.number ? '' : ' card__number--provisional'}`}
          title={c.number ? undefined : t('card.provisional')}
        >
          {number}
          {c.number ? null : <span className="visually-hidden"> ({t('card.provisional')})</span>}
        </span>
        <span className={`priority priority--${c.priority}`}>
          {priorityName(c.priority, locale)}
        </span>
      </div>
      <div className="card__title">
        <a
          href={hash}
          ref={overlay ? undefined : setActivatorNodeRef}
          {...(overlay ? {} : a11y)}
          aria-roledescription={undefined}
          aria-label={`${t('card.open', { number, title: c.title })}${selected ? ` (${st('card.selected')})` : ''}`}
          aria-keyshortcuts="X"
          onKeyDown={(e) => {
            // X picks the card for bulk actions (Shift+X: every card up to it).
            if (e.key.toLowerCase() !== 'x' || e.ctrlKey || e.metaKey || e.altKey) return;
            e.preventDefault();
            if (e.shiftKey) useBoardSelection.getState().extendTo(c.id);
            else useBoardSelection.getState().toggle(c.id);
          }}
          onClick={(e) => {
            // The link's own modified clicks (new tab, new window) become selection on the board.
            if (e.ctrlKey || e.metaKey || e.shiftKey) e.preventDefault();
          }}
        >
          {c.title}
        </a>
      </div>
      <div className="card__meta">
        <SlaBadge sla={sla} />
        {c.status === 'reopened' ? <span>{t('status.reopened')}</span> : null}
        {c.requester.noNetwork ? <span className="notice">{t('card.noNetwork')}</span> : null}
      </div>
      <div className="card__meta">
        <span>{municipality}</span>
        <span>·</span>
        <span>{assignee ?? t('card.unassigned')}</span>
        {c.pendingCount > 0 ? (
          <span className="card__unsynced" data-testid="unsynced">
            <span aria-hidden="true">⟳ </span>
            {t('card.unsynced')}
          </span>
        ) : null}
        {c.rejectedCount > 0 ? (
          <span className="card__rejected">
            <span aria-hidden="true">✖ </span>
            {t('card.rejected')}
          </span>
        ) : null}
      </div>
    </article>
  );
});

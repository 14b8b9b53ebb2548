import { useDraggable } from '@dnd-kit/core';
import { memo } from 'react';
import { priorityLabel } from '../../../../core/priority/index';
import type { SlaState } from '../../../../core/sla/index';
import type { LocalCase } from '../../db/local-records';
import { useLocale, useT } from '../../i18n/use-t';
import { routeHash } from '../../stores/route-store';
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
 * One case on the board. The title link is the card's one tab stop: Enter opens the case,
 * Space picks it up to move it with the arrow keys (dnd-kit keyboard sensor).
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
  const { role: _role, tabIndex: _tab, ...a11y } = attributes;
  return (
    <article
      ref={overlay ? undefined : setNodeRef}
      className={`card card--${c.priority}${isDragging ? ' card--dragging' : ''}${overlay ? ' card--overlay' : ''}`}
      data-testid="case-card"
      data-case-id={c.id}
      {...(overlay ? {} : listeners)}
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
          {priorityLabel(c.priority, locale)}
        </span>
      </div>
      <div className="card__title">
        <a
          href={routeHash({ name: 'case', caseId: c.id })}
          ref={overlay ? undefined : setActivatorNodeRef}
          {...(overlay ? {} : a11y)}
          aria-roledescription={undefined}
          aria-label={t('card.open', { number, title: c.title })}
        >
          {c.title}
        </a>
      </div>
      <div className="card__meta">
        <SlaBadge sla={sla} />
        {c.status === 'reopened' ? <span>{t('status.reopened')}</span> : null}
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

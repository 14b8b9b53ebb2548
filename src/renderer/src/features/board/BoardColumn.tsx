import type { SupportLine } from '@core/case/index';
import type { SlaState } from '@core/sla/index';
import { useDroppable } from '@dnd-kit/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { LocalCase } from '../../db/local-records';
import { useT } from '../../i18n/use-t';
import { dropId } from './board-moves';
import type { BoardColumn as Column } from './board-selectors';
import { CaseCard } from './CaseCard';

interface BoardColumnProps {
  line: SupportLine;
  column: Column;
  cases: LocalCase[];
  slaOf: (c: LocalCase) => SlaState | null;
  municipalityName: (id: string) => string;
  assigneeName: (id: string | null) => string | null;
  /** The rules refuse the case being dragged here (shown while dragging). */
  refused: boolean;
}

const CARD_HEIGHT = 104;

/** One status column of one lane; only the cards in view are rendered (10,000 stay smooth). */
export function BoardColumn(props: BoardColumnProps) {
  const { line, column, cases, slaOf, municipalityName, assigneeName, refused } = props;
  const t = useT();
  const { setNodeRef, isOver } = useDroppable({ id: dropId({ line, column }) });
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: cases.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => CARD_HEIGHT,
    overscan: 4,
    getItemKey: (i) => cases[i]!.id,
  });
  const titleId = `col-${line}-${column}`;
  const status = t(`status.${column}`);
  return (
    <section
      ref={setNodeRef}
      className={`column${isOver ? (refused ? ' column--refused' : ' column--over') : ''}`}
      aria-labelledby={titleId}
      data-testid={`column-${line}-${column}`}
    >
      <h3 className="column__title" id={titleId}>
        {t('board.column', { status, count: cases.length })}
      </h3>
      <div className="column__scroller" ref={scroller}>
        {cases.length === 0 ? <p className="column__empty">{t('board.empty')}</p> : null}
        <ul
          style={{
            height: virtualizer.getTotalSize(),
            position: 'relative',
            margin: 0,
            padding: 0,
          }}
          aria-label={status}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const c = cases[item.index]!;
            return (
              <li
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                style={{
                  listStyle: 'none',
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  width: '100%',
                  transform: `translateY(${item.start}px)`,
                  paddingTop: '0.35rem',
                }}
              >
                <CaseCard
                  record={c}
                  sla={slaOf(c)}
                  municipality={municipalityName(c.requester.municipalityId)}
                  assignee={assigneeName(c.assigneeId)}
                />
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}

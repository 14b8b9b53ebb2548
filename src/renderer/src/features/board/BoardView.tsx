import { type SupportLine, supportLines } from '@core/case/index';
import {
  type Announcements,
  type CollisionDetection,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { useEffect, useMemo, useState } from 'react';
import type { LocalCase } from '../../db/local-records';
import { useT } from '../../i18n/use-t';
import { useServiceConfigStore } from '../../stores/service-config-store';
import { mark, marks } from '../../workstation/performance-marks';
import { usePersonName } from '../../workstation/use-person-name';
import { BoardColumn } from './BoardColumn';
import { BoardToolbar } from './BoardToolbar';
import { BulkBar } from './BulkBar';
import { useBoardFilterStore } from './board-filter-store';
import { parseDropId } from './board-moves';
import { provideShownOrder } from './board-selection-store';
import { boardColumns } from './board-selectors';
import { CaseCard, displayNumber } from './CaseCard';
import { columnKeyboardCoordinates } from './keyboard-coordinates';
import { MoveDialog } from './MoveDialog';
import { useBoardData } from './use-board-data';
import { useBoardMoves } from './use-board-moves';
import { ViewTabs } from './ViewTabs';

// The pointer decides where a mouse drop lands; the keyboard has no pointer, so rectangles do.
const collision: CollisionDetection = (args) =>
  args.pointerCoordinates ? pointerWithin(args) : rectIntersection(args);

/** The kanban: one lane per line, one column per status, drag and drop or keyboard moves. */
export default function BoardView() {
  const t = useT();
  const data = useBoardData();
  const showClosed = useBoardFilterStore((s) => s.showClosed);
  const municipalities = useServiceConfigStore((s) => s.config.municipalities);
  const [active, setActive] = useState<LocalCase | null>(null);
  const moves = useBoardMoves();
  useEffect(() => {
    if (!data.loading) mark(marks.boardInteractive);
  }, [data.loading]);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: columnKeyboardCoordinates,
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
    }),
  );

  const byId = data.byId;
  const municipalityName = useMemo(() => {
    const names = new Map(municipalities.map((m) => [m.id, m.name]));
    return (id: string) => names.get(id) ?? id;
  }, [municipalities]);
  const assigneeName = usePersonName();

  const targetText = (id: string | number | undefined) => {
    const target = id === undefined ? null : parseDropId(String(id));
    return target
      ? t('dnd.target', { line: target.line, status: t(`status.${target.column}`) })
      : '';
  };
  const numberOf = (id: string | number) => {
    const c = byId.get(String(id));
    return c ? displayNumber(c) : '';
  };
  const announcements: Announcements = {
    onDragStart: ({ active: a }) => t('dnd.pickedUp', { number: numberOf(a.id) }),
    onDragOver: ({ active: a, over }) =>
      over
        ? t('dnd.over', { number: numberOf(a.id), target: targetText(over.id) })
        : t('dnd.notOver', { number: numberOf(a.id) }),
    onDragEnd: ({ active: a, over }) =>
      over
        ? t('dnd.dropped', { number: numberOf(a.id), target: targetText(over.id) })
        : t('dnd.cancelled', { number: numberOf(a.id) }),
    onDragCancel: ({ active: a }) => t('dnd.cancelled', { number: numberOf(a.id) }),
  };

  const columns = boardColumns.filter((c) => showClosed || c !== 'closed');
  // Shift-click ranges and "select all shown" follow the board's order: lane, column, card.
  provideShownOrder(() =>
    supportLines.flatMap((line) =>
      columns.flatMap((column) => data.groups[line][column].map((c) => c.id)),
    ),
  );
  const refusedTargets = active ? moves.refusedTargets(active) : new Set<string>();

  return (
    <div className="board">
      <h1 className="visually-hidden">{t('board.title')}</h1>
      <ViewTabs />
      <BoardToolbar shown={data.shown} total={data.total} slaCounts={data.slaCounts} />
      <BulkBar byId={byId} />
      <DndContext
        sensors={sensors}
        collisionDetection={collision}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: t('card.moveHint') },
        }}
        onDragStart={(e: DragStartEvent) => setActive(byId.get(String(e.active.id)) ?? null)}
        onDragCancel={() => setActive(null)}
        onDragEnd={(e: DragEndEvent) => {
          setActive(null);
          const c = byId.get(String(e.active.id));
          const target = e.over ? parseDropId(String(e.over.id)) : null;
          if (c && target) moves.drop(c, target);
        }}
      >
        {supportLines.map((line: SupportLine) => (
          <section
            key={line}
            className="lane"
            aria-labelledby={`lane-${line}`}
            data-testid={`lane-${line}`}
          >
            <h2 className="lane__title" id={`lane-${line}`}>
              {t('board.lane', { line, role: t(`line.${line}.role`) })}
            </h2>
            <div className="lane__columns" style={{ ['--columns' as string]: columns.length }}>
              {columns.map((column) => (
                <BoardColumn
                  key={column}
                  line={line}
                  column={column}
                  cases={data.groups[line][column]}
                  slaOf={data.slaOf}
                  municipalityName={municipalityName}
                  assigneeName={assigneeName}
                  refused={refusedTargets.has(`${line}:${column}`)}
                />
              ))}
            </div>
          </section>
        ))}
        <DragOverlay dropAnimation={null}>
          {active ? (
            <CaseCard
              record={active}
              sla={data.slaOf(active)}
              municipality={municipalityName(active.requester.municipalityId)}
              assignee={assigneeName(active.assigneeId)}
              overlay
            />
          ) : null}
        </DragOverlay>
      </DndContext>
      {moves.pending ? (
        <MoveDialog
          number={displayNumber(moves.pending.record)}
          move={moves.pending.move}
          onConfirm={moves.confirm}
          onCancel={moves.cancel}
        />
      ) : null}
    </div>
  );
}

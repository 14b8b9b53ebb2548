import type { KeyboardCoordinateGetter } from '@dnd-kit/core';

/**
 * Arrow keys move a picked-up card from column to column (left/right) and lane to lane
 * (up/down), instead of dnd-kit's default of a few pixels per key press, so a keyboard user
 * makes exactly the moves a mouse user makes.
 */
export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const { droppableRects, collisionRect } = context;
  if (!collisionRect) return undefined;
  const key = event.code;
  if (!['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(key)) return undefined;
  event.preventDefault();
  const cx = collisionRect.left + collisionRect.width / 2;
  const cy = collisionRect.top + collisionRect.height / 2;
  let best: { x: number; y: number; score: number } | null = null;
  for (const rect of droppableRects.values()) {
    if (!rect) continue;
    const x = rect.left + rect.width / 2;
    const top = rect.top + 8;
    const dx = x - cx;
    // Compare against the column's top part, where a dropped card lands.
    const dy = top + collisionRect.height / 2 - cy;
    const horizontal = key === 'ArrowLeft' || key === 'ArrowRight';
    const inDirection =
      (key === 'ArrowRight' && dx > 20) ||
      (key === 'ArrowLeft' && dx < -20) ||
      (key === 'ArrowDown' && rect.top > cy + 10) ||
      (key === 'ArrowUp' && rect.top + rect.height < cy - 10);
    if (!inDirection) continue;
    // Prefer the same row (lane) for left/right and the same column for up/down.
    const score = horizontal ? Math.abs(dx) + Math.abs(dy) * 4 : Math.abs(dy) + Math.abs(dx) * 4;
    if (!best || score < best.score) {
      best = { x: x - collisionRect.width / 2, y: top, score };
    }
  }
  return best ? { x: best.x, y: best.y } : undefined;
};

import type { ReactElement } from 'react';
import { ResponsiveContainer } from 'recharts';

export const ink = '#14202e';
export const gridStroke = '#d5dbe2';
export const tick = (fontSize = 13) => ({ fill: ink, fontSize });
/** Margins of a chart with horizontal bars, leaving `right` room for the labels. */
export const barsMargin = (right: number) => ({ left: 8, right, top: 4, bottom: 4 });

/**
 * The frame every chart is drawn in: hidden from screen readers (the table says it all).
 * Whatever is drawn inside must not take keyboard focus either (a keyboard user would land on
 * something a screen reader hides: axe `aria-hidden-focus`), so every chart is drawn with
 * `accessibilityLayer={false}` (Recharts 3 makes the chart surface focusable by default).
 */
export function ChartFrame(props: { height: number; children: ReactElement }) {
  return (
    <div aria-hidden="true" className="sla-chart">
      <ResponsiveContainer width="100%" height={props.height}>
        {props.children}
      </ResponsiveContainer>
    </div>
  );
}

import { type Priority, priorities } from '@core/case/index';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, XAxis, YAxis } from 'recharts';
import { barsMargin, ChartFrame, gridStroke, ink, tick } from './ChartFrame';
import { priorityFill } from './ChartPatterns';
import type { SlaTranslate } from './sla-board-messages';

export type PriorityStackRow = { name: string; total: number } & Record<Priority, number>;

/** Horizontal bars stacked by priority (patterns), the total written after each bar. */
export function PriorityStackChart(props: {
  data: PriorityStackRow[];
  stackId: string;
  height: number;
  nameWidth: number;
  t: SlaTranslate;
  fontSize?: number;
}) {
  const { t, fontSize } = props;
  return (
    <ChartFrame height={props.height}>
      <BarChart
        data={props.data}
        layout="vertical"
        margin={barsMargin(40)}
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} stroke={gridStroke} />
        <XAxis type="number" allowDecimals={false} tick={tick(fontSize)} />
        <YAxis type="category" dataKey="name" width={props.nameWidth} tick={tick(fontSize)} />
        <Legend wrapperStyle={{ fontSize: fontSize ?? 13 }} itemSorter={null} />
        {priorities.map((p, i) => (
          <Bar
            key={p}
            dataKey={p}
            name={t(`priority.${p}`)}
            stackId={props.stackId}
            fill={priorityFill[p]}
            stroke={ink}
            strokeWidth={0.5}
            isAnimationActive={false}
          >
            {i === priorities.length - 1 ? (
              <LabelList
                dataKey="total"
                position="right"
                fill={ink}
                fontWeight={700}
                fontSize={fontSize ?? 13}
              />
            ) : null}
          </Bar>
        ))}
      </BarChart>
    </ChartFrame>
  );
}

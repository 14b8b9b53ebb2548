import { type Priority, priorities, type SupportLine, supportLines } from '@core/case/index';
import type {
  AgentLoad,
  ClockCompliance,
  ComplianceCell,
  OpenCasesFigure,
} from '@core/reports/index';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, XAxis, YAxis } from 'recharts';
import { barsMargin, ChartFrame, gridStroke, ink, tick } from './ChartFrame';
import { clockFill } from './ChartPatterns';
import { PriorityStackChart } from './PriorityStackChart';
import type { SlaTranslate } from './sla-board-messages';

/** '67 %' (nn/nb: non-breaking space before %), or an en dash for no data. */
export function percentText(ratio: number | null, t: SlaTranslate): string {
  return ratio === null ? t('board.noData') : `${Math.round(ratio * 100)}\u00a0%`;
}

export function complianceText(c: ComplianceCell, t: SlaTranslate): string {
  return c.ratio === null
    ? t('board.noData')
    : t('compliance.value', { met: c.met, total: c.total, percent: percentText(c.ratio, t) });
}

/** Open cases: one stacked bar per line, a patterned segment per priority, totals labelled. */
export function OpenCasesChart(props: {
  figure: OpenCasesFigure;
  t: SlaTranslate;
  height?: number;
  fontSize?: number;
}) {
  const { figure, t } = props;
  const data = supportLines.map((line) => ({
    name: t('line.n', { line }),
    total: figure.byLine[line],
    ...figure.cells[line],
  }));
  return (
    <PriorityStackChart
      data={data}
      stackId="open"
      height={props.height ?? 200}
      nameWidth={78}
      t={t}
      fontSize={props.fontSize}
    />
  );
}

/** Open cases per person, stacked by priority (patterns), the total written on. */
export function AgentLoadChart(props: {
  agents: AgentLoad[];
  nameOf: (id: string | null) => string;
  t: SlaTranslate;
  fontSize?: number;
}) {
  const { agents, nameOf, t } = props;
  const data = agents
    .slice(0, 12)
    .map((a) => ({ name: nameOf(a.assigneeId), total: a.open, ...a.byPriority }));
  return (
    <PriorityStackChart
      data={data}
      stackId="load"
      height={Math.max(120, data.length * 30 + 50)}
      nameWidth={120}
      t={t}
      fontSize={props.fontSize}
    />
  );
}

const percentLabel = (ratio: number | null) =>
  ratio === null ? '–' : `${Math.round(ratio * 100)}\u00a0%`;

/** Compliance of both clocks per priority or per line, in per cent, with the share written on. */
export function ComplianceChart(props: {
  response: ClockCompliance;
  resolution: ClockCompliance;
  by: 'priority' | 'line';
  t: SlaTranslate;
  height?: number;
  fontSize?: number;
}) {
  const { response, resolution, by, t } = props;
  const fontSize = props.fontSize ?? 13;
  const keys: ReadonlyArray<Priority | SupportLine> = by === 'priority' ? priorities : supportLines;
  const cellOf = (clock: ClockCompliance, k: Priority | SupportLine) =>
    by === 'priority' ? clock.byPriority[k as Priority] : clock.byLine[k as SupportLine];
  const data = keys.map((k) => {
    const res = cellOf(response, k).ratio;
    const sol = cellOf(resolution, k).ratio;
    return {
      name: by === 'priority' ? t(`priority.${k as Priority}`) : t('line.n', { line: k }),
      response: res === null ? 0 : Math.round(res * 100),
      resolution: sol === null ? 0 : Math.round(sol * 100),
      responseLabel: percentLabel(res),
      resolutionLabel: percentLabel(sol),
    };
  });
  return (
    <ChartFrame height={props.height ?? 220}>
      <BarChart
        data={data}
        margin={{ left: 0, right: 8, top: 26, bottom: 4 }}
        barGap={4}
        accessibilityLayer={false}
      >
        <CartesianGrid vertical={false} stroke={gridStroke} />
        <XAxis dataKey="name" tick={tick(props.fontSize)} />
        <YAxis
          domain={[0, 100]}
          ticks={[0, 50, 100]}
          unit={'\u00a0%'}
          width={fontSize * 4 + 4}
          tick={tick(props.fontSize)}
        />
        <Legend wrapperStyle={{ fontSize }} itemSorter={null} />
        {(['response', 'resolution'] as const).map((clock) => (
          <Bar
            key={clock}
            dataKey={clock}
            name={t(`clock.${clock}`)}
            fill={clockFill[clock]}
            {...(clock === 'resolution' ? { stroke: '#146c2e' } : {})}
            isAnimationActive={false}
          >
            <LabelList
              dataKey={`${clock}Label`}
              position="top"
              fill={ink}
              fontSize={fontSize - 1}
            />
          </Bar>
        ))}
      </BarChart>
    </ChartFrame>
  );
}

/** Hours spent per line (worklogs), the hours written on each bar. */
export function WorklogChart(props: {
  minutes: Record<SupportLine, number>;
  t: SlaTranslate;
  fontSize?: number;
}) {
  const { minutes, t } = props;
  const data = supportLines.map((line) => ({
    name: t('line.n', { line }),
    hours: Math.round((minutes[line] / 60) * 10) / 10,
  }));
  return (
    <ChartFrame height={170}>
      <BarChart data={data} layout="vertical" margin={barsMargin(56)} accessibilityLayer={false}>
        <CartesianGrid horizontal={false} stroke={gridStroke} />
        <XAxis type="number" tick={tick(props.fontSize)} unit={`\u00a0${t('unit.hoursShort')}`} />
        <YAxis type="category" dataKey="name" width={78} tick={tick(props.fontSize)} />
        <Bar dataKey="hours" name={t('col.hours')} fill="#0b5cad" isAnimationActive={false}>
          <LabelList
            dataKey="hours"
            position="right"
            fill={ink}
            formatter={(v: unknown) =>
              `${String(v).replace('.', t('unit.decimal'))}\u00a0${t('unit.hoursShort')}`
            }
          />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}

import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import { type Priority, priorities, type SupportLine } from '../../../../core/case/index';
import type {
  AgentLoad,
  ClockCompliance,
  ComplianceCell,
  OpenCasesFigure,
} from '../../../../core/reports/index';
import { clockFill, priorityFill } from './ChartPatterns';
import type { SlaTranslate } from './sla-board-messages';

const lines: SupportLine[] = [1, 2, 3];
const tick = (fontSize = 13) => ({ fill: '#14202e', fontSize });

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
  const data = lines.map((line) => ({
    name: t('line.n', { line }),
    total: figure.byLine[line],
    ...figure.cells[line],
  }));
  return (
    <div aria-hidden="true" className="sla-chart">
      <ResponsiveContainer width="100%" height={props.height ?? 200}>
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 40, top: 4, bottom: 4 }}>
          <CartesianGrid horizontal={false} stroke="#d5dbe2" />
          <XAxis type="number" allowDecimals={false} tick={tick(props.fontSize)} />
          <YAxis type="category" dataKey="name" width={78} tick={tick(props.fontSize)} />
          <Legend wrapperStyle={{ fontSize: props.fontSize ?? 13 }} itemSorter={null} />
          {priorities.map((p, i) => (
            <Bar
              key={p}
              dataKey={p}
              name={t(`priority.${p}`)}
              stackId="open"
              fill={priorityFill[p]}
              stroke="#14202e"
              strokeWidth={0.5}
              isAnimationActive={false}
            >
              {i === priorities.length - 1 ? (
                <LabelList
                  dataKey="total"
                  position="right"
                  fill="#14202e"
                  fontWeight={700}
                  fontSize={props.fontSize ?? 13}
                />
              ) : null}
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

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
  const keys: Array<Priority | SupportLine> = by === 'priority' ? [...priorities] : lines;
  const data = keys.map((k) => {
    const res =
      by === 'priority' ? response.byPriority[k as Priority] : response.byLine[k as SupportLine];
    const sol =
      by === 'priority'
        ? resolution.byPriority[k as Priority]
        : resolution.byLine[k as SupportLine];
    return {
      name: by === 'priority' ? t(`priority.${k as Priority}`) : t('line.n', { line: k }),
      response: res.ratio === null ? 0 : Math.round(res.ratio * 100),
      resolution: sol.ratio === null ? 0 : Math.round(sol.ratio * 100),
      responseLabel: res.ratio === null ? '–' : `${Math.round(res.ratio * 100)}\u00a0%`,
      resolutionLabel: sol.ratio === null ? '–' : `${Math.round(sol.ratio * 100)}\u00a0%`,
    };
  });
  return (
    <div aria-hidden="true" className="sla-chart">
      <ResponsiveContainer width="100%" height={props.height ?? 220}>
        <BarChart data={data} margin={{ left: 0, right: 8, top: 26, bottom: 4 }} barGap={4}>
          <CartesianGrid vertical={false} stroke="#d5dbe2" />
          <XAxis dataKey="name" tick={tick(props.fontSize)} />
          <YAxis
            domain={[0, 100]}
            ticks={[0, 50, 100]}
            unit={'\u00a0%'}
            width={(props.fontSize ?? 13) * 4 + 4}
            tick={tick(props.fontSize)}
          />
          <Legend wrapperStyle={{ fontSize: props.fontSize ?? 13 }} itemSorter={null} />
          <Bar
            dataKey="response"
            name={t('clock.response')}
            fill={clockFill.response}
            isAnimationActive={false}
          >
            <LabelList
              dataKey="responseLabel"
              position="top"
              fill="#14202e"
              fontSize={(props.fontSize ?? 13) - 1}
            />
          </Bar>
          <Bar
            dataKey="resolution"
            name={t('clock.resolution')}
            fill={clockFill.resolution}
            stroke="#146c2e"
            isAnimationActive={false}
          >
            <LabelList
              dataKey="resolutionLabel"
              position="top"
              fill="#14202e"
              fontSize={(props.fontSize ?? 13) - 1}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Hours spent per line (worklogs), the hours written on each bar. */
export function WorklogChart(props: {
  minutes: Record<SupportLine, number>;
  t: SlaTranslate;
  fontSize?: number;
}) {
  const { minutes, t } = props;
  const data = lines.map((line) => ({
    name: t('line.n', { line }),
    hours: Math.round((minutes[line] / 60) * 10) / 10,
  }));
  return (
    <div aria-hidden="true" className="sla-chart">
      <ResponsiveContainer width="100%" height={170}>
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 56, top: 4, bottom: 4 }}>
          <CartesianGrid horizontal={false} stroke="#d5dbe2" />
          <XAxis type="number" tick={tick(props.fontSize)} unit={`\u00a0${t('unit.hoursShort')}`} />
          <YAxis type="category" dataKey="name" width={78} tick={tick(props.fontSize)} />
          <Bar dataKey="hours" name={t('col.hours')} fill="#0b5cad" isAnimationActive={false}>
            <LabelList
              dataKey="hours"
              position="right"
              fill="#14202e"
              formatter={(v: unknown) =>
                `${String(v).replace('.', t('unit.decimal'))}\u00a0${t('unit.hoursShort')}`
              }
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
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
    <div aria-hidden="true" className="sla-chart">
      <ResponsiveContainer width="100%" height={Math.max(120, data.length * 30 + 50)}>
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 40, top: 4, bottom: 4 }}>
          <CartesianGrid horizontal={false} stroke="#d5dbe2" />
          <XAxis type="number" allowDecimals={false} tick={tick(props.fontSize)} />
          <YAxis type="category" dataKey="name" width={120} tick={tick(props.fontSize)} />
          <Legend wrapperStyle={{ fontSize: props.fontSize ?? 13 }} itemSorter={null} />
          {priorities.map((p, i) => (
            <Bar
              key={p}
              dataKey={p}
              name={t(`priority.${p}`)}
              stackId="load"
              fill={priorityFill[p]}
              stroke="#14202e"
              strokeWidth={0.5}
              isAnimationActive={false}
            >
              {i === priorities.length - 1 ? (
                <LabelList
                  dataKey="total"
                  position="right"
                  fill="#14202e"
                  fontWeight={700}
                  fontSize={props.fontSize ?? 13}
                />
              ) : null}
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

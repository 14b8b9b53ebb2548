import { type ReactNode, useState } from 'react';
import { priorities, type SupportLine } from '../../../../core/case/index';
import {
  complianceRowsOf,
  type ReportPeriod,
  reportPeriods,
  type SlaBoardReport,
  worklogRowsOf,
} from '../../../../core/reports/index';
import { formatDateTime, formatMinutes, formatTime } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { Countdown } from './Countdown';
import { ExportCsvButton } from './csv-download';
import {
  AgentLoadChart,
  ComplianceChart,
  complianceText,
  OpenCasesChart,
  WorklogChart,
} from './SlaCharts';
import type { SlaTranslate } from './sla-board-messages';

const lines: SupportLine[] = [1, 2, 3];

/** A figure: heading, actions (CSV), the chart, and its table. */
export function FigureCard(props: {
  id: string;
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section
      className={`sla-card ${props.className ?? ''}`}
      aria-labelledby={`${props.id}-title`}
      data-testid={`figure-${props.id}`}
    >
      <div className="sla-card__head">
        <h2 id={`${props.id}-title`}>{props.title}</h2>
        <div className="sla-card__actions">{props.actions}</div>
      </div>
      {props.children}
    </section>
  );
}

export function PeriodPicker(props: {
  value: ReportPeriod;
  onChange: (p: ReportPeriod) => void;
  t: SlaTranslate;
  label: string;
}) {
  return (
    <fieldset className="sla-periods">
      <legend className="visually-hidden">{props.label}</legend>
      {reportPeriods.map((p) => (
        <label key={p} className={p === props.value ? 'is-active' : ''}>
          <input
            type="radio"
            name={props.label}
            value={p}
            checked={p === props.value}
            onChange={() => props.onChange(p)}
          />
          {props.t(`period.${p}`)}
        </label>
      ))}
    </fieldset>
  );
}

export function OpenCasesSection({ report, t }: { report: SlaBoardReport; t: SlaTranslate }) {
  const f = report.openCases;
  return (
    <FigureCard
      id="openCases"
      title={t('figure.openCases')}
      actions={
        <ExportCsvButton
          figure="openCases"
          label={t('figure.openCases')}
          rows={f.rows}
          now={report.now}
        />
      }
    >
      <OpenCasesChart figure={f} t={t} />
      <table className="sla-table sla-table--compact" data-testid="open-cases-table">
        <caption className="visually-hidden">{t('figure.openCases')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('line.label')}</th>
            {priorities.map((p) => (
              <th scope="col" key={p}>
                {t(`priority.${p}`)}
              </th>
            ))}
            <th scope="col">{t('col.total')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line}>
              <th scope="row">{t('line.n', { line })}</th>
              {priorities.map((p) => (
                <td key={p} data-cell={`${line}-${p}`}>
                  {f.cells[line][p]}
                </td>
              ))}
              <td data-cell={`${line}-total`}>
                <strong>{f.byLine[line]}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </FigureCard>
  );
}

export function SlaRiskSection(props: {
  report: SlaBoardReport;
  t: SlaTranslate;
  nameOf: (id: string | null) => string;
  limit: number;
}) {
  const { report, t, nameOf } = props;
  const locale = useLocale();
  const f = report.slaRisk;
  const shown = f.rows.slice(0, props.limit);
  return (
    <FigureCard
      id="slaRisk"
      title={t('figure.slaRisk')}
      className="sla-card--wide"
      actions={
        <ExportCsvButton
          figure="slaRisk"
          label={t('figure.slaRisk')}
          rows={f.rows}
          now={report.now}
        />
      }
    >
      {f.rows.length === 0 ? (
        <p className="sla-empty">{t('board.none')}</p>
      ) : (
        <table className="sla-table sla-risk" data-testid="risk-table">
          <caption className="visually-hidden">{t('figure.slaRisk')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('col.timeLeft')}</th>
              <th scope="col">{t('col.case')}</th>
              <th scope="col">{t('col.priority')}</th>
              <th scope="col">{t('col.clock')}</th>
              <th scope="col">{t('col.due')}</th>
              <th scope="col">{t('col.line')}</th>
              <th scope="col">{t('col.assignee')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr
                key={r.caseId}
                className={`sla-risk__row sla-risk__row--${r.slaStatus}`}
                data-testid="risk-row"
                data-status={r.slaStatus}
              >
                <td>
                  <Countdown dueAt={r.dueAt} status={r.slaStatus} />
                  <span className="sla-risk__state">{t(`status.${r.slaStatus}`)}</span>
                </td>
                <td>
                  <span className="sla-risk__number">{r.number ?? '—'}</span> {r.title}
                </td>
                <td>
                  <span className={`prio prio--${r.priority}`}>{t(`priority.${r.priority}`)}</span>
                </td>
                <td>{t(`clock.${r.clock}`)}</td>
                <td>{formatDateTime(r.dueAt, locale)}</td>
                <td>{t('line.n', { line: r.line })}</td>
                <td>{nameOf(r.assigneeId)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {f.rows.length > shown.length ? (
        <p className="sla-more">{t('board.more', { count: f.rows.length - shown.length })}</p>
      ) : null}
    </FigureCard>
  );
}

export function ComplianceSection({ report, t }: { report: SlaBoardReport; t: SlaTranslate }) {
  const [period, setPeriod] = useState<ReportPeriod>('days7');
  const [by, setBy] = useState<'priority' | 'line'>('priority');
  const c = report.compliance.byPeriod[period];
  const rows = complianceRowsOf(report.compliance, period);
  const keys = by === 'priority' ? [...priorities] : lines;
  return (
    <FigureCard
      id="compliance"
      title={t('figure.compliance')}
      actions={
        <ExportCsvButton
          figure="compliance"
          label={t('figure.compliance')}
          rows={rows}
          now={report.now}
          suffix={period}
        />
      }
    >
      <div className="sla-card__controls">
        <PeriodPicker
          value={period}
          onChange={setPeriod}
          t={t}
          label={`${t('figure.compliance')} — ${t('period.label')}`}
        />
        <fieldset className="sla-periods">
          <legend className="visually-hidden">{t('figure.compliance')}</legend>
          {(['priority', 'line'] as const).map((b) => (
            <label key={b} className={b === by ? 'is-active' : ''}>
              <input
                type="radio"
                name="compliance-by"
                checked={b === by}
                onChange={() => setBy(b)}
              />
              {b === 'priority' ? t('compliance.byPriority') : t('compliance.byLine')}
            </label>
          ))}
        </fieldset>
      </div>
      <p className="sla-totals" data-testid="compliance-totals">
        <span>
          {t('clock.response')}:{' '}
          <strong data-testid="compliance-response">{complianceText(c.response.all, t)}</strong>
        </span>
        <span>
          {t('clock.resolution')}:{' '}
          <strong data-testid="compliance-resolution">{complianceText(c.resolution.all, t)}</strong>
        </span>
      </p>
      <ComplianceChart response={c.response} resolution={c.resolution} by={by} t={t} />
      <table className="sla-table sla-table--compact visually-hidden">
        <caption>
          {t('figure.compliance')}, {t(`period.${period}`)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{by === 'priority' ? t('col.priority') : t('col.line')}</th>
            <th scope="col">{t('clock.response')}</th>
            <th scope="col">{t('clock.resolution')}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => {
            const res =
              by === 'priority'
                ? c.response.byPriority[k as (typeof priorities)[number]]
                : c.response.byLine[k as SupportLine];
            const sol =
              by === 'priority'
                ? c.resolution.byPriority[k as (typeof priorities)[number]]
                : c.resolution.byLine[k as SupportLine];
            return (
              <tr key={k}>
                <th scope="row">
                  {by === 'priority'
                    ? t(`priority.${k as (typeof priorities)[number]}`)
                    : t('line.n', { line: k })}
                </th>
                <td>{complianceText(res, t)}</td>
                <td>{complianceText(sol, t)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="sla-note">{t('compliance.explain')}</p>
    </FigureCard>
  );
}

export function WorklogSection({ report, t }: { report: SlaBoardReport; t: SlaTranslate }) {
  const appT = useT();
  const [period, setPeriod] = useState<ReportPeriod>('days7');
  const minutes = report.worklog.byPeriod[period];
  return (
    <FigureCard
      id="worklog"
      title={t('figure.worklog')}
      actions={
        <ExportCsvButton
          figure="worklog"
          label={t('figure.worklog')}
          rows={worklogRowsOf(report.worklog, period)}
          now={report.now}
          suffix={period}
        />
      }
    >
      <PeriodPicker
        value={period}
        onChange={setPeriod}
        t={t}
        label={`${t('figure.worklog')} — ${t('period.label')}`}
      />
      <WorklogChart minutes={minutes} t={t} />
      <table className="sla-table visually-hidden">
        <caption>
          {t('figure.worklog')}, {t(`period.${period}`)}
        </caption>
        <tbody>
          {lines.map((line) => (
            <tr key={line}>
              <th scope="row">{t('line.n', { line })}</th>
              <td>{formatMinutes(minutes[line], appT)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </FigureCard>
  );
}

export function AgentLoadSection(props: {
  report: SlaBoardReport;
  t: SlaTranslate;
  nameOf: (id: string | null) => string;
}) {
  const { report, t, nameOf } = props;
  const agents = report.agentLoad.agents;
  return (
    <FigureCard
      id="agentLoad"
      title={t('figure.agentLoad')}
      actions={
        <ExportCsvButton
          figure="agentLoad"
          label={t('figure.agentLoad')}
          rows={agents}
          now={report.now}
        />
      }
    >
      <AgentLoadChart agents={agents} nameOf={nameOf} t={t} />
      <table className="sla-table visually-hidden">
        <caption>{t('figure.agentLoad')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col.assignee')}</th>
            <th scope="col">{t('col.open')}</th>
            <th scope="col">{t('kpi.atRisk')}</th>
            <th scope="col">{t('kpi.breached')}</th>
          </tr>
        </thead>
        <tbody>
          {agents.map((a) => (
            <tr key={a.assigneeId ?? '-'}>
              <th scope="row">{nameOf(a.assigneeId)}</th>
              <td>{a.open}</td>
              <td>{a.atRisk}</td>
              <td>{a.breached}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </FigureCard>
  );
}

export function WaitingSection(props: {
  report: SlaBoardReport;
  t: SlaTranslate;
  nameOf: (id: string | null) => string;
  limit: number;
}) {
  const { report, t, nameOf } = props;
  const locale = useLocale();
  const w = report.waiting;
  return (
    <FigureCard
      id="waiting"
      title={t('figure.waiting')}
      actions={
        <ExportCsvButton
          figure="waiting"
          label={t('figure.waiting')}
          rows={w.rows}
          now={report.now}
        />
      }
    >
      <ul className="sla-reasons" data-testid="waiting-reasons">
        <li data-reason="requester">
          {t('waiting.requester')}: <strong>{w.requester}</strong>
        </li>
        <li data-reason="thirdParty">
          {t('waiting.thirdParty')}: <strong>{w.thirdParty}</strong>
        </li>
        {w.unknown > 0 ? (
          <li>
            {t('waiting.unknown')}: <strong>{w.unknown}</strong>
          </li>
        ) : null}
      </ul>
      {w.rows.length > 0 ? (
        <table className="sla-table sla-table--compact">
          <caption className="visually-hidden">{t('figure.waiting')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('col.case')}</th>
              <th scope="col">{t('col.reason')}</th>
              <th scope="col">{t('col.since')}</th>
              <th scope="col">{t('col.assignee')}</th>
            </tr>
          </thead>
          <tbody>
            {w.rows.slice(0, props.limit).map((r) => (
              <tr key={r.caseId}>
                <td>
                  <span className="sla-risk__number">{r.number ?? '—'}</span> {r.title}
                </td>
                <td>{r.reason ? t(`waiting.${r.reason}`) : t('waiting.unknown')}</td>
                <td>{r.since ? formatDateTime(r.since, locale) : '—'}</td>
                <td>{nameOf(r.assigneeId)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </FigureCard>
  );
}

export function OnCallSection(props: {
  report: SlaBoardReport;
  t: SlaTranslate;
  nameOf: (id: string | null) => string;
}) {
  const { report, t, nameOf } = props;
  const appT = useT();
  const locale = useLocale();
  const o = report.onCall;
  const p = o.period;
  return (
    <FigureCard
      id="onCall"
      title={t('figure.onCall')}
      actions={
        <ExportCsvButton
          figure="onCall"
          label={t('figure.onCall')}
          rows={o.rows}
          now={report.now}
        />
      }
    >
      <p className="sla-oncall__period">
        {p === null
          ? t('onCall.none')
          : p.ongoing
            ? t('onCall.ongoing', { from: formatDateTime(p.start, locale) })
            : t('onCall.period', {
                from: formatDateTime(p.start, locale),
                to: formatDateTime(p.end, locale),
              })}
      </p>
      <p className="sla-oncall__summary" data-testid="oncall-summary">
        {t('onCall.summary', {
          total: o.total,
          answered: o.answered,
          within: o.withinTarget,
          median: o.medianAnswerMinutes === null ? '—' : formatMinutes(o.medianAnswerMinutes, appT),
        })}
      </p>
      {o.rows.length > 0 ? (
        <table className="sla-table sla-table--compact">
          <caption className="visually-hidden">{t('figure.onCall')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('col.case')}</th>
              <th scope="col">{t('col.criticalAt')}</th>
              <th scope="col">{t('col.answerTime')}</th>
              <th scope="col">{t('col.status')}</th>
              <th scope="col">{t('col.assignee')}</th>
            </tr>
          </thead>
          <tbody>
            {o.rows.map((r) => (
              <tr key={r.caseId}>
                <td>
                  <span className="sla-risk__number">{r.number ?? '—'}</span> {r.title}
                </td>
                <td>{formatTime(r.criticalAt, locale)}</td>
                <td>
                  {r.answerMinutes === null
                    ? t('onCall.unanswered')
                    : formatMinutes(r.answerMinutes, appT)}
                </td>
                <td>
                  {r.responseStatus ? (
                    <span className={`sla-state sla-state--${r.responseStatus}`}>
                      {t(`status.${r.responseStatus}`)}
                    </span>
                  ) : (
                    '—'
                  )}
                </td>
                <td>{nameOf(r.assigneeId)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </FigureCard>
  );
}

/** The headline numbers, large, with words (never colour alone). */
export function KpiTiles({ report, t }: { report: SlaBoardReport; t: SlaTranslate }) {
  const today = report.compliance.byPeriod.today.response.all;
  const tiles = [
    {
      id: 'open',
      label: t('kpi.open'),
      value: String(report.openCases.total),
      tone: 'neutral',
      icon: '▤',
    },
    {
      id: 'atRisk',
      label: t('kpi.atRisk'),
      value: String(report.slaRisk.atRisk),
      tone: 'risk',
      icon: '⚠',
    },
    {
      id: 'breached',
      label: t('kpi.breached'),
      value: String(report.slaRisk.breached),
      tone: 'breach',
      icon: '✖',
    },
    {
      id: 'waiting',
      label: t('kpi.waiting'),
      value: String(report.waiting.rows.length),
      tone: 'neutral',
      icon: '◐',
    },
    {
      id: 'responseToday',
      label: t('kpi.responseToday'),
      value: today.ratio === null ? '–' : `${Math.round(today.ratio * 100)} %`,
      tone: 'ok',
      icon: '◷',
    },
  ];
  return (
    <ul className="sla-kpis">
      {tiles.map((k) => (
        <li key={k.id} className={`sla-kpi sla-kpi--${k.tone}`} data-testid={`kpi-${k.id}`}>
          <span className="sla-kpi__label">
            <span aria-hidden="true">{k.icon} </span>
            {k.label}
          </span>
          <span className="sla-kpi__value">{k.value}</span>
        </li>
      ))}
    </ul>
  );
}

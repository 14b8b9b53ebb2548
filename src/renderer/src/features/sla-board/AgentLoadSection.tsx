import { FigureSection, type SectionProps } from './FigureSection';
import { FigureTable } from './FigureTable';
import { AgentLoadChart } from './SlaCharts';

/** Open, at-risk and breached cases per person. */
export function AgentLoadSection(props: SectionProps) {
  const { report, t, nameOf } = props;
  const agents = report.agentLoad.agents;
  return (
    <FigureSection
      figure="agentLoad"
      title={t('figure.agentLoad')}
      rows={agents}
      now={report.now}
      t={t}
    >
      <AgentLoadChart agents={agents} nameOf={nameOf} t={t} />
      <FigureTable
        className="sla-table visually-hidden"
        caption={t('figure.agentLoad')}
        columns={[t('col.assignee'), t('col.open'), t('kpi.atRisk'), t('kpi.breached')]}
      >
        {agents.map((a) => (
          <tr key={a.assigneeId ?? '-'}>
            <th scope="row">{nameOf(a.assigneeId)}</th>
            <td>{a.open}</td>
            <td>{a.atRisk}</td>
            <td>{a.breached}</td>
          </tr>
        ))}
      </FigureTable>
    </FigureSection>
  );
}

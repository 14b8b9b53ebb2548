import type { Priority } from '../case/case-vocabulary';
import type { CaseSla } from './case-sla-snapshot';
import { type OpenCaseRow, zeroByPriority } from './open-cases-figure';

/** Open cases of one assignee (null = nobody has taken them). */
export interface AgentLoad {
  assigneeId: string | null;
  open: number;
  byPriority: Record<Priority, number>;
  waiting: number;
  atRisk: number;
  breached: number;
}

/** Load per agent: open cases assigned, heaviest first; unassigned cases last. */
export interface AgentLoadFigure {
  agents: AgentLoad[];
  /** The open cases counted, with their assignee. */
  rows: OpenCaseRow[];
}

export function agentLoadFigure(cases: readonly CaseSla[]): AgentLoadFigure {
  const byAgent = new Map<string | null, AgentLoad>();
  const rows: OpenCaseRow[] = [];
  for (const c of cases) {
    if (!c.open) continue;
    const r = c.record;
    let load = byAgent.get(r.assigneeId);
    if (!load) {
      load = {
        assigneeId: r.assigneeId,
        open: 0,
        byPriority: zeroByPriority(),
        waiting: 0,
        atRisk: 0,
        breached: 0,
      };
      byAgent.set(r.assigneeId, load);
    }
    load.open++;
    load.byPriority[r.priority]++;
    if (r.status === 'waiting') load.waiting++;
    const urgent = c.urgent?.state.status;
    if (urgent === 'atRisk') load.atRisk++;
    if (urgent === 'breached') load.breached++;
    rows.push({
      caseId: r.id,
      number: r.number,
      title: r.title,
      line: r.line,
      priority: r.priority,
      status: r.status,
      assigneeId: r.assigneeId,
      slaStatus: c.sla?.worst ?? null,
    });
  }
  const agents = [...byAgent.values()].sort((a, b) => {
    if ((a.assigneeId === null) !== (b.assigneeId === null)) return a.assigneeId === null ? 1 : -1;
    return b.open - a.open || String(a.assigneeId).localeCompare(String(b.assigneeId));
  });
  rows.sort((a, b) => String(a.assigneeId).localeCompare(String(b.assigneeId)));
  return { agents, rows };
}

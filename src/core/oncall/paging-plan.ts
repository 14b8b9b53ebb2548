/**
 * Who is paged when a case becomes critical, and in which order. Outside support hours the
 * person on call is paged at once, then — while nobody acknowledges — the backup on call, the
 * team leader, and the numbers the configuration names, one step every
 * `escalateAfterMinutes`. Inside support hours line 1 gets today's desktop alerts and the team
 * leader is paged after `insideHoursTeamLeaderAfterMinutes`. In the 15:30–16:00 overlap support
 * is still open, so line 1 takes it (the inside-hours plan); on-call takes over at 16:00.
 * Pure: the caller looks up the rota and the people; this returns the decision.
 */
import type { ServiceCalendar } from '../calendar/service-calendar';
import { isInsideSupportHours } from './on-call-periods';
import type { RotaAssignment } from './on-call-rota';
import type { PagingConfig } from './paging-config';

/** Someone or something to page. */
export type PagingTarget =
  /** A person, by every channel they have set up (push, SMS, e-mail). */
  | { kind: 'person'; userId: string }
  /** A phone number by SMS (the shared on-call phone, office phones, extra numbers). */
  | { kind: 'number'; phone: string; label: NumberLabel };

export type NumberLabel = 'onCallPhone' | 'teamLeaderPhone' | 'itManagerPhone' | 'extra';

export type StepRole = 'onCall' | 'backup' | 'teamLeader' | 'configuredNumbers';

export interface EscalationStep {
  /** 0 for the first page; each step's timer and log entries carry it. */
  index: number;
  role: StepRole;
  /** Minutes after the case became critical at which this step is paged. */
  afterMinutes: number;
  targets: PagingTarget[];
}

export interface PagingPlan {
  /** `onCall`: outside support hours; `insideHours`: line 1's desktop alerts first. */
  mode: 'onCall' | 'insideHours';
  steps: EscalationStep[];
}

export interface PagingPeople {
  /** The rota's assignment for the period the case became critical in (null: no rota). */
  assignment: RotaAssignment | null;
  /** Team leaders (users with the teamLeader role, not disabled). */
  teamLeaderIds: readonly string[];
  onCallPhone: string;
  teamLeaderPhone: string;
  itManagerPhone: string;
}

export function pagingPlan(
  calendar: ServiceCalendar,
  config: PagingConfig,
  people: PagingPeople,
  atMs: number,
): PagingPlan {
  const leaders: PagingTarget[] = [
    ...people.teamLeaderIds.map((userId): PagingTarget => ({ kind: 'person', userId })),
    { kind: 'number', phone: people.teamLeaderPhone, label: 'teamLeaderPhone' },
  ];
  if (isInsideSupportHours(calendar, atMs)) {
    return {
      mode: 'insideHours',
      steps: [
        {
          index: 0,
          role: 'teamLeader',
          afterMinutes: config.insideHoursTeamLeaderAfterMinutes,
          targets: leaders,
        },
      ],
    };
  }
  const primary = people.assignment?.primaryId ?? null;
  const backup = people.assignment?.backupId ?? null;
  const first: PagingTarget[] = [];
  if (primary) first.push({ kind: 'person', userId: primary });
  if (config.sharedPhone === 'always' || (config.sharedPhone === 'whenNobodyOnCall' && !primary)) {
    first.push({ kind: 'number', phone: people.onCallPhone, label: 'onCallPhone' });
  }
  const candidates: Array<{ role: StepRole; targets: PagingTarget[] }> = [
    { role: 'onCall', targets: first },
    {
      role: 'backup',
      targets: backup && backup !== primary ? [{ kind: 'person', userId: backup }] : [],
    },
    {
      role: 'teamLeader',
      targets: leaders.filter((t) => t.kind !== 'person' || t.userId !== primary),
    },
    {
      role: 'configuredNumbers',
      targets: [people.itManagerPhone, ...config.extraNumbers].map(
        (phone, i): PagingTarget => ({
          kind: 'number',
          phone,
          label: i === 0 ? 'itManagerPhone' : 'extra',
        }),
      ),
    },
  ];
  const steps: EscalationStep[] = [];
  for (const c of candidates) {
    if (c.targets.length === 0) continue;
    const index = steps.length;
    steps.push({
      index,
      role: c.role,
      afterMinutes: index * config.escalateAfterMinutes,
      targets: c.targets,
    });
  }
  return { mode: 'onCall', steps };
}

/** A target's stable key within a step (for "sent once per step" bookkeeping). */
export function targetKey(target: PagingTarget): string {
  return target.kind === 'person'
    ? `user:${target.userId}`
    : `tel:${target.phone.replace(/\D/g, '')}`;
}

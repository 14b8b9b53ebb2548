import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { defaultCalendarConfig } from '../calendar/calendar-config';
import { createServiceCalendar } from '../calendar/service-calendar';
import { onCallPeriodAt } from './on-call-periods';
import type { RotaAssignment } from './on-call-rota';
import { pagingConfigSchema } from './paging-config';
import { type PagingPeople, pagingPlan, targetKey } from './paging-plan';

const calendar = createServiceCalendar(defaultCalendarConfig);
const oslo = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Oslo' }).toMillis();
const config = pagingConfigSchema.parse({});

function people(primaryId: string | null, backupId: string | null, at: string): PagingPeople {
  const period = onCallPeriodAt(calendar, oslo(at));
  const assignment: RotaAssignment | null = period
    ? { period, primaryId, backupId, primarySource: 'rotation', backupSource: 'rotation' }
    : null;
  return {
    assignment,
    teamLeaderIds: ['tone'],
    onCallPhone: '70 16 24 46',
    teamLeaderPhone: '70 16 24 03',
    itManagerPhone: '70 16 24 42',
  };
}

const summary = (plan: ReturnType<typeof pagingPlan>) =>
  plan.steps.map((s) => `${s.afterMinutes}:${s.role}:${s.targets.map(targetKey).join('+')}`);

describe('pagingPlan', () => {
  it.each([
    {
      why: '02:00 on a weeknight: on call, backup, team leader, IT manager, every 4 minutes',
      at: '2026-03-04T02:00',
      primary: 'kari',
      backup: 'ola',
      mode: 'onCall',
      steps: [
        '0:onCall:user:kari',
        '4:backup:user:ola',
        '8:teamLeader:user:tone+tel:70162403',
        '12:configuredNumbers:tel:70162442',
      ],
    },
    {
      why: 'nobody on the rota: the shared on-call phone is paged by SMS',
      at: '2026-03-07T10:00',
      primary: null,
      backup: null,
      mode: 'onCall',
      steps: [
        '0:onCall:tel:70162446',
        '4:teamLeader:user:tone+tel:70162403',
        '8:configuredNumbers:tel:70162442',
      ],
    },
    {
      why: '15:45 (the overlap): support is still open, line 1 first, team leader after 10',
      at: '2026-03-03T15:45',
      primary: 'kari',
      backup: 'ola',
      mode: 'insideHours',
      steps: ['10:teamLeader:user:tone+tel:70162403'],
    },
    {
      why: '16:00 the same day: on call',
      at: '2026-03-03T16:00',
      primary: 'kari',
      backup: null,
      mode: 'onCall',
      steps: [
        '0:onCall:user:kari',
        '4:teamLeader:user:tone+tel:70162403',
        '8:configuredNumbers:tel:70162442',
      ],
    },
    {
      why: 'the team leader is on call: not paged twice as leader',
      at: '2026-03-04T02:00',
      primary: 'tone',
      backup: null,
      mode: 'onCall',
      steps: [
        '0:onCall:user:tone',
        '4:teamLeader:tel:70162403',
        '8:configuredNumbers:tel:70162442',
      ],
    },
    {
      why: 'spring-forward night (02:30 does not exist; 03:30 is on call)',
      at: '2026-03-29T03:30',
      primary: 'kari',
      backup: 'ola',
      mode: 'onCall',
      steps: [
        '0:onCall:user:kari',
        '4:backup:user:ola',
        '8:teamLeader:user:tone+tel:70162403',
        '12:configuredNumbers:tel:70162442',
      ],
    },
  ])('$why', ({ at, primary, backup, mode, steps }) => {
    const plan = pagingPlan(calendar, config, people(primary, backup, at), oslo(at));
    expect(plan.mode).toBe(mode);
    expect(summary(plan)).toEqual(steps);
  });

  it('the last step is paged before the 15-minute response target with the defaults', () => {
    const plan = pagingPlan(
      calendar,
      config,
      people('kari', 'ola', '2026-03-04T02:00'),
      oslo('2026-03-04T02:00'),
    );
    expect(plan.steps.at(-1)!.afterMinutes).toBeLessThan(15);
  });

  it('pages the shared phone always when so configured, and extra numbers last', () => {
    const always = pagingConfigSchema.parse({
      sharedPhone: 'always',
      extraNumbers: ['+47 900 00 000'],
    });
    const plan = pagingPlan(
      calendar,
      always,
      people('kari', null, '2026-03-04T02:00'),
      oslo('2026-03-04T02:00'),
    );
    expect(summary(plan)).toEqual([
      '0:onCall:user:kari+tel:70162446',
      '4:teamLeader:user:tone+tel:70162403',
      '8:configuredNumbers:tel:70162442+tel:4790000000',
    ]);
  });
});

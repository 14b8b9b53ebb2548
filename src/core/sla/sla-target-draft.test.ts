import { describe, expect, it } from 'vitest';
import {
  changeCalendar,
  changeUnit,
  checkSlaDraft,
  draftOfConfig,
  naturalUnit,
  parseAmount,
  problemOfSchemaIssue,
  type SlaDraft,
} from './sla-target-draft';
import { defaultSlaConfig, slaConfigSchema } from './sla-targets';

const start = () => draftOfConfig(defaultSlaConfig, ',');

describe('SLA targets as typed', () => {
  it('starts from the targets in their natural units', () => {
    const d = start();
    expect(d.targets.critical).toEqual({
      response: { amount: '15', unit: 'minutes' },
      resolution: { amount: '4', unit: 'hours' },
      calendar: 'roundTheClock',
    });
    expect(d.targets.medium.resolution).toEqual({ amount: '3', unit: 'workingDays' });
    expect(d.targets.low.resolution).toEqual({ amount: '10', unit: 'workingDays' });
    expect(d.atRiskPercent).toBe('75');
  });

  it.each([
    [4800, 'support', 'workingDays'],
    [1440, 'support', 'workingDays'],
    [1440, 'roundTheClock', 'hours'],
    [90, 'support', 'minutes'],
    [120, 'support', 'hours'],
  ] as const)('%i minutes on %s read best in %s', (minutes, calendar, unit) => {
    expect(naturalUnit(minutes, calendar)).toBe(unit);
  });

  it.each([
    ['1,5', 1.5],
    ['1.5', 1.5],
    ['1 440', 1440],
    ['75 %', 75],
    ['-5', -5],
    ['abc', null],
    ['1e3', null],
    ['1,2,3', null],
  ] as const)('reads %j as %s', (text, value) => {
    expect(parseAmount(text)).toBe(value);
  });

  it('keeps the length when the unit changes, and what is not a number as typed', () => {
    expect(changeUnit({ amount: '1440', unit: 'minutes' }, 'hours', ',')).toEqual({
      amount: '24',
      unit: 'hours',
    });
    expect(changeUnit({ amount: '1,5', unit: 'hours' }, 'minutes', ',')).toEqual({
      amount: '90',
      unit: 'minutes',
    });
    expect(changeUnit({ amount: 'to', unit: 'hours' }, 'workingDays', ',')).toEqual({
      amount: 'to',
      unit: 'workingDays',
    });
  });

  it('moves working days to hours when the clock runs round the clock', () => {
    const row = changeCalendar(start().targets.low, 'roundTheClock', ',');
    expect(row.resolution).toEqual({ amount: '80', unit: 'hours' });
    expect(row.response).toEqual({ amount: '8', unit: 'hours' });
  });
});

describe('checking the typed targets', () => {
  const edit = (change: (d: SlaDraft) => void): SlaDraft => {
    const d = structuredClone(start());
    change(d);
    return d;
  };

  it('stores minutes and a share, whatever the unit typed', () => {
    const result = checkSlaDraft(
      edit((d) => {
        d.targets.high.response = { amount: '1,5', unit: 'hours' };
        d.targets.high.resolution = { amount: '2', unit: 'workingDays' };
        d.atRiskPercent = '80';
      }),
    );
    expect(result.ok && result.config.targets.high).toEqual({
      responseMinutes: 90,
      resolutionMinutes: 960,
      calendar: 'support',
    });
    expect(result.ok && result.config.atRiskThreshold).toBe(0.8);
    expect(checkSlaDraft(start())).toEqual({ ok: true, config: defaultSlaConfig });
  });

  type Case = [
    what: string,
    change: (d: SlaDraft) => void,
    field: string | null,
    problem: string | null,
  ];
  const cases: Case[] = [
    [
      'at risk 100 %',
      (d) => {
        d.atRiskPercent = '100';
      },
      'atRiskThreshold',
      'percentRange',
    ],
    [
      'at risk 0,5 %',
      (d) => {
        d.atRiskPercent = '0,5';
      },
      null,
      null,
    ],
    [
      'at risk empty',
      (d) => {
        d.atRiskPercent = '';
      },
      'atRiskThreshold',
      'required',
    ],
    [
      'at risk "mykje"',
      (d) => {
        d.atRiskPercent = 'mykje';
      },
      'atRiskThreshold',
      'notANumber',
    ],
    [
      'high response -5 minutes',
      (d) => {
        d.targets.high.response = { amount: '-5', unit: 'minutes' };
      },
      'targets.high.responseMinutes',
      'tooSmall',
    ],
    [
      'low response 0,001 hours',
      (d) => {
        d.targets.low.response = { amount: '0,001', unit: 'hours' };
      },
      'targets.low.responseMinutes',
      'tooSmall',
    ],
    [
      'medium resolution "tre" working days',
      (d) => {
        d.targets.medium.resolution = { amount: 'tre', unit: 'workingDays' };
      },
      'targets.medium.resolutionMinutes',
      'notANumber',
    ],
    [
      'high resolution 30 minutes (response 60)',
      (d) => {
        d.targets.high.resolution = { amount: '30', unit: 'minutes' };
      },
      'targets.high.resolutionMinutes',
      'resolutionBeforeResponse',
    ],
    [
      'high calendar "weekdays"',
      (d) => {
        d.targets.high.calendar = 'weekdays';
      },
      'targets.high.calendar',
      'calendar',
    ],
  ];
  it.each(cases)('%s → %s: %s', (_what, change, field, problem) => {
    const draft = edit(change);
    const before = structuredClone(draft);
    const result = checkSlaDraft(draft);
    if (field === null) {
      expect(result.ok).toBe(true);
    } else {
      expect(result.ok ? [] : result.issues).toEqual([{ field, problem }]);
    }
    // What was typed is left as it was.
    expect(draft).toEqual(before);
  });

  it('names every bad field at once', () => {
    const result = checkSlaDraft(
      edit((d) => {
        d.targets.critical.response.amount = '';
        d.targets.low.resolution.amount = 'x';
        d.atRiskPercent = '150';
      }),
    );
    expect(result.ok ? [] : result.issues.map((i) => i.field)).toEqual([
      'targets.critical.responseMinutes',
      'targets.low.resolutionMinutes',
      'atRiskThreshold',
    ]);
  });
});

describe("the configuration schema's issues as problems (a file or a server answer)", () => {
  it.each([
    [{ atRiskThreshold: 1.5 }, 'atRiskThreshold', 'percentRange'],
    [
      { targets: { low: { responseMinutes: 0, resolutionMinutes: 10, calendar: 'support' } } },
      'targets.low.responseMinutes',
      'tooSmall',
    ],
    [
      { targets: { low: { responseMinutes: 60, resolutionMinutes: 30, calendar: 'support' } } },
      'targets.low.resolutionMinutes',
      'resolutionBeforeResponse',
    ],
    [
      { targets: { high: { responseMinutes: 'x', resolutionMinutes: 90, calendar: 'support' } } },
      'targets.high.responseMinutes',
      'notANumber',
    ],
    [
      { targets: { high: { responseMinutes: 60, resolutionMinutes: 90, calendar: 'weekdays' } } },
      'targets.high.calendar',
      'calendar',
    ],
  ] as const)('%j → %s: %s', (input, field, problem) => {
    const result = slaConfigSchema.safeParse(input);
    expect(result.error?.issues.map(problemOfSchemaIssue)).toEqual([{ field, problem }]);
  });
});

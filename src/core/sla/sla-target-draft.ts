/**
 * The SLA targets as a team leader types them: per target an amount and a unit (minutes,
 * hours or working days), and the at-risk threshold in per cent. `checkSlaDraft` turns a draft
 * into the stored configuration (whole minutes, a share) or into one problem per field, as
 * codes a view words in the user's language with the field's own name. The draft itself is
 * never changed by a check, so nothing typed is lost.
 */
import type { z } from 'zod';
import {
  type PriorityTarget,
  type SlaConfig,
  type SlaPriority,
  slaConfigSchema,
  slaPriorities,
  WORKING_DAY_MINUTES,
} from './sla-targets';

export const targetUnits = ['minutes', 'hours', 'workingDays'] as const;
export type TargetUnit = (typeof targetUnits)[number];

/** Minutes in one unit; a working day is a day of opening hours (08:00–16:00). */
export const minutesPerUnit: Readonly<Record<TargetUnit, number>> = {
  minutes: 1,
  hours: 60,
  workingDays: WORKING_DAY_MINUTES,
};

export type SlaCalendarName = PriorityTarget['calendar'];

/** The units a target on `calendar` can be typed in: working days only count opening hours. */
export function unitsFor(calendar: string): readonly TargetUnit[] {
  return calendar === 'roundTheClock' ? ['minutes', 'hours'] : targetUnits;
}

/** The largest unit that shows `minutes` as a whole number: 4800 → working days, 240 → hours. */
export function naturalUnit(minutes: number, calendar: string): TargetUnit {
  const units = unitsFor(calendar);
  for (const unit of [...units].reverse()) {
    if (minutes % minutesPerUnit[unit] === 0) return unit;
  }
  return 'minutes';
}

/** A number as the form shows it: at most two decimals, with the locale's decimal mark. */
export function amountText(value: number, decimal: ',' | '.'): string {
  const text = String(Math.round(value * 100) / 100);
  return decimal === ',' ? text.replace('.', ',') : text;
}

/** One target as typed. */
export interface TargetDraft {
  amount: string;
  unit: TargetUnit;
}

/** The whole form as typed. */
export interface SlaDraft {
  targets: Record<
    SlaPriority,
    { response: TargetDraft; resolution: TargetDraft; calendar: string }
  >;
  atRiskPercent: string;
}

function targetDraft(minutes: number, calendar: string, decimal: ',' | '.'): TargetDraft {
  const unit = naturalUnit(minutes, calendar);
  return { amount: amountText(minutes / minutesPerUnit[unit], decimal), unit };
}

/** The draft a form starts from: each target in its natural unit (1440 → 3 working days). */
export function draftOfConfig(config: SlaConfig, decimal: ',' | '.'): SlaDraft {
  const targets = {} as SlaDraft['targets'];
  for (const p of slaPriorities) {
    const t = config.targets[p];
    targets[p] = {
      response: targetDraft(t.responseMinutes, t.calendar, decimal),
      resolution: targetDraft(t.resolutionMinutes, t.calendar, decimal),
      calendar: t.calendar,
    };
  }
  return { targets, atRiskPercent: amountText(config.atRiskThreshold * 100, decimal) };
}

/**
 * A number typed the Norwegian or the English way: '1,5', '1.5', '1 440', '75 %'. Null when
 * it is not a plain number (letters, two decimal marks, exponents).
 */
export function parseAmount(text: string): number | null {
  const plain = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/%$/, '')
    .replace('−', '-');
  if (!/^-?\d+([.,]\d+)?$/.test(plain) && !/^-?[.,]\d+$/.test(plain)) return null;
  return Number(plain.replace(',', '.'));
}

/**
 * Another unit for a target, keeping its length: 1440 minutes become 24 hours. An amount
 * that is not a number yet is kept as typed.
 */
export function changeUnit(target: TargetDraft, unit: TargetUnit, decimal: ',' | '.'): TargetDraft {
  const amount = parseAmount(target.amount);
  if (amount === null) return { ...target, unit };
  const minutes = amount * minutesPerUnit[target.unit];
  return { amount: amountText(minutes / minutesPerUnit[unit], decimal), unit };
}

/** Another calendar for a priority; a target in working days moves to hours on round the clock. */
export function changeCalendar(
  row: SlaDraft['targets'][SlaPriority],
  calendar: string,
  decimal: ',' | '.',
): SlaDraft['targets'][SlaPriority] {
  const inUnitOfCalendar = (t: TargetDraft) =>
    unitsFor(calendar).includes(t.unit) ? t : changeUnit(t, 'hours', decimal);
  return {
    response: inUnitOfCalendar(row.response),
    resolution: inUnitOfCalendar(row.resolution),
    calendar,
  };
}

/** A field of the form, named as the configuration's path (and the server's 400) names it. */
export type SlaDraftField =
  | `targets.${SlaPriority}.${'responseMinutes' | 'resolutionMinutes' | 'calendar'}`
  | 'atRiskThreshold';

/** What is wrong with a field, for the view to say in the user's language. */
export type SlaDraftProblem =
  /** Nothing typed. */
  | 'required'
  /** Not a number. */
  | 'notANumber'
  /** Zero, negative, or less than one minute. */
  | 'tooSmall'
  /** The resolution target is shorter than the response target. */
  | 'resolutionBeforeResponse'
  /** The at-risk percentage is not above 0 and below 100. */
  | 'percentRange'
  /** Neither 'support' nor 'roundTheClock'. */
  | 'calendar'
  /** Anything else the configuration schema refuses. */
  | 'invalid';

export interface SlaDraftIssue {
  field: SlaDraftField;
  problem: SlaDraftProblem;
}

/** The problem a configuration-schema issue stands for (also for a server's 400). */
export function problemOfSchemaIssue(issue: z.core.$ZodIssue): SlaDraftIssue {
  const field = issue.path.join('.') as SlaDraftField;
  if (field === 'atRiskThreshold') return { field, problem: 'percentRange' };
  if (field.endsWith('.calendar')) return { field, problem: 'calendar' };
  if (issue.code === 'custom') return { field, problem: 'resolutionBeforeResponse' };
  if (issue.code === 'too_small') return { field, problem: 'tooSmall' };
  if (issue.code === 'invalid_type') return { field, problem: 'notANumber' };
  return { field, problem: 'invalid' };
}

/**
 * The configuration a draft stands for (each target rounded to whole minutes), or every field's
 * problem: first what each field alone gets wrong, then the configuration's own rules.
 */
export function checkSlaDraft(
  draft: SlaDraft,
): { ok: true; config: SlaConfig } | { ok: false; issues: SlaDraftIssue[] } {
  const issues: SlaDraftIssue[] = [];
  const minutesOf = (target: TargetDraft, field: SlaDraftField): number | null => {
    if (target.amount.trim() === '') {
      issues.push({ field, problem: 'required' });
      return null;
    }
    const amount = parseAmount(target.amount);
    if (amount === null) {
      issues.push({ field, problem: 'notANumber' });
      return null;
    }
    const minutes = Math.round(amount * minutesPerUnit[target.unit]);
    if (minutes < 1) {
      issues.push({ field, problem: 'tooSmall' });
      return null;
    }
    return minutes;
  };
  const targets: Record<string, unknown> = {};
  for (const p of slaPriorities) {
    const row = draft.targets[p];
    if (row.calendar !== 'support' && row.calendar !== 'roundTheClock') {
      issues.push({ field: `targets.${p}.calendar`, problem: 'calendar' });
    }
    targets[p] = {
      responseMinutes: minutesOf(row.response, `targets.${p}.responseMinutes`),
      resolutionMinutes: minutesOf(row.resolution, `targets.${p}.resolutionMinutes`),
      calendar: row.calendar,
    };
  }
  let atRiskThreshold: number | null = null;
  if (draft.atRiskPercent.trim() === '') {
    issues.push({ field: 'atRiskThreshold', problem: 'required' });
  } else {
    const percent = parseAmount(draft.atRiskPercent);
    if (percent === null) issues.push({ field: 'atRiskThreshold', problem: 'notANumber' });
    else if (percent <= 0 || percent >= 100) {
      issues.push({ field: 'atRiskThreshold', problem: 'percentRange' });
    } else atRiskThreshold = percent / 100;
  }
  const parsed = slaConfigSchema.safeParse({ targets, atRiskThreshold });
  if (parsed.success && issues.length === 0) return { ok: true, config: parsed.data };
  const seen = new Set(issues.map((i) => i.field));
  for (const issue of parsed.error?.issues ?? []) {
    const mapped = problemOfSchemaIssue(issue);
    if (!seen.has(mapped.field)) {
      seen.add(mapped.field);
      issues.push(mapped);
    }
  }
  return { ok: false, issues };
}

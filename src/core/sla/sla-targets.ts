/**
 * SLA targets per priority. The seed names no targets, so these are the service's
 * configuration, with defaults that follow the seed's logic: critical runs round the
 * clock because on-call takes it at night; the rest wait for support to open.
 */
import { z } from 'zod';

/** The seed's four priorities, most urgent first. */
export const slaPriorities = ['critical', 'high', 'medium', 'low'] as const;
export type SlaPriority = (typeof slaPriorities)[number];

/** Open minutes in one working day with the default support hours (08:00–16:00). */
export const WORKING_DAY_MINUTES = 480;

const minutes = (field: string) =>
  z
    .number({ error: `${field} must be a number of minutes` })
    .positive({ error: `${field} must be more than 0 minutes` })
    .finite({ error: `${field} must be a finite number of minutes` });

/** The two targets of one priority and the calendar their minutes are counted on. */
export const priorityTargetSchema = z
  .object({
    /** Open minutes until the first response. */
    responseMinutes: minutes('responseMinutes'),
    /** Open minutes until the case is resolved (paused time not counted). */
    resolutionMinutes: minutes('resolutionMinutes'),
    /** `roundTheClock` counts on-call time too; `support` only support's opening hours. */
    calendar: z.enum(['support', 'roundTheClock'], {
      error: "calendar must be 'support' or 'roundTheClock'",
    }),
  })
  .refine((t) => t.resolutionMinutes >= t.responseMinutes, {
    error: 'resolutionMinutes must not be less than responseMinutes',
    path: ['resolutionMinutes'],
  });

export type PriorityTarget = z.infer<typeof priorityTargetSchema>;

const defaultTargets: Record<SlaPriority, PriorityTarget> = {
  critical: { responseMinutes: 15, resolutionMinutes: 4 * 60, calendar: 'roundTheClock' },
  high: { responseMinutes: 60, resolutionMinutes: WORKING_DAY_MINUTES, calendar: 'support' },
  medium: { responseMinutes: 240, resolutionMinutes: 3 * WORKING_DAY_MINUTES, calendar: 'support' },
  low: {
    responseMinutes: WORKING_DAY_MINUTES,
    resolutionMinutes: 10 * WORKING_DAY_MINUTES,
    calendar: 'support',
  },
};

/** Schema of the SLA configuration; a missing priority or threshold takes the default. */
export const slaConfigSchema = z.object({
  targets: z
    .object(
      {
        critical: priorityTargetSchema.default(() => ({ ...defaultTargets.critical })),
        high: priorityTargetSchema.default(() => ({ ...defaultTargets.high })),
        medium: priorityTargetSchema.default(() => ({ ...defaultTargets.medium })),
        low: priorityTargetSchema.default(() => ({ ...defaultTargets.low })),
      },
      { error: 'targets must be an object with critical, high, medium and low' },
    )
    .default(() => ({
      critical: { ...defaultTargets.critical },
      high: { ...defaultTargets.high },
      medium: { ...defaultTargets.medium },
      low: { ...defaultTargets.low },
    })),
  /** Share of a target used from which a running clock shows as "at risk" (i faresona). */
  atRiskThreshold: z
    .number({ error: 'atRiskThreshold must be a number between 0 and 1' })
    .gt(0, { error: 'atRiskThreshold must be more than 0' })
    .lt(1, { error: 'atRiskThreshold must be less than 1' })
    .default(0.75),
});

/** A parsed SLA configuration. */
export type SlaConfig = z.infer<typeof slaConfigSchema>;
/** What a configuration file may contain (every field optional). */
export type SlaConfigInput = z.input<typeof slaConfigSchema>;

/** Critical 15 min / 4 h round the clock; high 60 min / 1 working day; medium 240 min /
 *  3 working days; low 1 / 10 working days; at risk from 75 %. */
export const defaultSlaConfig: SlaConfig = slaConfigSchema.parse({});

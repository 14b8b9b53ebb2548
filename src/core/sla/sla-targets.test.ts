import { describe, expect, it } from 'vitest';
import { defaultSlaConfig, slaConfigSchema } from './sla-targets';

describe('SLA targets', () => {
  it.each([
    { priority: 'critical', response: 15, resolution: 240, calendar: 'roundTheClock' },
    { priority: 'high', response: 60, resolution: 480, calendar: 'support' },
    { priority: 'medium', response: 240, resolution: 1440, calendar: 'support' },
    { priority: 'low', response: 480, resolution: 4800, calendar: 'support' },
  ] as const)(
    '$priority: respond in $response, resolve in $resolution open minutes on $calendar',
    ({ priority, response, resolution, calendar }) => {
      expect(defaultSlaConfig.targets[priority]).toEqual({
        responseMinutes: response,
        resolutionMinutes: resolution,
        calendar,
      });
    },
  );

  it('is at risk from 75 % by default', () => {
    expect(defaultSlaConfig.atRiskThreshold).toBe(0.75);
  });

  it('keeps defaults for priorities a configuration leaves out', () => {
    const config = slaConfigSchema.parse({
      targets: { high: { responseMinutes: 30, resolutionMinutes: 240, calendar: 'support' } },
    });
    expect(config.targets.high.responseMinutes).toBe(30);
    expect(config.targets.low).toEqual(defaultSlaConfig.targets.low);
  });

  it.each([
    { input: { atRiskThreshold: 1.5 }, path: 'atRiskThreshold', says: 'atRiskThreshold' },
    {
      input: {
        targets: { low: { responseMinutes: 0, resolutionMinutes: 10, calendar: 'support' } },
      },
      path: 'targets.low.responseMinutes',
      says: 'responseMinutes',
    },
    {
      input: {
        targets: { low: { responseMinutes: 60, resolutionMinutes: 30, calendar: 'support' } },
      },
      path: 'targets.low.resolutionMinutes',
      says: 'resolutionMinutes',
    },
    {
      input: {
        targets: { high: { responseMinutes: 60, resolutionMinutes: 90, calendar: 'weekdays' } },
      },
      path: 'targets.high.calendar',
      says: 'calendar',
    },
  ])('rejects a bad $path with a message naming $says', ({ input, path, says }) => {
    const result = slaConfigSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path.join('.') === path);
    expect(issue?.message).toContain(says);
  });
});

import { describe, expect, it } from 'vitest';
import { priorityStepsFor } from './priority-steps';

const keys = (s: ReturnType<typeof priorityStepsFor>) => s.steps.map((x) => x.question.key);

describe('priority questions one at a time', () => {
  it('starts with whether the fault blocks work', () => {
    const s = priorityStepsFor({}, {});
    expect(keys(s)).toEqual(['completeLoss']);
    expect(s.complete).toBe(false);
  });

  it('"not blocking" settles low at once', () => {
    const s = priorityStepsFor({}, { completeLoss: false });
    expect(s).toMatchObject({ complete: true, answers: { completeLoss: false } });
    expect(s.classification.priority).toBe('low');
  });

  it('a health category presets life and health: one question makes it critical', () => {
    const s = priorityStepsFor({ lifeAndHealth: true }, { completeLoss: true });
    expect(keys(s)).toEqual(['completeLoss']);
    expect(s.classification.priority).toBe('critical');
    expect(s.answers).toEqual({ lifeAndHealth: true, completeLoss: true });
  });

  it('walks to a whole unit = high', () => {
    const given = {
      completeLoss: true,
      lifeAndHealth: false,
      homeOffice: false,
      highUptimeSystem: false,
      scope: 'unit' as const,
    };
    const s = priorityStepsFor({}, given);
    expect(keys(s)).toEqual([
      'completeLoss',
      'lifeAndHealth',
      'homeOffice',
      'highUptimeSystem',
      'scope',
    ]);
    expect(s).toMatchObject({ complete: true, classification: { priority: 'high' } });
  });

  it('changing an earlier answer drops the questions it no longer needs', () => {
    const s = priorityStepsFor({}, { completeLoss: false, lifeAndHealth: true, scope: 'unit' });
    expect(keys(s)).toEqual(['completeLoss']);
    expect(s.answers).toEqual({ completeLoss: false });
  });

  it('stops at the first unanswered question', () => {
    const s = priorityStepsFor({}, { completeLoss: true, homeOffice: false });
    expect(s.steps.map((x) => [x.question.key, x.answer])).toEqual([
      ['completeLoss', true],
      ['lifeAndHealth', undefined],
    ]);
  });
});

import type { PriorityAnswers } from '@core/case/index';
import { describe, expect, it } from 'vitest';
import { type PriorityDecision, priorityToRegister, type WizardState } from './wizard-state';

const wizardAnswers = { stopsWork: true } as unknown as PriorityAnswers;
const earlierAnswers = { stopsWork: false } as unknown as PriorityAnswers;

describe('the priority a phone case is registered with', () => {
  it.each<
    [
      string,
      { priority: 'medium' | 'low'; answers: PriorityAnswers | null },
      WizardState,
      PriorityDecision,
    ]
  >([
    [
      'no wizard: the list',
      { priority: 'medium', answers: null },
      { kind: 'closed' },
      { kind: 'use', priority: 'medium', answers: null, fromPendingSuggestion: false },
    ],
    [
      'an applied suggestion: the list (it holds the applied value and answers)',
      { priority: 'low', answers: earlierAnswers },
      { kind: 'closed' },
      { kind: 'use', priority: 'low', answers: earlierAnswers, fromPendingSuggestion: false },
    ],
    [
      'a suggestion not applied: the suggestion, with its answers',
      { priority: 'medium', answers: null },
      { kind: 'suggestion', priority: 'high', answers: wizardAnswers },
      { kind: 'use', priority: 'high', answers: wizardAnswers, fromPendingSuggestion: true },
    ],
    [
      'a suggestion not applied wins over an earlier applied one',
      { priority: 'low', answers: earlierAnswers },
      { kind: 'suggestion', priority: 'critical', answers: wizardAnswers },
      { kind: 'use', priority: 'critical', answers: wizardAnswers, fromPendingSuggestion: true },
    ],
    [
      'a wizard left halfway: not yet',
      { priority: 'medium', answers: null },
      { kind: 'asking' },
      { kind: 'unfinished' },
    ],
  ])('%s', (_, chosen, wizard, decision) => {
    expect(priorityToRegister(chosen, wizard)).toEqual(decision);
  });
});

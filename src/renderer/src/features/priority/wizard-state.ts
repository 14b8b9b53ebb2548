import type { Priority, PriorityAnswers } from '@core/case/index';

/**
 * Where the priority wizard stands beside a form:
 * - `closed`: not open (never started, cancelled, applied, or a priority picked by hand).
 * - `asking`: open, with a question still unanswered.
 * - `suggestion`: every question needed is answered and it suggests a priority, not applied yet.
 */
export type WizardState =
  | { kind: 'closed' }
  | { kind: 'asking' }
  | { kind: 'suggestion'; priority: Priority; answers: PriorityAnswers };

export const wizardClosed: WizardState = { kind: 'closed' };

/** What a form registers as the priority, or why it will not register yet. */
export type PriorityDecision =
  | {
      kind: 'use';
      priority: Priority;
      answers: PriorityAnswers | null;
      /** The wizard's suggestion was taken although "Bruk …" was not pressed. */
      fromPendingSuggestion: boolean;
    }
  | { kind: 'unfinished' };

/**
 * The priority to register when the form is sent. A suggestion on screen is the agent's
 * latest answer (a priority picked by hand closes the wizard), so it is used; a wizard left
 * halfway gives no answer at all, so the form asks the agent to finish or cancel it rather
 * than guess.
 */
export function priorityToRegister(
  chosen: { priority: Priority; answers: PriorityAnswers | null },
  wizard: WizardState,
): PriorityDecision {
  switch (wizard.kind) {
    case 'closed':
      return { kind: 'use', ...chosen, fromPendingSuggestion: false };
    case 'suggestion':
      return {
        kind: 'use',
        priority: wizard.priority,
        answers: wizard.answers,
        fromPendingSuggestion: true,
      };
    case 'asking':
      return { kind: 'unfinished' };
  }
}

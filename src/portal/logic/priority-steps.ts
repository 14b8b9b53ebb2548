/**
 * The seed's priority questions as the portal asks them: one at a time, only those the
 * answers so far leave open, starting from what the category already says (its preset
 * answers). Changing an earlier answer drops the later questions it no longer needs.
 */
import type { PriorityAnswers } from '@core/case';
import {
  classifyPriority,
  type PriorityClassification,
  type PriorityQuestion,
  priorityQuestions,
} from '@core/priority';

export interface PriorityStep {
  question: PriorityQuestion;
  /** The user's answer, or undefined for the question waiting to be answered. */
  answer: PriorityAnswers[keyof PriorityAnswers] | undefined;
}

export interface PrioritySteps {
  /** Questions to show, in asking order; only the last may be unanswered. */
  steps: PriorityStep[];
  /** Preset answers plus the answers to the shown questions: what the case stores. */
  answers: PriorityAnswers;
  classification: PriorityClassification;
  /** True when no further answer could change the priority. */
  complete: boolean;
}

export function priorityStepsFor(preset: PriorityAnswers, given: PriorityAnswers): PrioritySteps {
  const answers: PriorityAnswers = { ...preset };
  const steps: PriorityStep[] = [];
  for (let i = 0; i <= priorityQuestions.length; i++) {
    const next = classifyPriority(answers).nextQuestion;
    if (next === null) break;
    const question = priorityQuestions.find((q) => q.key === next)!;
    const answer = given[next];
    steps.push({ question, answer });
    if (answer === undefined) break;
    Object.assign(answers, { [next]: answer });
  }
  const classification = classifyPriority(answers);
  return { steps, answers, classification, complete: classification.nextQuestion === null };
}

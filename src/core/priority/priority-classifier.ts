import type { PriorityAnswers } from '../case/case-record';
import type { Priority } from '../case/case-vocabulary';
import type { Locale, LocalizedText } from '../config/localized-text';
import {
  type DefinitionKey,
  definitionPriority,
  priorityDefinitions,
  priorityLabels,
} from './priority-definition';
import { type PriorityQuestionKey, priorityQuestions } from './priority-question';

/** What the classifier concludes from the answers given so far. */
export interface PriorityClassification {
  priority: Priority;
  /** The seed definition that gives `priority`. */
  decidedBy: DefinitionKey;
  /** That definition's wording, to show or to store in the audit trail. */
  definition: LocalizedText;
  /**
   * The question to ask next, or null when no further answer could change the priority.
   * While it is not null, `priority` is provisional: what the answers so far establish.
   */
  nextQuestion: PriorityQuestionKey | null;
}

/**
 * The seed's table as one decision on complete answers (an unanswered question counts as
 * "no", and an unknown scope as one user: the least the caller has claimed). Precedence:
 * 1. Loss of a life-and-health system is critical, even when reported from a home office:
 *    the nurse at home still cannot reach the patient record, and on-call must know.
 * 2. Otherwise a home-office set-up is low, whatever else is lost: the seed names home-office
 *    fixing as low, and the system itself works for everyone at the office.
 * 3. Otherwise a fault that does not stop the work is low: every higher definition is a loss.
 *    This is also why a citizen-facing e-service with a cosmetic fault is not high.
 * 4. Loss of another high-uptime system is critical ("may also be placed here").
 * 5. Loss for a whole unit or professional group is high; loss of a citizen-facing e-service
 *    is high.
 * 6. Loss for one user is medium.
 */
function decide(answers: PriorityAnswers): DefinitionKey {
  const loss = answers.completeLoss === true;
  if (answers.lifeAndHealth === true && loss) return 'lifeAndHealth';
  if (answers.homeOffice === true) return 'homeOffice';
  if (!loss) return 'notBlocking';
  if (answers.highUptimeSystem === true) return 'highUptime';
  if (answers.scope === 'unit') return 'unitLoss';
  if (answers.citizenService === true) return 'citizenService';
  return 'userLoss';
}

const possibleValues: Readonly<Record<PriorityQuestionKey, readonly unknown[]>> = {
  completeLoss: [true, false],
  lifeAndHealth: [true, false],
  homeOffice: [true, false],
  highUptimeSystem: [true, false],
  scope: ['oneUser', 'unit'],
  citizenService: [true, false],
};

/** Every way the unanswered questions could still be answered (at most 64). */
function completions(answers: PriorityAnswers): PriorityAnswers[] {
  let result: PriorityAnswers[] = [answers];
  for (const { key } of priorityQuestions) {
    if (answers[key] !== undefined) continue;
    result = result.flatMap((partial) =>
      possibleValues[key].map((value) => ({ ...partial, [key]: value })),
    );
  }
  return result;
}

/**
 * The first unanswered question, in the asking order, whose answer can change the priority.
 * A question is worth asking if some way of answering the others makes its two answers give
 * different priorities; once no such question is left, the priority is settled.
 */
function nextQuestionFor(answers: PriorityAnswers): PriorityQuestionKey | null {
  const all = completions(answers);
  const settled = all.every(
    (c) => definitionPriority[decide(c)] === definitionPriority[decide(all[0]!)],
  );
  if (settled) return null;
  for (const { key } of priorityQuestions) {
    if (answers[key] !== undefined) continue;
    const matters = all.some((c) => {
      const outcomes = possibleValues[key].map(
        (value) => definitionPriority[decide({ ...c, [key]: value })],
      );
      return outcomes.some((p) => p !== outcomes[0]);
    });
    if (matters) return key;
  }
  return null;
}

/**
 * Classifies a case by the seed's four definitions. Works with partial answers: the result
 * says which question to ask next and the best priority the answers establish so far, so the
 * portal and the phone wizard can stop as soon as `nextQuestion` is null.
 */
export function classifyPriority(answers: PriorityAnswers): PriorityClassification {
  const decidedBy = decide(answers);
  return {
    priority: definitionPriority[decidedBy],
    decidedBy,
    definition: priorityDefinitions[decidedBy],
    nextQuestion: nextQuestionFor(answers),
  };
}

const explanationPhrases: Readonly<
  Record<Locale, { settled: (label: string) => string; provisional: (label: string) => string }>
> = {
  nn: {
    settled: (label) => `Prioritet ${label}`,
    provisional: (label) => `Førebels prioritet ${label} (ikkje alle spørsmåla er svara på)`,
  },
  nb: {
    settled: (label) => `Prioritet ${label}`,
    provisional: (label) => `Foreløpig prioritet ${label} (ikke alle spørsmålene er besvart)`,
  },
  en: {
    settled: (label) => `Priority ${label}`,
    provisional: (label) => `Provisional priority ${label} (not every question is answered)`,
  },
};

/**
 * One sentence for the audit trail and the case view: the priority and the seed definition
 * that gave it, e.g. "Prioritet høg: Fullstendig bortfall av system som gjeld minst ei (1)
 * eining / faggruppe."
 */
export function explainPriority(answers: PriorityAnswers, locale: Locale): string {
  const result = classifyPriority(answers);
  const phrases = explanationPhrases[locale];
  const label = priorityLabels[locale][result.priority];
  const lead = result.nextQuestion === null ? phrases.settled(label) : phrases.provisional(label);
  return `${lead}: ${result.definition[locale]}`;
}

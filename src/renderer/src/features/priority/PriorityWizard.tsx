import type { Priority, PriorityAnswers } from '@core/case/index';
import {
  classifyPriority,
  type PriorityQuestionKey,
  priorityLabel,
  priorityQuestions,
} from '@core/priority/index';
import { useEffect, useRef, useState } from 'react';
import { useLocale, useT } from '../../i18n/use-t';
import type { WizardState } from './wizard-state';

interface PriorityWizardProps {
  /** Called with the classifier's priority and the answers that gave it. */
  onApply: (priority: Priority, answers: PriorityAnswers) => void;
  onCancel?: () => void;
  /** Answers known beforehand (the category's presets, or the case's earlier answers). */
  preset?: PriorityAnswers;
  /** Told whether a question is open or a suggestion waits to be applied, at every step. */
  onStateChange?: (state: WizardState) => void;
}

type Answer = { key: PriorityQuestionKey; value: boolean | string };

/**
 * The seed's priority definitions asked as questions, one at a time, in the classifier's
 * order; stops as soon as no answer could change the result. Focus follows the question so
 * it can be run from the keyboard alone, and read aloud to a caller.
 */
export function PriorityWizard({ onApply, onCancel, preset, onStateChange }: PriorityWizardProps) {
  const t = useT();
  const locale = useLocale();
  const [answered, setAnswered] = useState<Answer[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  const answers = {
    ...preset,
    ...Object.fromEntries(answered.map((a) => [a.key, a.value])),
  } as PriorityAnswers;
  const result = classifyPriority(answers);
  const question = priorityQuestions.find((q) => q.key === result.nextQuestion);

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves on every step
  useEffect(() => {
    heading.current?.focus();
  }, [answered.length]);

  // The form that holds the wizard must know of a suggestion not applied (see wizard-state.ts).
  const stateKey = question ? 'asking' : `${result.priority}:${JSON.stringify(answers)}`;
  const reported = useRef(onStateChange);
  reported.current = onStateChange;
  // biome-ignore lint/correctness/useExhaustiveDependencies: stateKey stands for the state
  useEffect(() => {
    reported.current?.(
      question ? { kind: 'asking' } : { kind: 'suggestion', priority: result.priority, answers },
    );
  }, [stateKey]);

  const answer = (value: boolean | string) =>
    question && setAnswered([...answered, { key: question.key, value }]);

  return (
    <section className="wizard" aria-label={t('wizard.title')} data-testid="priority-wizard">
      {question ? (
        <>
          <p className="field__hint" aria-live="polite">
            {t('wizard.progress', { n: answered.length + 1, total: priorityQuestions.length })}
          </p>
          <h3 ref={heading} tabIndex={-1}>
            {question.text[locale]}
          </h3>
          <p className="wizard__help">{question.help[locale]}</p>
          <div className="row">
            {question.kind === 'yesNo' ? (
              <>
                <button type="button" onClick={() => answer(true)}>
                  {t('common.yes')}
                </button>
                <button type="button" onClick={() => answer(false)}>
                  {t('common.no')}
                </button>
              </>
            ) : (
              question.options?.map((o) => (
                <button key={o.value} type="button" onClick={() => answer(o.value)}>
                  {o.label[locale]}
                </button>
              ))
            )}
          </div>
        </>
      ) : (
        <>
          <h3 ref={heading} tabIndex={-1} data-testid="wizard-result">
            {t('wizard.result', { priority: priorityLabel(result.priority, locale) })}
          </h3>
          <p className="wizard__help">
            {t('wizard.because', { definition: result.definition[locale] })}
          </p>
          <div className="row">
            <button
              type="button"
              className="primary"
              onClick={() => onApply(result.priority, answers)}
            >
              {t('wizard.apply', { priority: priorityLabel(result.priority, locale) })}
            </button>
          </div>
        </>
      )}
      <div className="row" style={{ marginTop: '0.5rem' }}>
        {answered.length > 0 ? (
          <button type="button" className="link" onClick={() => setAnswered(answered.slice(0, -1))}>
            {t('wizard.back')}
          </button>
        ) : null}
        {answered.length > 0 ? (
          <button type="button" className="link" onClick={() => setAnswered([])}>
            {t('wizard.restart')}
          </button>
        ) : null}
        {onCancel ? (
          <button type="button" className="link" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </section>
  );
}

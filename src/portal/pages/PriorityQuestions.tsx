import type { PriorityAnswers } from '@core/case';
import { priorityLabels } from '@core/priority';
import { usePortal } from '../app/portal-context';
import type { PrioritySteps } from '../logic/priority-steps';
import { questionInputId } from '../logic/report-draft';

/** The seed's priority questions, one fieldset each, asked only while they can matter. */
export function PriorityQuestions(props: {
  steps: PrioritySteps;
  error: { key: string; message: string } | null;
  onAnswer(answers: PriorityAnswers): void;
  given: PriorityAnswers;
}) {
  const { t, locale } = usePortal();
  return (
    <fieldset className="card fieldset">
      <legend>{t('report.priorityLegend')}</legend>
      <p className="hint">{t('report.priorityIntro')}</p>
      {props.steps.steps.map(({ question, answer }) => {
        const base = questionInputId(question.key);
        const helpId = `${base}-help`;
        const error = props.error?.key === question.key ? props.error.message : null;
        const errorId = `${base}-error`;
        const choices: { value: string | boolean; label: string }[] =
          question.kind === 'choice'
            ? (question.options ?? []).map((o) => ({ value: o.value, label: o.label[locale] }))
            : [
                { value: true, label: t('report.yes') },
                { value: false, label: t('report.no') },
              ];
        return (
          <fieldset
            key={question.key}
            className="question"
            aria-describedby={error ? `${errorId} ${helpId}` : helpId}
          >
            <legend>{question.text[locale]}</legend>
            <p className="field__help" id={helpId}>
              {question.help[locale]}
            </p>
            {error && (
              <p className="field__error" id={errorId}>
                {error}
              </p>
            )}
            <div className="choices">
              {choices.map((choice, i) => {
                const id = i === 0 ? base : `${base}-${String(choice.value)}`;
                return (
                  <div className="choice" key={String(choice.value)}>
                    <input
                      type="radio"
                      id={id}
                      name={base}
                      checked={answer === choice.value}
                      aria-invalid={error ? true : undefined}
                      onChange={() =>
                        props.onAnswer({ ...props.given, [question.key]: choice.value })
                      }
                    />
                    <label htmlFor={id}>{choice.label}</label>
                  </div>
                );
              })}
            </div>
          </fieldset>
        );
      })}
      <p className="priority-result" aria-live="polite" data-testid="priority-result">
        {props.steps.complete &&
          t('report.priorityResult', {
            priority: priorityLabels[locale][props.steps.classification.priority],
          })}
      </p>
    </fieldset>
  );
}

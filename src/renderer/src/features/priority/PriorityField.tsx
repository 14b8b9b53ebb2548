import { type Priority, type PriorityAnswers, priorities } from '@core/case/index';
import { priorityName } from '@core/priority/index';
import { useId, useState } from 'react';
import { useLocale, useT } from '../../i18n/use-t';
import { PriorityWizard } from './PriorityWizard';
import { type WizardState, wizardClosed } from './wizard-state';

interface PriorityFieldProps {
  value: Priority;
  /** Answers the wizard starts from (the case's earlier answers, or a category's preset). */
  preset?: PriorityAnswers | undefined;
  /** A priority picked by hand from the list. */
  onSelect: (priority: Priority) => void;
  /** A priority given by the wizard, with the answers that gave it. */
  onApply: (priority: Priority, answers: PriorityAnswers) => void;
  /** Return focus to the list after the wizard (a form the user goes on filling in). */
  refocusAfterWizard?: boolean;
  /** Told when the wizard opens, moves between asking and suggesting, and closes. */
  onWizardChange?: (state: WizardState) => void;
}

/** The priority: a list to pick by hand, and the seed's questions as a wizard beside it. */
export function PriorityField({
  value,
  preset,
  onSelect,
  onApply,
  refocusAfterWizard = false,
  onWizardChange,
}: PriorityFieldProps) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const [wizard, setWizardOpen] = useState(false);
  const setWizard = (open: boolean) => {
    setWizardOpen(open);
    if (!open) onWizardChange?.(wizardClosed);
  };
  return (
    <>
      <div className="field">
        <label htmlFor={id}>{t('case.priority')}</label>
        <div className="row">
          <select
            id={id}
            value={value}
            onChange={(e) => {
              // A priority picked by hand is the agent's answer: it closes the wizard.
              setWizard(false);
              onSelect(e.target.value as Priority);
            }}
          >
            {priorities.map((p) => (
              <option key={p} value={p}>
                {priorityName(p, locale)}
              </option>
            ))}
          </select>
          {!wizard ? (
            <button type="button" onClick={() => setWizard(true)}>
              {t('wizard.start')}
            </button>
          ) : null}
        </div>
      </div>
      {wizard ? (
        <PriorityWizard
          preset={preset}
          onStateChange={onWizardChange}
          onCancel={() => setWizard(false)}
          onApply={(priority, answers) => {
            setWizard(false);
            onApply(priority, answers);
            if (refocusAfterWizard) document.getElementById(id)?.focus();
          }}
        />
      ) : null}
    </>
  );
}

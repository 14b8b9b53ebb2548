import type { Priority } from '@core/case/index';
import type { SlaDraft, SlaDraftField, SlaDraftIssue } from '@core/sla/index';
import type { SlaTranslate } from './sla-board-messages';

/** A field of the targets form as the user reads it: 'Høg — Responstid'. */
export function fieldLabel(field: SlaDraftField, t: SlaTranslate): string {
  if (field === 'atRiskThreshold') return t('settings.atRiskThreshold');
  const [, priority, name] = field.split('.') as [string, Priority, string];
  const what =
    name === 'responseMinutes'
      ? t('settings.response')
      : name === 'resolutionMinutes'
        ? t('settings.resolution')
        : t('settings.calendar');
  return `${t(`priority.${priority}`)} — ${what}`;
}

/** What was typed in a field, for a message that quotes it. */
function typed(draft: SlaDraft, field: SlaDraftField): string {
  if (field === 'atRiskThreshold') return draft.atRiskPercent;
  const [, priority, name] = field.split('.') as [string, Priority, string];
  const row = draft.targets[priority];
  return name === 'responseMinutes'
    ? row.response.amount
    : name === 'resolutionMinutes'
      ? row.resolution.amount
      : row.calendar;
}

/** One problem of the form in the user's language, naming the field: 'Høg — Responstid: …'. */
export function issueText(issue: SlaDraftIssue, draft: SlaDraft, t: SlaTranslate): string {
  return t('settings.invalid', {
    field: fieldLabel(issue.field, t),
    message: t(`settings.problem.${issue.problem}`, { value: typed(draft, issue.field).trim() }),
  });
}

import { type ServiceCalendar, statusAt } from '@core/calendar/index';
import type { CaseRecord } from '@core/case/index';
import type { MunicipalityConfig } from '@core/config/index';
import type { TemplateValues } from '@core/content/index';

/**
 * What a reply template's placeholders become on this case: its number, title, requester and
 * municipality, the agent writing, and the number to call now (support in opening hours,
 * on-call outside them; the support number when nobody answers).
 */
export function templateValuesFor(
  record: Pick<CaseRecord, 'number' | 'title'> & {
    requester: Pick<CaseRecord['requester'], 'name' | 'municipalityId'>;
  },
  context: {
    agentName: string;
    municipalities: readonly MunicipalityConfig[];
    calendar: ServiceCalendar;
    supportNumber: string;
    now: number;
  },
): TemplateValues {
  const status = statusAt(context.calendar, context.now);
  return {
    caseNumber: record.number ?? '',
    caseTitle: record.title,
    requester: record.requester.name,
    agent: context.agentName,
    callNumber: status.callNumber ?? context.supportNumber,
    municipality:
      context.municipalities.find((m) => m.id === record.requester.municipalityId)?.name ??
      record.requester.municipalityId,
  };
}

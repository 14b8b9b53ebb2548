import { createServiceCalendar } from '@core/calendar/index';
import { defaultServiceConfig } from '@core/config/index';
import { fillTemplateText } from '@core/content/index';
import { describe, expect, it } from 'vitest';
import { replyKindOf } from './ReplyPicker';
import { templateValuesFor } from './reply-text';

const calendar = createServiceCalendar(defaultServiceConfig.calendar);
const record = {
  number: '2026-00042',
  title: 'Skrivaren skriv ikkje',
  requester: { name: 'Kari Nordmann', municipalityId: 'molde', contact: '', userId: null },
};
const context = (now: string) => ({
  agentName: 'Agent Ein',
  municipalities: defaultServiceConfig.municipalities,
  calendar,
  supportNumber: '70 16 29 99',
  now: Date.parse(now),
});

describe('a reply template filled in on a case', () => {
  it.each([
    ['a Tuesday at 10:00, support is open', '2026-03-10T09:00:00Z', '70 16 29 99'],
    ['a Tuesday at 17:00, on-call answers', '2026-03-10T16:00:00Z', '70 16 24 46'],
  ])('%s: the number to call', (_when, now, number) => {
    const values = templateValuesFor(record, context(now));
    expect(
      fillTemplateText(
        'Sak {caseNumber} til {requester} i {municipality}: ring {callNumber}. {agent}',
        values,
      ),
    ).toBe(`Sak 2026-00042 til Kari Nordmann i Molde kommune: ring ${number}. Agent Ein`);
  });

  it('a case not numbered yet leaves its placeholder as written', () => {
    const values = templateValuesFor({ ...record, number: null }, context('2026-03-10T09:00:00Z'));
    expect(fillTemplateText('Sak {caseNumber}', values)).toBe('Sak {caseNumber}');
  });
});

describe('the comment box keys', () => {
  it.each([
    [{ altKey: true, ctrlKey: false, metaKey: false, key: 'm' }, 'template'],
    [{ altKey: true, ctrlKey: false, metaKey: false, key: 'K' }, 'faq'],
    [{ altKey: false, ctrlKey: false, metaKey: false, key: 'm' }, null],
    [{ altKey: true, ctrlKey: true, metaKey: false, key: 'm' }, null],
  ])('%o → %s', (e, kind) => {
    expect(replyKindOf(e)).toBe(kind);
  });
});

import { priorities } from '@core/case/index';
import { placeholdersOf } from '@core/i18n/message-template';
import { priorityName } from '@core/priority/index';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../i18n/translate';
import { slaCatalogues, slaNn, slaTranslator } from './sla-board-messages';

const placeholders = placeholdersOf;

describe('SLA board catalogues', () => {
  const keys = Object.keys(slaNn).sort();
  it.each(['nb', 'en'] as const)('%s has exactly the Nynorsk keys and placeholders', (locale) => {
    const catalogue = slaCatalogues[locale];
    expect(Object.keys(catalogue).sort()).toEqual(keys);
    for (const key of keys) {
      const k = key as keyof typeof slaNn;
      expect([key, placeholders(catalogue[k])]).toEqual([key, placeholders(slaNn[k])]);
    }
  });
  it.each(['nn', 'nb', 'en'] as const)('%s has no empty texts', (locale) => {
    for (const text of Object.values(slaCatalogues[locale])) expect(text.trim()).not.toBe('');
  });
  it('uses the glossary words', () => {
    expect(slaNn['status.atRisk']).toBe('I faresona');
    expect(slaCatalogues.nb['status.breached']).toBe('Brutt');
    expect(slaTranslator('en')('line.n', { line: 2 })).toBe('Line 2');
  });
  // One word per idea: the board says what the case view and the cards say.
  it.each(['nn', 'nb', 'en'] as const)(
    '%s: SLA states and priorities as in the workstation',
    (locale) => {
      const board = slaCatalogues[locale];
      const app = catalogues[locale];
      expect([board['status.met'], board['status.breachedMet'], board['status.paused']]).toEqual([
        app['sla.met'],
        app['sla.breachedMet'],
        app['sla.paused'],
      ]);
      for (const p of priorities) expect(board[`priority.${p}`]).toBe(priorityName(p, locale));
    },
  );
});

import { describe, expect, it } from 'vitest';
import { placeholdersOf } from '../i18n/message-template';
import { ruleIds } from './rule-id';
import { formatRuleMessage, refusalText, ruleMessages } from './rule-messages';

const placeholders = placeholdersOf;

describe('rule messages', () => {
  it.each(['nn', 'nb', 'en'] as const)(
    '%s has a message for every rule, and no others',
    (locale) => {
      expect(Object.keys(ruleMessages[locale]).sort()).toEqual([...ruleIds].sort());
    },
  );

  it.each([...ruleIds])('%s uses the same placeholders in every language', (rule) => {
    expect(placeholders(ruleMessages.nb[rule])).toEqual(placeholders(ruleMessages.nn[rule]));
    expect(placeholders(ruleMessages.en[rule])).toEqual(placeholders(ruleMessages.nn[rule]));
  });

  it.each([
    [
      'nn',
      'status.transition',
      { from: 'closed', to: 'inProgress' },
      'Ei sak som er lukka, kan ikkje setjast til under arbeid.',
    ],
    [
      'nb',
      'status.transition',
      { from: 'resolved', to: 'waiting' },
      'En sak som er løst, kan ikke settes til venter.',
    ],
    [
      'nn',
      'priority.aboveDefinition',
      { priority: 'high', definitionPriority: 'low' },
      'Svara dine gjev prioritet lav, ikkje høg. Ring brukarstøtta om det hastar meir.',
    ],
    [
      'nb',
      'assignment.notOnLine',
      { line: 2 },
      'Saken ligger på 2. linje, og kan bare tildeles noen som arbeider på 2. linje.',
    ],
    ['en', 'escalation.sameLine', {}, 'The case is already on line {line}.'],
  ] as const)('%s %s', (locale, rule, params, text) => {
    expect(formatRuleMessage(rule, locale, params)).toBe(text);
  });
});

describe('a refusal in the user’s language', () => {
  it.each([
    ['a known rule with its parameters', 'escalation.reasonRequired', {}, 'nn', 'differs'],
    ['an unknown rule keeps the server’s reason', 'some.futureRule', {}, 'nn', 'reason'],
    ['no rule keeps the server’s reason', null, {}, 'nb', 'reason'],
  ] as const)('%s', (_what, rule, params, locale, expected) => {
    const reason = 'the reason as the server said it';
    const text = refusalText(rule, params, reason, locale);
    if (expected === 'reason') expect(text).toBe(reason);
    else expect(text).toBe(formatRuleMessage('escalation.reasonRequired', locale, params));
  });
});

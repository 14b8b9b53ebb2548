import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { failureText } from './failure-text';

const words = { noAnswer: 'Fekk ikkje svar.', unknown: 'Noko gjekk gale.' };
const refused = (rule: string, params: Record<string, string | number>, detail: string) =>
  new ApiError('problem', detail, 422, {
    type: 'about:blank',
    title: 'Unprocessable',
    status: 422,
    detail,
    rule,
    params,
  });

describe('a failed call worded for the user', () => {
  it.each([
    [
      'a refusal by a rule, in Nynorsk',
      refused('requester.cannotEscalate', {}, 'requesters cannot escalate'),
      'nn',
      'Berre brukarstøtta kan sende saka vidare til 2. eller 3. linje.',
    ],
    [
      'a refusal with parameters, in Bokmål',
      refused('case.unknownCategory', { category: 'skrivar' }, 'unknown category skrivar'),
      'nb',
      'Kategorien «skrivar» finnes ikke.',
    ],
    [
      'a refusal in English',
      refused('case.closed', {}, 'the case is closed'),
      'en',
      // core's English text for the rule, not the server's detail
      expect.not.stringMatching(/^the case is closed$/),
    ],
    [
      'a rule this client does not know: the server’s detail',
      refused('new.rule', {}, 'a newer server said no'),
      'nn',
      'a newer server said no',
    ],
    [
      'no answer',
      new ApiError('network', 'no answer from the server: Failed to fetch'),
      'nn',
      'Fekk ikkje svar.',
    ],
    [
      'an answer the contract forbids',
      new ApiError('invalid', 'bad answer', 200),
      'nn',
      'Noko gjekk gale.',
    ],
    ['not an ApiError at all', new TypeError('x is undefined'), 'nn', 'Noko gjekk gale.'],
  ] as const)('%s', (_what, error, locale, text) => {
    expect(failureText(error, locale, words)).toEqual(text);
  });
});

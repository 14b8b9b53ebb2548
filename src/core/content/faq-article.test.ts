import { describe, expect, it } from 'vitest';
import { faqArticleInputSchema, matchesFaq } from './faq-article';

describe('FAQ articles', () => {
  const article = {
    question: 'Korleis byter eg passord?',
    answer: 'Gå til Min side og vel «Nytt passord».',
  };
  it.each([
    [undefined, true],
    ['', true],
    ['PASSORD', true],
    ['passord min side', true],
    ['passord skrivar', false],
    ['Nytt', true],
  ])('query %o matches: %s', (query, expected) => {
    expect(matchesFaq(article, query)).toBe(expected);
  });

  it('needs a question and an answer, and names what is missing', () => {
    const parsed = faqArticleInputSchema.safeParse({ question: ' ', answer: '' });
    expect(parsed.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'answer',
      'question',
    ]);
  });

  it('defaults to no category, first in order', () => {
    expect(faqArticleInputSchema.parse(article)).toEqual({
      ...article,
      categoryId: null,
      categoryIds: [],
      translations: {},
      sortOrder: 0,
    });
  });
});

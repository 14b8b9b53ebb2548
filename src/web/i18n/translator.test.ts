import { describe, expect, it } from 'vitest';
import { catalogueProblems, createTranslator, translateCount } from './translator';

const nn = {
  greeting: 'Hei, {name}!',
  pending: '{count} endringar ventar',
  pendingOne: '{count} endring ventar',
  onlyNn: 'Berre på nynorsk',
};
type Key = keyof typeof nn;
const nb: Record<Key, string> = {
  greeting: 'Hei, {name}!',
  pending: '{count} endringer venter',
  pendingOne: '{count} endring venter',
  onlyNn: 'Bare på bokmål',
};
const en: Record<Key, string> = {
  greeting: 'Hello, {name}!',
  pending: '{count} changes waiting',
  pendingOne: '{count} change waiting',
  onlyNn: 'English',
};
const { translate, translatorFor } = createTranslator<Key>({ nn, nb, en });

describe('one translator over each app’s own catalogues', () => {
  it.each([
    ['nn', 'greeting', { name: 'Kari' }, 'Hei, Kari!'],
    ['en', 'greeting', { name: 'Kari' }, 'Hello, Kari!'],
    ['en', 'greeting', undefined, 'Hello, {name}!'],
    ['nb', 'pending', { count: 3 }, '3 endringer venter'],
  ] as const)('%s %s %o → %s', (locale, key, params, text) => {
    expect(translate(locale, key, params)).toBe(text);
    expect(translatorFor(locale)(key, params)).toBe(text);
  });

  it('falls back to Nynorsk for a text a catalogue lacks', () => {
    const partial = createTranslator<Key>({ nn, nb, en: { ...en, onlyNn: undefined as never } });
    expect(partial.translate('en', 'onlyNn')).toBe('Berre på nynorsk');
  });

  it('gives the same function for a locale each time (stable for React memos)', () => {
    expect(translatorFor('nb')).toBe(translatorFor('nb'));
  });

  it.each([
    ['nn', 1, '1 endring ventar'],
    ['nn', 0, '0 endringar ventar'],
    ['nb', 12, '12 endringer venter'],
    ['en', 1, '1 change waiting'],
  ] as const)('%s: %i → %s (singular for exactly one)', (locale, count, text) => {
    expect(
      translateCount(translatorFor(locale), count, { one: 'pendingOne', other: 'pending' }),
    ).toBe(text);
  });
});

describe('catalogue checks', () => {
  it('finds nothing wrong with consistent catalogues', () => {
    expect(catalogueProblems({ nn, nb, en })).toEqual([]);
  });
  it.each([
    ['a missing key', { nn, nb: { ...nb, onlyNn: undefined }, en }, 'nb: onlyNn is missing'],
    ['an extra key', { nn, nb, en: { ...en, stray: 'x' } }, 'en: stray is not in nn'],
    ['an empty text', { nn, nb: { ...nb, greeting: ' ' }, en }, 'nb: greeting is empty'],
    [
      'a different placeholder',
      { nn, nb, en: { ...en, greeting: 'Hello, {who}!' } },
      'en: greeting has {who}, not {name}',
    ],
  ])('names %s', (_what, catalogues, problem) => {
    const cleaned = Object.fromEntries(
      Object.entries(catalogues).map(([l, c]) => [
        l,
        Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)),
      ]),
    ) as Parameters<typeof catalogueProblems>[0];
    expect(catalogueProblems(cleaned)).toContain(problem);
  });
});

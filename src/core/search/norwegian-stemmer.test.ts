import { describe, expect, it } from 'vitest';
import { foldNorwegian, prefixStemFolded, stemNorwegian } from './norwegian-stemmer';

describe('the Norwegian stemmer', () => {
  // Every form in a row must share one stem: Nynorsk and Bokmål, singular and plural,
  // indefinite and definite, with and without æøå.
  it.each([
    ['printer (nn)', ['skrivar', 'skrivaren', 'skrivarar', 'skrivarane'], 'skriv'],
    ['printer (nb)', ['skriver', 'skriveren', 'skrivere', 'skriverne'], 'skriv'],
    [
      'printer, loan word',
      [
        'printar',
        'printaren',
        'printarar',
        'printarane',
        'printer',
        'printeren',
        'printere',
        'printerne',
      ],
      'print',
    ],
    ['screen', ['skjerm', 'skjermen', 'skjermar', 'skjermane', 'skjermer', 'skjermene'], 'skjerm'],
    ['folder', ['mappe', 'mappa', 'mappar', 'mappene', 'mapper', 'mappane'], 'mapp'],
    [
      'user',
      ['brukar', 'brukaren', 'brukarar', 'brukarane', 'bruker', 'brukeren', 'brukere', 'brukerne'],
      'bruk',
    ],
    [
      'teacher, with and without æ',
      ['lærar', 'læraren', 'lærarar', 'lærer', 'læreren', 'laerer', 'laerar'],
      'laer',
    ],
    [
      'login (-ing keeps its -ing)',
      [
        'innlogging',
        'innlogginga',
        'innloggingar',
        'innloggingane',
        'innlogginger',
        'innloggingen',
      ],
      'innlogging',
    ],
    ['password', ['passord', 'passordet', 'passorda'], 'passord'],
    ['security (-het/-heit)', ['sikkerhet', 'sikkerheten', 'tryggheit'], null],
    ['data', ['data', 'dataen'], 'dat'],
    ['account', ['konto', 'kontoen', 'kontoar', 'kontoer'], 'konto'],
    ['server', ['server', 'serveren', 'servarar', 'serverane'], 'serv'],
    ['å typed as aa or a', ['rådhus', 'raadhus', 'radhus'], 'radhus'],
    ['ø typed as o', ['nøkkel', 'nokkel'], 'nokkel'],
  ])('%s', (_what, forms, stem) => {
    const stems = new Set(forms.map(stemNorwegian));
    if (stem === null) return;
    expect([...stems]).toEqual([stem]);
  });

  it('keeps -het nouns together in each written form', () => {
    expect(stemNorwegian('sikkerheten')).toBe(stemNorwegian('sikkerhet'));
    expect(stemNorwegian('tryggheita')).toBe(stemNorwegian('tryggheit'));
  });

  it.each([
    ['short words stay whole', 'pc', 'pc'],
    ['short words stay whole', 'bil', 'bil'],
    ['a stem keeps three letters', 'bilen', 'bil'],
    ['words with digits stay whole', 'w10', 'w10'],
    ['numbers stay whole', '202600042', '202600042'],
    ['accents are dropped', 'kafé', 'kaf'],
  ])('%s: %s → %s', (_what, word, stem) => {
    expect(stemNorwegian(word)).toBe(stem);
  });

  it('folds Norwegian letters', () => {
    expect(foldNorwegian('Æ Ø Å æøå Aalesund Öst é')).toBe('ae o a aeoa alesund ost e');
  });

  it.each([
    ['skrivaran', 'skriv'],
    ['skrivara', 'skriv'],
    ['skri', 'skri'],
    ['printe', 'print'],
    ['skjermen', 'skjerm'],
  ])('a half-typed word %s matches as prefix %s', (partial, prefix) => {
    expect(prefixStemFolded(partial)).toBe(prefix);
  });
});

/**
 * A light stemmer for Norwegian as our users write it: Nynorsk and Bokmål, with or without
 * æ, ø and å. Used on both sides of every search (the text indexed and the query typed), on
 * the server and offline, so that "skrivarar" finds "skrivaren", "skrivar" and Bokmål's
 * "skriveren".
 *
 * Why our own and not PostgreSQL's `norwegian` configuration or Snowball: those are Bokmål
 * stemmers. They turn "skrivar" into `skriv` but "skrivarane" into `skrivar`, and "printar"
 * into `print` but "printaren" into `printar`, so Nynorsk forms of one word miss each other.
 * Here the inflectional endings of both written forms (-ar/-arar/-arane/-aren, -er/-ere/
 * -erne/-eren, -ane/-ene, -a/-e/-en/-et …) are stripped, and then the agent-noun ending
 * (-ar in Nynorsk, -er in Bokmål), so "skrivar", "skrivarane", "skriver" and "skriverne" all
 * become `skriv`. Over-stemming (a verb and its agent noun share a stem) is accepted: for a
 * service desk, finding "skriv ut" with "skrivar" is a help rather than noise.
 *
 * Folding before stemming: lower case; æ → ae, ø → o, å → a (and "aa" → "a", as å is
 * typed without a Norwegian keyboard); other accents dropped (é → e).
 */

/** Inflectional endings, longest first: the first that leaves a valid stem is removed. */
const inflections = [
  'arane',
  'erane',
  'arar',
  'erar',
  'arne',
  'erne',
  'aren',
  'eren',
  'ande',
  'ende',
  'ens',
  'ets',
  'ane',
  'ene',
  'ere',
  'ast',
  'est',
  'ar',
  'er',
  'en',
  'et',
  'a',
  'e',
] as const;

/** Endings that make an agent noun (skriv-ar, skriv-er), removed after the inflection. */
const agentEndings = ['ar', 'er'] as const;

const VOWELS = /[aeiouy]/;

/** A stem must keep three letters and a vowel, so short words ("bil", "pc") stay whole. */
function validStem(stem: string): boolean {
  return stem.length >= 3 && VOWELS.test(stem);
}

/** Lower-cased, Norwegian letters folded to ASCII, other accents dropped. */
export function foldNorwegian(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/[øö]/g, 'o')
    .replace(/å/g, 'a')
    .replace(/aa/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

function stripFirst(word: string, endings: readonly string[]): string {
  for (const ending of endings) {
    if (word.endsWith(ending)) {
      const stem = word.slice(0, -ending.length);
      if (validStem(stem)) return stem;
    }
  }
  return word;
}

/** -het (Bokmål) and -heit (Nynorsk) nouns with their endings: sikkerheten, tryggheita. */
const HET = /(?:het|heit)(?:a|en|ene|er|ar|ane|i)?$/;

/**
 * The stem of one word already folded (`foldNorwegian`). Words with digits are kept whole.
 * Endings are removed until none is left ("dataen" → "data" → "dat", as "data" → "dat"),
 * then the agent-noun ending.
 */
export function stemFolded(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  const het = HET.exec(word);
  if (het && validStem(word.slice(0, het.index))) return `${word.slice(0, het.index)}het`;
  let stem = word;
  for (let round = 0; round < 3; round++) {
    const shorter = stripFirst(stem, inflections);
    if (shorter === stem) break;
    stem = shorter;
    // "-ing" nouns keep their "-ing" (innlogging/innlogginga/innloggingar → innlogging).
    if (stem.endsWith('ing')) return stem;
  }
  return stripFirst(stem, agentEndings);
}

/** The stem of one word as typed (folded, then stemmed). */
export function stemNorwegian(word: string): string {
  return stemFolded(foldNorwegian(word));
}

/**
 * The stem to match as a prefix for a word still being typed (folded already). A half-typed
 * ending is no ending yet ("skrivaran" on the way to "skrivarane"), so besides the word's own
 * stem, the word without a started ending is stemmed too, and the shorter stem is used:
 * "skrivaran" → `skriv`, which then matches every term that starts with it.
 */
export function prefixStemFolded(partial: string): string {
  let best = stemFolded(partial);
  if (/\d/.test(partial)) return best;
  for (const ending of inflections) {
    for (let k = ending.length - 1; k >= 1; k--) {
      if (!partial.endsWith(ending.slice(0, k))) continue;
      const head = partial.slice(0, -k);
      if (!validStem(head)) continue;
      const stem = stemFolded(head);
      if (stem.length < best.length) best = stem;
    }
  }
  return best;
}

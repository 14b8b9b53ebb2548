import { describe, expect, it } from 'vitest';
import { translatorFor } from '../i18n/translate';
import { signOutWarning } from './sign-out-warning';

describe('the warning before signing out', () => {
  it.each([
    [0, 'nn', null],
    [1, 'nn', '1 endring er ikkje send til serveren enno.'],
    [3, 'nn', '3 endringar er ikkje sende til serveren enno.'],
    [1, 'nb', '1 endring er ikke sendt til serveren ennå.'],
    [12, 'en', '12 changes have not been sent to the server yet.'],
  ] as const)('%i waiting (%s): %s', (count, locale, text) => {
    const warning = signOutWarning(count);
    expect(warning && translatorFor(locale)(warning.key, warning.params)).toBe(text);
  });
});

import { describe, expect, it } from 'vitest';
import { formEntriesBesideDescription } from './form-entries';

describe('form answers beside the description', () => {
  it.each([
    [
      'an old portal case: "Kva skjedde?" repeats the description, shown once',
      { printerName: '2. etasje', whatHappened: 'Papirstopp.' },
      'Papirstopp.',
      [['printerName', '2. etasje']],
    ],
    [
      'the same words with other spacing are still the same',
      { whatHappened: ' Papirstopp. ' },
      'Papirstopp.',
      [],
    ],
    [
      'a new case: nothing repeated, everything shown',
      { printerName: '2. etasje', accountLocked: false },
      'Papirstopp.',
      [
        ['printerName', '2. etasje'],
        ['accountLocked', false],
      ],
    ],
    ['no description: every answer shown', { access: 'Visma' }, '', [['access', 'Visma']]],
  ])('%s', (_name, values, description, expected) => {
    expect(formEntriesBesideDescription(values, description)).toEqual(expected);
  });
});

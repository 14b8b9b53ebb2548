import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../i18n/translate';
import { deviceOrigin } from './device-origin';

const own = 'web-3f1c0d7e-0b1a-4c57-9a55-0a7f3f0e7a01';

describe('where a change came from, in the history', () => {
  it.each([
    ['portal', 'frå portalen'],
    [own, 'på denne maskina'],
    ['web-9d2e4b1a-5c6f-4e3a-8b7d-1a2b3c4d5e6f', null], // another workstation
    ['demo-seed', null],
    ['e2e-agent1', null],
    [null, null], // a local edit, not recorded yet
  ] as const)('%s: %s', (deviceId, text) => {
    const key = deviceOrigin(deviceId, own);
    expect(key && translatorFor('nn')(key)).toBe(text);
  });
});

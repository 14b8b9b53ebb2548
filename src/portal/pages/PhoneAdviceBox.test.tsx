// @vitest-environment happy-dom

import type { PhoneAdvice } from '@core/calendar';
import { createServiceCalendar } from '@core/calendar';
import { defaultServiceConfig, type Locale } from '@core/config';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PortalApi } from '../api/portal-api';
import { PortalContext } from '../app/portal-context';
import { translatorFor } from '../i18n/translate';
import { PhoneAdviceBox } from './PhoneAdviceBox';

afterEach(cleanup);

function show(advice: PhoneAdvice, registered: boolean, locale: Locale = 'nn') {
  render(
    <PortalContext.Provider
      value={{
        locale,
        t: translatorFor(locale),
        session: {
          token: 't',
          expiresAt: '2026-03-10T12:00:00Z',
          user: {
            id: 'u',
            username: 'u',
            displayName: 'U',
            role: 'requester',
            municipalityIds: [],
          },
        },
        api: {} as PortalApi,
        config: defaultServiceConfig,
        calendar: createServiceCalendar(defaultServiceConfig.calendar),
        navigate: () => {},
      }}
    >
      <PhoneAdviceBox advice={advice} priority="high" registered={registered} />
    </PortalContext.Provider>,
  );
  return screen.getByTestId('phone-advice').textContent ?? '';
}

const support: PhoneAdvice = { kind: 'callSupport', phone: '70 16 29 99', reasons: ['priority'] };
const onCall: PhoneAdvice = { kind: 'callOnCall', phone: '70 16 24 46', reasons: ['priority'] };
const wait: PhoneAdvice = {
  kind: 'waitForOpening',
  opensAt: '2026-03-11T07:00:00.000Z',
  reasons: ['priority'],
};

describe('the phone advice says whether the case is registered yet', () => {
  it.each([
    ['support, before sending', support, false, /vert registrert her i tillegg/],
    ['on-call, before sending', onCall, false, /vert registrert her i tillegg/],
    ['closed, before sending', wait, false, /vert registrert og handsama/],
  ])('%s: the case will be registered', (_name, advice, registered, expected) => {
    expect(show(advice, registered)).toMatch(expected);
  });

  it.each([
    ['support, on the receipt', support, 'nn', /oppgi saksnummeret/],
    ['on-call, on the receipt', onCall, 'nn', /oppgi saksnummeret/],
    ['closed, on the receipt', wait, 'nn', /Saka di er registrert/],
    ['support, on the receipt, Bokmål', support, 'nb', /oppgi saksnummeret/],
    ['support, on the receipt, English', support, 'en', /give the case number/],
  ] as const)('%s: it is registered, and never "will be"', (_name, advice, locale, expected) => {
    const text = show(advice, true, locale);
    expect(text).toMatch(expected);
    expect(text).not.toMatch(/vert registrert|blir registrert|is registered here as well/);
  });
});

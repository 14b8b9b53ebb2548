// @vitest-environment happy-dom

import { defaultSlaConfig, type SlaConfig } from '@core/sla/index';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useLanguageStore } from '../../i18n/language-store';
import { useDirectoryStore } from '../../stores/directory-store';
import { SlaSettingsForm } from './SlaSettingsForm';

const saved = vi.hoisted(() => ({ sla: [] as SlaConfig[] }));
vi.mock('./sla-settings-api', () => ({
  applySlaSettings: () => {},
  // The server does not answer: what was typed must stay.
  saveSlaSettings: async (_access: unknown, sla: SlaConfig) => {
    saved.sla.push(sla);
    return { ok: false, reason: 'offline', message: 'down' };
  },
}));

afterEach(() => {
  cleanup();
  saved.sla = [];
  act(() => useLanguageStore.getState().setLocale('nn'));
});

function show(locale: 'nn' | 'nb' | 'en' = 'nn') {
  act(() => useLanguageStore.getState().setLocale(locale));
  render(
    <SlaSettingsForm
      settings={{ sla: defaultSlaConfig, version: 2, updatedBy: null, updatedAt: null }}
      access={{ serverUrl: 'http://127.0.0.1:9', token: 't' }}
      onSaved={() => {}}
    />,
  );
}
const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement;
const type = (name: string, value: string) => fireEvent.change(field(name), { target: { value } });
const save = async (name = 'Lagre og synkroniser') => {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
};

describe('the SLA targets form', () => {
  it('shows the targets in hours and working days, and saves minutes', async () => {
    show();
    expect(field('Lav — Løysingstid').value).toBe('10');
    expect(field('Lav — Løysingstid — eining').value).toBe('workingDays');
    expect(field('Kritisk — Løysingstid').value).toBe('4');
    expect(field('Kritisk — Løysingstid — eining').value).toBe('hours');
    // Another unit keeps the length: 60 minutes are 1 hour, 10 working days 80 hours.
    fireEvent.change(field('Høg — Responstid — eining'), { target: { value: 'hours' } });
    expect(field('Høg — Responstid').value).toBe('1');
    fireEvent.change(field('Lav — Løysingstid — eining'), { target: { value: 'hours' } });
    expect(field('Lav — Løysingstid').value).toBe('80');
    type('Høg — Responstid', '1,5');
    await save();
    expect(saved.sla[0]?.targets.high.responseMinutes).toBe(90);
    expect(saved.sla[0]?.targets.low.resolutionMinutes).toBe(4800);
  });

  it.each([
    [
      'nn',
      'I faresona frå (% av målet brukt)',
      '150',
      'I faresona frå (% av målet brukt): må vere meir enn 0 og mindre enn 100 %',
    ],
    ['nb', 'Høy — Responstid', 'ti', 'Høy — Responstid: «ti» er ikke et tall'],
    ['en', 'Medium — Resolution', '0', 'Medium — Resolution: must be at least 1 minute'],
  ] as const)(
    '%s: names the field and the problem, keeps what was typed',
    async (locale, name, value, text) => {
      show(locale);
      type(name, value);
      await save(locale === 'en' ? 'Save and sync' : 'Lagre og synkroniser');
      const alert = screen.getByRole('alert');
      expect(alert.textContent).toBe(text);
      expect(alert.textContent).not.toMatch(/atRiskThreshold|Minutes|must be less than 1/);
      expect(field(name).value).toBe(value);
      expect(field(name).getAttribute('aria-invalid')).toBe('true');
      expect(saved.sla).toHaveLength(0);
    },
  );

  it('keeps what was typed when the server cannot be reached', async () => {
    show();
    type('Medium — Responstid', '3');
    await save();
    expect(screen.getByRole('status').textContent).toContain('Ikkje lagra');
    expect(field('Medium — Responstid').value).toBe('3');
  });
});

describe('who changed the SLA targets', () => {
  it('names the person by name, never by id', () => {
    act(() =>
      useDirectoryStore.getState().setStaff([
        {
          id: 'u-leader-7',
          displayName: 'Tone Teamleiar',
          role: 'teamLeader',
          municipalityIds: [],
        },
      ]),
    );
    render(
      <SlaSettingsForm
        settings={{
          sla: defaultSlaConfig,
          version: 3,
          updatedBy: 'u-leader-7',
          updatedAt: '2026-11-24T09:30:00Z',
        }}
        access={{ serverUrl: 'http://127.0.0.1:9', token: 't' }}
        onSaved={() => {}}
      />,
    );
    expect(screen.getByText(/^Versjon 3/).textContent).toBe(
      'Versjon 3, sist endra 24.11.2026 10:30 av Tone Teamleiar',
    );
    act(() => useDirectoryStore.getState().setStaff([]));
  });
});

// @vitest-environment happy-dom

import { defaultSlaConfig } from '@core/sla/index';
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSlaSettings } from './use-sla-settings';

/** What the server answers next; null = it does not answer (offline). */
const server = vi.hoisted(() => ({ answer: null as unknown }));

vi.mock('./sla-settings-api', () => ({
  // A fresh object on every poll, as a parsed fetch gives.
  fetchSlaSettings: async () => (server.answer === null ? null : structuredClone(server.answer)),
  applySlaSettings: () => {},
}));

afterEach(() => {
  server.answer = null;
  vi.useRealTimers();
});

const access = { serverUrl: 'http://127.0.0.1:9', token: 't' };
const settings = (version: number) => ({
  sla: defaultSlaConfig,
  version,
  updatedBy: 'teamleiar',
  updatedAt: '2026-03-10T09:00:00.000Z',
});

describe('useSlaSettings', () => {
  it('keeps one settings object across renders while offline (the form keeps its draft)', () => {
    const { result, rerender, unmount } = renderHook(() => useSlaSettings(access));
    const first = result.current.settings;
    rerender();
    rerender();
    expect(result.current.settings).toBe(first);
    expect(result.current.known).toBe(false);
    unmount();
  });

  it('keeps the same object when a poll brings the same version, and changes on a new one', async () => {
    vi.useFakeTimers();
    server.answer = settings(3);
    const { result, unmount } = renderHook(() => useSlaSettings(access, 1_000));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10);
    });
    const first = result.current.settings;
    expect(first.version).toBe(3);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(3_000);
    });
    expect(result.current.settings).toBe(first);
    server.answer = settings(4);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1_000);
    });
    expect(result.current.settings.version).toBe(4);
    unmount();
  });
});

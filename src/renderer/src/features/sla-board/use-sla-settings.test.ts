// @vitest-environment happy-dom
import { renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useSlaSettings } from './use-sla-settings';

vi.mock('./sla-settings-api', () => ({
  // The server does not answer (offline).
  fetchSlaSettings: async () => null,
  applySlaSettings: () => {},
}));

describe('useSlaSettings', () => {
  it('keeps one settings object across renders while offline (the form keeps its draft)', () => {
    const access = { serverUrl: 'http://127.0.0.1:9', token: 't' };
    const { result, rerender, unmount } = renderHook(() => useSlaSettings(access));
    const first = result.current.settings;
    rerender();
    rerender();
    expect(result.current.settings).toBe(first);
    expect(result.current.known).toBe(false);
    unmount();
  });
});

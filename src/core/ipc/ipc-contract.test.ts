import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SERVER_URL,
  describeIpcError,
  desktopSettingsPatchSchema,
  desktopSettingsSchema,
  eventChannelNames,
  eventChannels,
  invokeChannelNames,
  invokeChannels,
  isEventChannel,
  isInvokeChannel,
} from './ipc-contract';

const caseId = '0f8fad5b-d9cb-469f-a165-70867728950e';
const critical = {
  caseId,
  number: '2026-00042',
  title: 'Fagsystem nede',
  municipality: 'Kommune A',
  onCall: true,
  text: { heading: 'Kritisk sak 2026-00042 (vakt)', body: 'Fagsystem nede – Kommune A' },
};

describe('IPC contract', () => {
  it('names every channel as area:action and keeps invoke and event names apart', () => {
    for (const name of [...invokeChannelNames, ...eventChannelNames]) {
      expect(name).toMatch(/^[a-z]+:[a-zA-Z]+$/);
    }
    expect(invokeChannelNames.filter((name) => isEventChannel(name))).toEqual([]);
    expect(isInvokeChannel('notify:critical')).toBe(true);
    expect(isInvokeChannel('toString')).toBe(false);
    expect(isEventChannel('window:focusCase')).toBe(true);
  });

  it('accepts a well-formed critical notification and refuses extra or missing fields', () => {
    const schema = invokeChannels['notify:critical'].request;
    expect(schema.parse(critical)).toEqual(critical);
    expect(schema.safeParse({ ...critical, number: null }).success).toBe(true);
    expect(schema.safeParse({ ...critical, caseId: 'not-a-uuid' }).success).toBe(false);
    expect(schema.safeParse({ ...critical, html: '<b>x</b>' }).success).toBe(false);
    expect(schema.safeParse({ ...critical, text: { heading: '', body: 'x' } }).success).toBe(false);
  });

  it('clears one case or all, nothing else', () => {
    const schema = invokeChannels['notify:clear'].request;
    expect(schema.safeParse({ caseId }).success).toBe(true);
    expect(schema.safeParse({ all: true }).success).toBe(true);
    expect(schema.safeParse({ all: false }).success).toBe(false);
    expect(schema.safeParse({}).success).toBe(false);
  });

  it('takes a non-negative whole critical count', () => {
    const schema = invokeChannels['tray:setCriticalCount'].request;
    expect(schema.safeParse({ count: 3 }).success).toBe(true);
    expect(schema.safeParse({ count: -1 }).success).toBe(false);
    expect(schema.safeParse({ count: 1.5 }).success).toBe(false);
    expect(schema.safeParse(3).success).toBe(false);
  });

  it('fills settings defaults and accepts only http(s) server addresses', () => {
    expect(desktopSettingsSchema.parse({})).toEqual({
      serverUrl: DEFAULT_SERVER_URL,
      language: 'nn',
    });
    expect(
      desktopSettingsPatchSchema.safeParse({ serverUrl: 'https://saksbord.example.no' }).success,
    ).toBe(true);
    for (const serverUrl of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'http://u:p@host',
      'nope',
    ]) {
      expect(desktopSettingsPatchSchema.safeParse({ serverUrl }).success, serverUrl).toBe(false);
    }
    expect(desktopSettingsPatchSchema.safeParse({ language: 'sv' }).success).toBe(false);
    expect(desktopSettingsPatchSchema.safeParse({ theme: 'dark' }).success).toBe(false);
  });

  it('takes no payload on the no-argument channels', () => {
    expect(invokeChannels['app:getInfo'].request.safeParse(undefined).success).toBe(true);
    expect(invokeChannels['settings:get'].request.safeParse({ x: 1 }).success).toBe(false);
  });

  it('checks event payloads', () => {
    expect(eventChannels['window:focusCase'].safeParse({ caseId }).success).toBe(true);
    expect(eventChannels['menu:command'].safeParse({ command: 'newCase' }).success).toBe(true);
    expect(eventChannels['menu:command'].safeParse({ command: 'rm -rf' }).success).toBe(false);
  });

  it('describes a refused payload in one line naming the channel and field', () => {
    const result = invokeChannels['tray:setCriticalCount'].request.safeParse({ count: -2 });
    if (result.success) throw new Error('expected failure');
    const message = describeIpcError('tray:setCriticalCount', result.error);
    expect(message).toContain("'tray:setCriticalCount'");
    expect(message).toContain('count');
    expect(message).not.toContain('\n');
  });
});

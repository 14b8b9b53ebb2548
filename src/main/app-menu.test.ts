import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { appMenuTemplate } from './app-menu';
import { mainTexts } from './main-texts';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu) : []),
  ]);
}

function menu(isDev: boolean, locale: 'nn' | 'nb' | 'en' = 'nn') {
  const send = vi.fn();
  const items = flatten(
    appMenuTemplate({
      texts: mainTexts(locale).menu,
      send,
      isDev,
      platform: 'win32',
      onAbout: vi.fn(),
    }),
  );
  const byLabel = (label: string) => items.find((item) => item.label === label);
  return { items, send, byLabel };
}

describe('app menu', () => {
  it('is in Nynorsk and sends the app’s commands to the renderer from their shortcuts', () => {
    const { byLabel, send } = menu(false);
    const expected: [string, string, string][] = [
      ['Ny sak', 'CmdOrCtrl+N', 'newCase'],
      ['Søk', 'CmdOrCtrl+F', 'search'],
      ['Tavla', 'CmdOrCtrl+1', 'board'],
      ['Innstillingar …', 'CmdOrCtrl+,', 'settings'],
    ];
    for (const [label, accelerator, command] of expected) {
      const item = byLabel(label);
      expect(item?.accelerator, label).toBe(accelerator);
      item?.click?.(undefined as never, undefined, undefined as never);
      expect(send).toHaveBeenLastCalledWith(command);
    }
    expect(byLabel('Last inn på nytt')?.role).toBe('reload');
    expect(byLabel('Avslutt Saksbord')).toMatchObject({ role: 'quit', accelerator: 'Ctrl+Q' });
  });

  it('offers developer tools only in development', () => {
    expect(menu(false).items.some((item) => item.role === 'toggleDevTools')).toBe(false);
    expect(menu(true).items.some((item) => item.role === 'toggleDevTools')).toBe(true);
  });

  it('has no accelerator twice', () => {
    const accelerators = menu(true)
      .items.map((item) => item.accelerator)
      .filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('gives every label in all three languages', () => {
    for (const locale of ['nn', 'nb', 'en'] as const) {
      const texts = mainTexts(locale);
      for (const [key, value] of Object.entries(texts.menu)) {
        expect(value.trim(), `${locale}.${key}`).not.toBe('');
      }
    }
    expect(menu(false, 'en').byLabel('New case')?.accelerator).toBe('CmdOrCtrl+N');
  });
});

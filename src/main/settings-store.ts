/** The desktop settings (server address, language), kept in userData/settings.json. */
import { type DesktopSettings, type DesktopSettingsPatch, desktopSettingsSchema } from '@core/ipc';
import { readJsonFile, writeJsonFile } from './json-file';

export interface SettingsStore {
  get(): DesktopSettings;
  /** Applies a (parsed) patch, saves, tells listeners what changed, returns all settings. */
  set(patch: DesktopSettingsPatch): DesktopSettings;
  onChange(listener: (next: DesktopSettings, previous: DesktopSettings) => void): void;
}

export function createSettingsStore(
  file: string,
  warn: (message: string) => void = () => {},
): SettingsStore {
  let current = readJsonFile(file, desktopSettingsSchema, desktopSettingsSchema.parse({}), warn);
  const listeners: ((next: DesktopSettings, previous: DesktopSettings) => void)[] = [];
  return {
    get: () => current,
    set(patch) {
      const previous = current;
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      current = desktopSettingsSchema.parse({ ...current, ...defined });
      try {
        writeJsonFile(file, current);
      } catch (error) {
        warn(`could not save settings: ${(error as Error).message}`);
      }
      for (const listener of listeners) listener(current, previous);
      return current;
    },
    onChange: (listener) => {
      listeners.push(listener);
    },
  };
}

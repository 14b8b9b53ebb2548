/**
 * Reading the service configuration file (`--config <file>`). An unreadable or invalid file
 * stops start-up with one line naming the file, the field and what is wrong.
 */
import { readFileSync } from 'node:fs';
import {
  ConfigError,
  defaultServiceConfig,
  parseServiceConfig,
  type ServiceConfig,
} from '@core/config';

/** The configuration in `file`, or the shipped default (the seed) when no file is given. */
export function loadServiceConfig(file: string | undefined): ServiceConfig {
  if (!file) return defaultServiceConfig;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'file not found'
        : code === 'EISDIR'
          ? 'is a folder'
          : `cannot be read (${code ?? 'unknown error'})`;
    throw new ConfigError(file, [{ path: '', message: why }]);
  }
  return parseServiceConfig(text, file);
}

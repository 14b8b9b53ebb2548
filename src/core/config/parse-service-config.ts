import { ConfigError, configIssueFrom } from './config-error';
import { type ServiceConfig, serviceConfigSchema } from './service-config';

/** Configuration file formats. Only JSON is read: YAML would need a dependency we do not take. */
export type ConfigFormat = 'json' | 'yaml';

function formatOf(fileName: string): ConfigFormat {
  return /\.ya?ml$/i.test(fileName) ? 'yaml' : 'json';
}

/**
 * Reads the service's configuration file. The caller reads the file (core does no I/O) and
 * passes its text and name. Returns the configuration with defaults filled in, or throws a
 * {@link ConfigError} whose message names the file, the field and what is wrong.
 */
export function parseServiceConfig(
  text: string,
  fileName: string,
  format: ConfigFormat = formatOf(fileName),
): ServiceConfig {
  if (format === 'yaml') {
    throw new ConfigError(fileName, [
      { path: '', message: 'YAML is not supported; write the configuration as JSON' },
    ]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(fileName, [{ path: '', message: `not valid JSON: ${reason}` }]);
  }
  const result = serviceConfigSchema.safeParse(data, { reportInput: true });
  if (!result.success) throw new ConfigError(fileName, result.error.issues.map(configIssueFrom));
  return result.data;
}

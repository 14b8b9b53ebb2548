import type { z } from 'zod';

/** One problem found in a configuration file. */
export interface ConfigIssue {
  /** Dotted path of the field, e.g. "municipalities[2].line2Group.name"; "" for the whole file. */
  path: string;
  /** What is wrong, in English. */
  message: string;
}

/**
 * A configuration file that cannot be used. The message is one line, naming the file, the
 * field and what is wrong (`config.json: calendar.phoneNumbers.onCall: expected string, got
 * number`), because it is what an administrator sees when the server refuses to start.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(
    readonly fileName: string,
    /** Every problem found, first one first; the message shows the first. */
    readonly issues: readonly ConfigIssue[],
  ) {
    const first = issues[0] ?? { path: '', message: 'invalid configuration' };
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    const where = first.path === '' ? '' : `${first.path}: `;
    super(`${fileName}: ${where}${first.message}${more}`.replace(/\s*\n\s*/g, ' '));
  }
}

/** "calendar.phoneNumbers.onCall", "municipalities[2].id". */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, i) =>
      typeof segment === 'number' ? `[${segment}]` : `${i === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

/** What kind of JSON value the file held, in the words of the schema's "expected". */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** zod's own messages start like this; the schemas' custom messages are kept as written. */
const isZodDefaultMessage = (message: string) => /^Invalid (input|option)/.test(message);

/** One zod issue as a config issue, phrased for a person editing the file. */
export function configIssueFrom(issue: z.core.$ZodIssue): ConfigIssue {
  const path = formatPath(issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      const got =
        issue.input === undefined ? 'nothing (the field is missing)' : kindOf(issue.input);
      const what = isZodDefaultMessage(issue.message)
        ? `expected ${issue.expected}`
        : issue.message;
      return { path, message: `${what}, got ${got}` };
    }
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      return {
        path: formatPath([...issue.path, key]),
        message: 'unknown field (misspelt, or not part of the configuration)',
      };
    }
    case 'invalid_value': {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return { path, message: `expected one of ${allowed}, got ${JSON.stringify(issue.input)}` };
    }
    default:
      return { path, message: issue.message };
  }
}

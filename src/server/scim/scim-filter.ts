/**
 * SCIM filters (RFC 7644 §3.4.2.2): parsed into a small tree and evaluated against a resource
 * as JSON. Covers what provisioning clients send — `userName eq "…"`, `externalId eq "…"`,
 * `displayName eq "…"`, `id eq "…" and members[value eq "…"]` — and the rest of the grammar
 * (ne co sw ew gt ge lt le pr, and, or, not, parentheses, value paths). Attribute names are
 * case-insensitive; string values too, except `id` and `externalId` (caseExact in RFC 7643).
 * Pure: no I/O.
 */
import { ScimError } from './scim-error';

type CompareOp = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';
type Literal = string | number | boolean | null;

export type ScimFilter =
  | { kind: 'compare'; path: string; op: CompareOp; value: Literal }
  | { kind: 'present'; path: string }
  | { kind: 'and' | 'or'; left: ScimFilter; right: ScimFilter }
  | { kind: 'not'; filter: ScimFilter }
  /** `members[value eq "…"]`: some element of the multi-valued attribute matches. */
  | { kind: 'valuePath'; path: string; filter: ScimFilter };

const compareOps = new Set(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le']);

type Token = { type: 'word' | 'string' | 'punct'; text: string; value?: Literal };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if ('()[]'.includes(ch)) {
      tokens.push({ type: 'punct', text: ch });
      i++;
    } else if (ch === '"') {
      let j = i + 1;
      while (j < input.length && input[j] !== '"') j += input[j] === '\\' ? 2 : 1;
      if (j >= input.length) throw invalidFilter('a string is not closed');
      const raw = input.slice(i, j + 1);
      let value: string;
      try {
        value = JSON.parse(raw) as string;
      } catch {
        throw invalidFilter(`bad string ${raw}`);
      }
      tokens.push({ type: 'string', text: raw, value });
      i = j + 1;
    } else {
      let j = i;
      while (j < input.length && !/[\s()[\]"]/.test(input[j]!)) j++;
      tokens.push({ type: 'word', text: input.slice(i, j) });
      i = j;
    }
  }
  return tokens;
}

function invalidFilter(what: string): ScimError {
  return new ScimError(400, `filter: ${what}`, 'invalidFilter');
}

/** Parses a filter; a 400 `invalidFilter` names what is wrong. */
export function parseScimFilter(input: string): ScimFilter {
  const tokens = tokenize(input);
  let at = 0;
  const peek = () => tokens[at];
  const isWord = (t: Token | undefined, word: string) =>
    t?.type === 'word' && t.text.toLowerCase() === word;
  const expect = (text: string) => {
    const t = tokens[at++];
    if (t?.text !== text) throw invalidFilter(`expected "${text}"`);
  };

  const literal = (): Literal => {
    const t = tokens[at++];
    if (!t) throw invalidFilter('a value is missing');
    if (t.type === 'string') return t.value as string;
    const word = t.text.toLowerCase();
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(t.text)) return Number(t.text);
    throw invalidFilter(`"${t.text}" is not a value`);
  };

  const primary = (): ScimFilter => {
    const t = peek();
    if (!t) throw invalidFilter('the expression ends too early');
    if (t.text === '(') {
      at++;
      const inner = or();
      expect(')');
      return inner;
    }
    if (isWord(t, 'not')) {
      at++;
      expect('(');
      const inner = or();
      expect(')');
      return { kind: 'not', filter: inner };
    }
    if (t.type !== 'word') throw invalidFilter(`expected an attribute, got ${t.text}`);
    at++;
    const path = t.text;
    if (peek()?.text === '[') {
      at++;
      const inner = or();
      expect(']');
      return { kind: 'valuePath', path, filter: inner };
    }
    const op = tokens[at++];
    const opText = op?.text.toLowerCase() ?? '';
    if (opText === 'pr') return { kind: 'present', path };
    if (!compareOps.has(opText)) throw invalidFilter(`"${op?.text ?? ''}" is not an operator`);
    return { kind: 'compare', path, op: opText as CompareOp, value: literal() };
  };

  const and = (): ScimFilter => {
    let left = primary();
    while (isWord(peek(), 'and')) {
      at++;
      left = { kind: 'and', left, right: primary() };
    }
    return left;
  };

  const or = (): ScimFilter => {
    let left = and();
    while (isWord(peek(), 'or')) {
      at++;
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };

  if (tokens.length === 0) throw invalidFilter('empty');
  const filter = or();
  if (at !== tokens.length) throw invalidFilter(`unexpected "${tokens[at]!.text}"`);
  return filter;
}

/** A key of `object` matching `name` case-insensitively. */
export function keyOf(object: Record<string, unknown>, name: string): string | undefined {
  if (name in object) return name;
  const lower = name.toLowerCase();
  return Object.keys(object).find((k) => k.toLowerCase() === lower);
}

const coreSchemaPrefix = /^urn:ietf:params:scim:schemas:core:2\.0:(user|group):/i;

/** The values at `path` (`userName`, `name.givenName`, `emails.value`, `urn:…:User:department`). */
export function valuesAt(resource: unknown, path: string): unknown[] {
  let rest = path.replace(coreSchemaPrefix, '');
  let current: unknown[] = [resource];
  if (/^urn:/i.test(rest)) {
    const cut = rest.lastIndexOf(':');
    const urn = rest.slice(0, cut);
    rest = rest.slice(cut + 1);
    current = current.flatMap((r) => {
      if (!r || typeof r !== 'object') return [];
      const key = keyOf(r as Record<string, unknown>, urn);
      return key ? [(r as Record<string, unknown>)[key]] : [];
    });
  }
  for (const part of rest.split('.')) {
    current = current.flatMap((value) => {
      const items = Array.isArray(value) ? value : [value];
      return items.flatMap((item) => {
        if (!item || typeof item !== 'object') return [];
        const key = keyOf(item as Record<string, unknown>, part);
        return key === undefined ? [] : [(item as Record<string, unknown>)[key]];
      });
    });
  }
  return current.flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v) => v !== undefined);
}

const caseExact = new Set(['id', 'externalid']);

function compare(actual: unknown, op: CompareOp, expected: Literal, exact: boolean): boolean {
  // A complex value (an e-mail, a member) compares by its `value`.
  if (actual && typeof actual === 'object' && 'value' in actual) {
    return compare((actual as { value: unknown }).value, op, expected, exact);
  }
  if (typeof actual === 'string' && typeof expected === 'string') {
    const a = exact ? actual : actual.toLowerCase();
    const e = exact ? expected : expected.toLowerCase();
    switch (op) {
      case 'eq':
        return a === e;
      case 'ne':
        return a !== e;
      case 'co':
        return a.includes(e);
      case 'sw':
        return a.startsWith(e);
      case 'ew':
        return a.endsWith(e);
      case 'gt':
        return a > e;
      case 'ge':
        return a >= e;
      case 'lt':
        return a < e;
      case 'le':
        return a <= e;
    }
  }
  // Booleans arrive as "True"/"False" from some clients.
  const norm = (v: unknown) =>
    typeof v === 'string' && /^(true|false)$/i.test(v) ? v.toLowerCase() === 'true' : v;
  const a = norm(actual);
  const e = norm(expected);
  switch (op) {
    case 'eq':
      return a === e;
    case 'ne':
      return a !== e;
    case 'gt':
      return typeof a === 'number' && typeof e === 'number' && a > e;
    case 'ge':
      return typeof a === 'number' && typeof e === 'number' && a >= e;
    case 'lt':
      return typeof a === 'number' && typeof e === 'number' && a < e;
    case 'le':
      return typeof a === 'number' && typeof e === 'number' && a <= e;
    default:
      return false;
  }
}

/** Whether `resource` matches `filter`. */
export function matchesScimFilter(resource: unknown, filter: ScimFilter): boolean {
  switch (filter.kind) {
    case 'and':
      return matchesScimFilter(resource, filter.left) && matchesScimFilter(resource, filter.right);
    case 'or':
      return matchesScimFilter(resource, filter.left) || matchesScimFilter(resource, filter.right);
    case 'not':
      return !matchesScimFilter(resource, filter.filter);
    case 'present':
      return valuesAt(resource, filter.path).some((v) => v !== null && v !== '');
    case 'valuePath':
      return valuesAt(resource, filter.path).some((item) => matchesScimFilter(item, filter.filter));
    case 'compare': {
      const values = valuesAt(resource, filter.path);
      const last = filter.path.split(/[.:]/).pop()!.toLowerCase();
      const exact = caseExact.has(last);
      if (filter.op === 'ne') return !values.some((v) => compare(v, 'eq', filter.value, exact));
      if (filter.value === null) return filter.op === 'eq' && values.length === 0;
      return values.some((v) => compare(v, filter.op, filter.value, exact));
    }
  }
}

/**
 * The `attribute eq "value"` terms a filter requires (joined by `and` at the top), so a store
 * can narrow its query by an indexed column before the whole filter is evaluated.
 */
export function requiredEqualities(filter: ScimFilter): { path: string; value: Literal }[] {
  if (filter.kind === 'and') {
    return [...requiredEqualities(filter.left), ...requiredEqualities(filter.right)];
  }
  if (filter.kind === 'compare' && filter.op === 'eq') {
    return [{ path: filter.path.replace(coreSchemaPrefix, ''), value: filter.value }];
  }
  return [];
}

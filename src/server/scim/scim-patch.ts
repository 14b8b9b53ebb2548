/**
 * SCIM PATCH (RFC 7644 §3.5.2) applied to a resource as JSON, with the forms Entra ID's
 * provisioning service sends: `op` in any case ("Replace"), `replace` without a path whose
 * value holds attributes (also dotted, `name.givenName`, and schema-qualified,
 * `urn:…:enterprise:2.0:User:department`), value-path filters (`emails[type eq "work"].value`,
 * `members[value eq "…"]`), and members added or removed as a list. Pure: no I/O.
 */
import { invalidValue, ScimError } from './scim-error';
import { keyOf, matchesScimFilter, parseScimFilter, type ScimFilter } from './scim-filter';

export const patchOpSchemaUrn = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export interface PatchOperation {
  op: 'add' | 'replace' | 'remove';
  path?: string;
  value?: unknown;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Attributes written as lists (RFC 7643 §4.1.2, §4.2). */
const multiValued = new Set([
  'emails',
  'phonenumbers',
  'ims',
  'photos',
  'addresses',
  'groups',
  'entitlements',
  'roles',
  'x509certificates',
  'members',
]);

/** Canonical spelling of the common attributes, for names a client sends in another case. */
const canonical: Record<string, string> = Object.fromEntries(
  [
    'userName',
    'displayName',
    'externalId',
    'active',
    'name',
    'givenName',
    'familyName',
    'formatted',
    'emails',
    'phoneNumbers',
    'members',
    'roles',
    'title',
    'preferredLanguage',
    'locale',
    'nickName',
  ].map((name) => [name.toLowerCase(), name]),
);

const keyFor = (object: Json, name: string) =>
  keyOf(object, name) ?? canonical[name.toLowerCase()] ?? name;

/** Reads the body of a PATCH request: its operations, each checked. */
export function parsePatchBody(body: unknown): PatchOperation[] {
  if (!isObject(body)) throw new ScimError(400, 'body: expected a PatchOp object', 'invalidSyntax');
  const schemas = body.schemas;
  if (schemas !== undefined && !(Array.isArray(schemas) && schemas.includes(patchOpSchemaUrn))) {
    throw invalidValue('schemas', `must contain "${patchOpSchemaUrn}"`);
  }
  const operations = body[keyOf(body, 'Operations') ?? 'Operations'];
  if (!Array.isArray(operations) || operations.length === 0) {
    throw new ScimError(400, 'Operations: expected a non-empty list', 'invalidSyntax');
  }
  return operations.map((raw, i) => {
    if (!isObject(raw)) {
      throw new ScimError(400, `Operations[${i}]: expected an object`, 'invalidSyntax');
    }
    const op = typeof raw.op === 'string' ? raw.op.toLowerCase() : '';
    if (op !== 'add' && op !== 'replace' && op !== 'remove') {
      throw new ScimError(
        400,
        `Operations[${i}].op: must be add, replace or remove`,
        'invalidSyntax',
      );
    }
    const path = raw.path;
    if (path !== undefined && (typeof path !== 'string' || path.trim() === '')) {
      throw new ScimError(400, `Operations[${i}].path: must be a text`, 'invalidPath');
    }
    if (op === 'remove' && path === undefined) {
      throw new ScimError(400, `Operations[${i}].path: remove needs a path`, 'noTarget');
    }
    if (op !== 'remove' && !('value' in raw)) {
      throw invalidValue(`Operations[${i}].value`, `${op} needs a value`);
    }
    return { op, ...(path !== undefined ? { path: path.trim() } : {}), value: raw.value };
  });
}

interface ParsedPath {
  urn?: string;
  attribute: string;
  filter?: ScimFilter;
  sub?: string;
}

const coreSchema = /^urn:ietf:params:scim:schemas:core:2\.0:(user|group):/i;

function parsePath(path: string): ParsedPath {
  let rest = path.replace(coreSchema, '');
  let urn: string | undefined;
  if (/^urn:/i.test(rest)) {
    const bracket = rest.indexOf('[');
    const cut = rest.lastIndexOf(':', bracket === -1 ? rest.length : bracket);
    urn = rest.slice(0, cut);
    rest = rest.slice(cut + 1);
  }
  const match = /^([A-Za-z$][\w$-]*)(?:\[(.*)\])?(?:\.([A-Za-z$][\w$-]*))?$/.exec(rest);
  if (!match) throw new ScimError(400, `path: "${path}" is not an attribute path`, 'invalidPath');
  const [, attribute, filterText, sub] = match;
  return {
    ...(urn ? { urn } : {}),
    attribute: attribute!,
    ...(filterText !== undefined ? { filter: parseScimFilter(filterText) } : {}),
    ...(sub ? { sub } : {}),
  };
}

/** The `attr eq value` facts of a filter, to fill a new element (`emails[type eq "work"]`). */
function filterFacts(filter: ScimFilter): Json {
  if (filter.kind === 'and') return { ...filterFacts(filter.left), ...filterFacts(filter.right) };
  if (filter.kind === 'compare' && filter.op === 'eq' && !filter.path.includes('.')) {
    return { [filter.path]: filter.value };
  }
  return {};
}

const itemValue = (item: unknown) => (isObject(item) ? item.value : item);

function addToList(existing: unknown, value: unknown): unknown[] {
  const list = Array.isArray(existing) ? [...existing] : existing === undefined ? [] : [existing];
  for (const item of Array.isArray(value) ? value : [value]) {
    const v = itemValue(item);
    const at = v === undefined ? -1 : list.findIndex((x) => itemValue(x) === v);
    if (at === -1) list.push(item);
    else if (isObject(item) && isObject(list[at])) list[at] = { ...(list[at] as Json), ...item };
  }
  return list;
}

/** An extension schema written as one attribute ("urn:…:enterprise:2.0:User": {…}). */
const isSchemaUrn = (key: string) => /^urn:.*:(user|group)$/i.test(key);

function applyOne(doc: Json, op: PatchOperation['op'], path: string | undefined, value: unknown) {
  if (path === undefined) {
    if (!isObject(value)) throw invalidValue('value', 'without a path, value must be an object');
    for (const [key, inner] of Object.entries(value)) {
      if (isSchemaUrn(key) && isObject(inner)) {
        for (const [k, v] of Object.entries(inner)) applyOne(doc, op, `${key}:${k}`, v);
      } else {
        applyOne(doc, op, key, inner);
      }
    }
    return;
  }
  const { urn, attribute, filter, sub } = parsePath(path);
  let container = doc;
  if (urn) {
    const urnKey = keyOf(doc, urn) ?? urn;
    if (!isObject(doc[urnKey])) doc[urnKey] = {};
    container = doc[urnKey] as Json;
  }
  const key = keyFor(container, attribute);

  if (filter) {
    const list = Array.isArray(container[key]) ? [...(container[key] as unknown[])] : [];
    const hits = list.map((item) => matchesScimFilter(item, filter));
    if (op === 'remove') {
      container[key] = sub
        ? list.map((item, i) => {
            if (!hits[i] || !isObject(item)) return item;
            const { [keyFor(item, sub)]: _dropped, ...kept } = item;
            return kept;
          })
        : list.filter((_, i) => !hits[i]);
      return;
    }
    if (!hits.includes(true)) {
      const fresh = sub ? { ...filterFacts(filter), [sub]: value } : value;
      container[key] = [...list, isObject(fresh) ? { ...filterFacts(filter), ...fresh } : fresh];
      return;
    }
    container[key] = list.map((item, i) => {
      if (!hits[i]) return item;
      if (sub)
        return {
          ...(isObject(item) ? item : {}),
          [keyFor(isObject(item) ? item : {}, sub)]: value,
        };
      return op === 'add' && isObject(item) && isObject(value) ? { ...item, ...value } : value;
    });
    return;
  }

  if (sub) {
    const parent = isObject(container[key]) ? { ...(container[key] as Json) } : {};
    const subKey = keyFor(parent, sub);
    if (op === 'remove') delete parent[subKey];
    else parent[subKey] = value;
    container[key] = parent;
    return;
  }

  const existing = container[key];
  if (op === 'remove') {
    if (Array.isArray(value) && Array.isArray(existing)) {
      // Entra ID removes members by listing them: [{ "value": "<id>" }].
      const gone = new Set(value.map(itemValue));
      container[key] = existing.filter((item) => !gone.has(itemValue(item)));
    } else {
      delete container[key];
    }
    return;
  }
  if (op === 'add' && (Array.isArray(existing) || multiValued.has(attribute.toLowerCase()))) {
    container[key] = addToList(existing, value);
  } else if (isObject(value) && isObject(existing) && !multiValued.has(attribute.toLowerCase())) {
    container[key] = { ...existing, ...value };
  } else {
    container[key] = value;
  }
}

/** The resource after the operations, in order (the input is not changed). */
export function applyPatch(resource: Json, operations: readonly PatchOperation[]): Json {
  const doc = structuredClone(resource);
  for (const operation of operations) applyOne(doc, operation.op, operation.path, operation.value);
  return doc;
}

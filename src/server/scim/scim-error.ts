/**
 * SCIM error responses (RFC 7644 §3.12): `application/scim+json` bodies with the Error
 * schema, the status as a string, a `scimType` where the RFC names one, and a `detail` that
 * names the attribute at fault. Kept apart from the API's problem documents on purpose: a
 * SCIM client (Entra ID's provisioning service) reads only this shape.
 */

export const scimMediaType = 'application/scim+json';
export const scimErrorSchemaUrn = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** The `scimType` values of RFC 7644 §3.12 that this server uses. */
export type ScimType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue';

/** Throw from a SCIM handler; the SCIM module's error handler answers it. */
export class ScimError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 500 | 501,
    readonly detail: string,
    readonly scimType?: ScimType,
  ) {
    super(detail);
  }
}

export function scimErrorBody(status: number, detail: string, scimType?: ScimType) {
  return {
    schemas: [scimErrorSchemaUrn],
    status: String(status),
    ...(scimType ? { scimType } : {}),
    detail,
  };
}

/** A 400 naming the attribute whose value is wrong. */
export const invalidValue = (attribute: string, what: string) =>
  new ScimError(400, `${attribute}: ${what}`, 'invalidValue');

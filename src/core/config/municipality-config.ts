import { z } from 'zod';

const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id such as "molde" or "ny-brukar"');

/** Ids in configuration are kebab-case so they read well in URLs, logs and form values. */
export const configIdSchema = kebabId;

/**
 * The municipality's own IT consultants: where line 1 sends a case for line 2. Cases go to the
 * group, never to a named consultant (the seed: "no case is to be reported directly to an ICT
 * consultant"); who in the group takes it is decided by assignment.
 */
export const line2GroupSchema = z.strictObject({
  /** Shown when escalating, e.g. "IKT-konsulentar Molde". */
  name: z.string().trim().min(1, 'must not be empty').max(200),
  /**
   * User ids of the group's consultants. Empty means "every consultant whose account lists
   * this municipality", so the demo and small services need not keep two lists in step.
   */
  consultantIds: z.array(z.string().min(1)).default([]),
});
export type Line2GroupConfig = z.infer<typeof line2GroupSchema>;

/** A municipal unit (eining): a service area or professional group, e.g. "Helse og omsorg". */
export const municipalityUnitSchema = z.strictObject({
  /** Stable kebab-case id within the municipality. */
  id: kebabId,
  name: z.string().trim().min(1, 'must not be empty').max(200),
  /** A retired unit stays on old cases but is not offered for new ones. */
  retired: z.boolean().optional(),
});
export type MunicipalityUnit = z.infer<typeof municipalityUnitSchema>;

/** A municipality the service supports. */
export const municipalityConfigSchema = z.strictObject({
  /** Stable kebab-case id, stored on every case's requester (e.g. "hustadvika"). */
  id: kebabId,
  /** The name users see, e.g. "Hustadvika kommune". */
  name: z.string().trim().min(1, 'must not be empty').max(200),
  /** Line 2 for this municipality's cases; null when it has no consultant of its own, in
   *  which case line 1 can only escalate to line 3. */
  line2Group: line2GroupSchema.nullable().default(null),
  /** Its units (einingar); absent = none listed. */
  units: z.array(municipalityUnitSchema).max(500).optional(),
  /**
   * The sign-in of its staff: the `id` of one of the configuration's `identityProviders` (the
   * OpenID Connect sign-in owns that list); absent = password sign-in only.
   */
  identityProviderId: z.string().trim().min(1).max(100).nullable().optional(),
  /**
   * A retired municipality keeps its history (its cases, their names) but is offered for no
   * new case. Set in the app; never deleted.
   */
  retired: z.boolean().optional(),
});
export type MunicipalityConfig = z.infer<typeof municipalityConfigSchema>;
export type MunicipalityConfigInput = z.input<typeof municipalityConfigSchema>;

/** The municipality with `id`, if configured. */
export function findMunicipality(
  municipalities: readonly MunicipalityConfig[],
  id: string,
): MunicipalityConfig | undefined {
  return municipalities.find((m) => m.id === id);
}

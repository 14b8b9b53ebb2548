import type { MunicipalityConfig } from '../config/municipality-config';

/**
 * The municipality directory: the configuration file seeds it on the first start; after that
 * the database is the truth and team leaders change it in the app. A later change to the file
 * is not applied over their edits: it is reported (at start-up and on the screen) as drift.
 */

/** How the file differs from what it seeded. */
export type DirectoryDriftKind =
  /** The file lists a municipality the seed did not have. */
  | 'added'
  /** The file changed a municipality it seeded (name, line 2, units, sign-in link). */
  | 'changed'
  /** The file no longer lists a municipality it seeded. */
  | 'removed';

export interface DirectoryDrift {
  municipalityId: string;
  kind: DirectoryDriftKind;
  /** The file's name for it (or the seed's, when removed). */
  name: string;
}

/** A stable text of a municipality's definition, for comparing. */
export function municipalityFingerprint(m: MunicipalityConfig): string {
  return JSON.stringify({
    id: m.id,
    name: m.name,
    line2Group: m.line2Group
      ? { name: m.line2Group.name, consultantIds: [...m.line2Group.consultantIds].sort() }
      : null,
    units: (m.units ?? []).map((u) => ({ id: u.id, name: u.name })),
    identityProviderId: m.identityProviderId ?? null,
  });
}

/**
 * Differences between the municipalities the file seeded and those the file lists now, in the
 * file's order, then removed ones. Empty when the file is unchanged since it seeded.
 */
export function directoryDrift(
  seeded: readonly MunicipalityConfig[],
  inFile: readonly MunicipalityConfig[],
): DirectoryDrift[] {
  const before = new Map(seeded.map((m) => [m.id, m]));
  const drift: DirectoryDrift[] = [];
  for (const m of inFile) {
    const old = before.get(m.id);
    if (!old) drift.push({ municipalityId: m.id, kind: 'added', name: m.name });
    else if (municipalityFingerprint(old) !== municipalityFingerprint(m)) {
      drift.push({ municipalityId: m.id, kind: 'changed', name: m.name });
    }
  }
  for (const m of seeded) {
    if (!inFile.some((f) => f.id === m.id)) {
      drift.push({ municipalityId: m.id, kind: 'removed', name: m.name });
    }
  }
  return drift;
}

/** The start-up line naming the drift, or null when there is none. */
export function driftReport(drift: readonly DirectoryDrift[]): string | null {
  if (drift.length === 0) return null;
  const parts = drift.map((d) => `${d.municipalityId} ${d.kind}`);
  return (
    `configuration: municipalities changed in the file since it seeded the database (${parts.join(', ')}); ` +
    'not applied — the database is the truth: change them in the app (Administrasjon → Kommunar)'
  );
}

/** Municipalities open for new cases (not retired), in order. */
export function activeMunicipalities<M extends Pick<MunicipalityConfig, 'retired'>>(
  municipalities: readonly M[],
): M[] {
  return municipalities.filter((m) => !m.retired);
}

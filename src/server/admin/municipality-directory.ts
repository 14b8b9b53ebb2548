/**
 * The live municipality directory of a server process. The configuration file seeds the
 * `municipalities` table on the first start (recording what it seeded); after that the table
 * is the truth: team leaders add, rename and retire municipalities in the app, and a later
 * change to the file is reported (drift), never applied over their edits. Every process keeps
 * the list in memory (the case rules need it synchronously) and reloads it when any process
 * announces a change (`settingsChanged` with key `municipalities`).
 */
import {
  type MunicipalityConfig,
  municipalityConfigSchema,
  type ServiceConfig,
} from '@core/config';
import { type DirectoryDrift, directoryDrift, driftReport } from '@core/content';
import type { Kysely } from 'kysely';
import { recordAudit, systemActor } from '../audit/audit-log';
import type { Database } from '../db/schema';
import { takeWriteLock } from '../db/write-lock';

export const municipalitiesKey = 'municipalities';

export class MunicipalityDirectory {
  private list: MunicipalityConfig[];
  /** How the configuration file differs from what it seeded (reported, not applied). */
  drift: DirectoryDrift[] = [];

  constructor(
    /** The configuration file's municipalities (what a first start seeds). */
    readonly fromFile: readonly MunicipalityConfig[],
    private readonly onChange: (list: readonly MunicipalityConfig[]) => void = () => {},
  ) {
    this.list = [...fromFile];
  }

  /** Every municipality, retired ones too, in order. */
  get all(): readonly MunicipalityConfig[] {
    return this.list;
  }

  /** Municipalities open for new cases. */
  active(): MunicipalityConfig[] {
    return this.list.filter((m) => !m.retired);
  }

  find(id: string): MunicipalityConfig | undefined {
    return this.list.find((m) => m.id === id);
  }

  /** Reads the table again (after a change by this or another process). */
  async reload(db: Kysely<Database>): Promise<void> {
    this.list = await readMunicipalities(db);
    this.onChange(this.list);
  }
}

export async function readMunicipalities(db: Kysely<Database>): Promise<MunicipalityConfig[]> {
  const rows = await db
    .selectFrom('municipalities')
    .selectAll()
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  return rows.map((r) => municipalityConfigSchema.parse(JSON.parse(r.definition)));
}

/**
 * Seeds the directory from the file on the first start, or reports how the file drifted from
 * what it seeded; then loads it. Safe when several processes start at once (the write lock
 * orders them; the second finds the seed).
 */
export async function openMunicipalityDirectory(
  db: Kysely<Database>,
  config: ServiceConfig,
  now: Date,
  onChange?: (list: readonly MunicipalityConfig[]) => void,
): Promise<MunicipalityDirectory> {
  const directory = new MunicipalityDirectory(config.municipalities, onChange);
  const seeded = await db.transaction().execute(async (trx) => {
    await takeWriteLock(trx);
    const row = await trx
      .selectFrom('config_seeds')
      .selectAll()
      .where('key', '=', municipalitiesKey)
      .executeTakeFirst();
    if (row) {
      return (JSON.parse(row.value) as unknown[]).map((m) => municipalityConfigSchema.parse(m));
    }
    const at = now.toISOString();
    const existing = new Set(
      (await trx.selectFrom('municipalities').select('id').execute()).map((r) => r.id),
    );
    let order = 0;
    for (const m of config.municipalities) {
      order += 1;
      if (existing.has(m.id)) continue;
      await trx
        .insertInto('municipalities')
        .values({
          id: m.id,
          definition: JSON.stringify(m),
          sort_order: order,
          updated_by: 'configuration',
          updated_at: at,
        })
        .execute();
    }
    await trx
      .insertInto('config_seeds')
      .values({
        key: municipalitiesKey,
        value: JSON.stringify(config.municipalities),
        seeded_at: at,
      })
      .execute();
    await recordAudit(
      trx,
      {
        actor: systemActor('configuration'),
        action: 'municipality.seed',
        targetType: 'municipality',
        targetId: null,
        summary: `seeded ${config.municipalities.length} municipalities from the configuration file`,
        details: { ids: config.municipalities.map((m) => m.id) },
      },
      now,
    );
    return config.municipalities;
  });
  directory.drift = directoryDrift(seeded, config.municipalities);
  const report = driftReport(directory.drift);
  if (report) console.warn(report);
  await directory.reload(db);
  return directory;
}

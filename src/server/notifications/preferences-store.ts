/** Each person's notification choices (core's NotificationPreferences), by subject. */
import {
  type NotificationPreferences,
  noPreferences,
  notificationPreferencesSchema,
} from '@core/notifications';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export const subjectOfUser = (userId: string) => `user:${userId}`;
export const subjectOfEmail = (email: string) => `email:${email.trim().toLowerCase()}`;

export async function preferencesOf(db: Db, subject: string): Promise<NotificationPreferences> {
  const row = await db
    .selectFrom('notification_preferences')
    .select('preferences')
    .where('subject', '=', subject)
    .executeTakeFirst();
  if (!row) return noPreferences;
  const parsed = notificationPreferencesSchema.safeParse(JSON.parse(row.preferences));
  return parsed.success ? parsed.data : noPreferences;
}

export async function savePreferences(
  db: Db,
  subject: string,
  preferences: NotificationPreferences,
  now: Date,
): Promise<void> {
  const value = JSON.stringify(preferences);
  await db
    .insertInto('notification_preferences')
    .values({ subject, preferences: value, updated_at: now.toISOString() })
    .onConflict((oc) =>
      oc.column('subject').doUpdateSet({ preferences: value, updated_at: now.toISOString() }),
    )
    .execute();
}

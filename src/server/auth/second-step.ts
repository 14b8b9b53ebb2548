/**
 * The second step of a password sign-in, for local accounts with two-step sign-in on: the
 * client sends the app's code with the password (`totpCode`). Without one the answer is a
 * 401 with rule `signIn.totpRequired` (the client then asks for the code and sends both
 * again); a wrong code is a 401 with rule `signIn.totpInvalid` and counts as a failed
 * sign-in for the limiter, and so is a code used already. Lost the app? An admin's password reset can remove it.
 */
import type { Kysely } from 'kysely';
import type { Database, UserRow } from '../db/schema';
import { HttpProblem } from '../http/problem';
import { recordFailure } from './sign-in-limiter';
import { verifyTotp } from './totp';

export async function checkSecondStep(
  db: Kysely<Database>,
  row: UserRow,
  totpCode: string | undefined,
  limiterKey: string,
  now: Date,
): Promise<void> {
  if (!row.totp_secret) return;
  if (!totpCode) {
    throw new HttpProblem(401, 'Unauthorized', 'this account needs the code from its app', {
      rule: 'signIn.totpRequired',
    });
  }
  const step = verifyTotp(row.totp_secret, totpCode, now, row.totp_last_step);
  // Take the step only if no other sign-in took it (or a later one) meanwhile: once only.
  const taken =
    step !== null &&
    Number(
      (
        await db
          .updateTable('users')
          .set({ totp_last_step: step })
          .where('id', '=', row.id)
          .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
          .executeTakeFirst()
      ).numUpdatedRows,
    ) === 1;
  if (!taken) {
    await recordFailure(db, limiterKey, now);
    throw new HttpProblem(401, 'Unauthorized', 'the code from the app is wrong or used already', {
      rule: 'signIn.totpInvalid',
    });
  }
}

/** Remembers when the account last signed in (the Users screen shows and filters by it). */
export async function noteSignIn(db: Kysely<Database>, userId: string, now: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ last_sign_in_at: now.toISOString() })
    .where('id', '=', userId)
    .execute();
}

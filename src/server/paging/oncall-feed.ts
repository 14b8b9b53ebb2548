/**
 * One person's on-call shifts as an iCalendar feed (ical-generator), for their own calendar.
 * Calendar apps cannot sign in, so the feed's address carries a signed token naming the
 * person (HMAC with the server's link secret); the feed holds shifts, nothing about cases.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { shiftsOf } from '@core/oncall';
import ical from 'ical-generator';
import type { ServerContext } from '../server-context';
import { rotaBetween } from './rota-store';
import { linkSecret } from './vapid-keys';

const DAY_MS = 86_400_000;

export async function feedToken(ctx: ServerContext, userId: string): Promise<string> {
  const secret = await linkSecret(ctx.db);
  const sig = createHmac('sha256', secret).update(`ical:${userId}`).digest('base64url');
  return `${Buffer.from(userId).toString('base64url')}.${sig}`;
}

export async function feedUserId(ctx: ServerContext, token: string): Promise<string | null> {
  const [idPart, sig] = token.split('.');
  if (!idPart || !sig) return null;
  const userId = Buffer.from(idPart, 'base64url').toString('utf8');
  const want = Buffer.from((await feedToken(ctx, userId)).split('.')[1]!);
  const given = Buffer.from(sig);
  return want.length === given.length && timingSafeEqual(want, given) ? userId : null;
}

/** The feed: shifts from 14 days back to 90 days ahead. */
export async function onCallFeed(
  ctx: ServerContext,
  userId: string,
  name: string,
): Promise<string> {
  const now = ctx.now().getTime();
  const rota = await rotaBetween(ctx, ctx.db, now - 14 * DAY_MS, now + 90 * DAY_MS);
  const calendar = ical({
    name: `Vakt – ${name}`,
    timezone: ctx.config.calendar.timeZone,
    prodId: { company: 'Saksbord', product: 'vaktliste', language: 'NN' },
  });
  for (const shift of shiftsOf(rota, userId)) {
    calendar.createEvent({
      id: `oncall-${shift.period.id}-${shift.role}@saksbord`,
      start: new Date(shift.period.startMs),
      end: new Date(shift.period.endMs),
      summary: shift.role === 'primary' ? 'Vakt (vakttelefonen)' : 'Reservevakt',
      description: `Vakttelefon ${ctx.config.calendar.phoneNumbers.onCall}`,
    });
  }
  return calendar.toString();
}

/**
 * Links in mail that work without a password: confirm or reopen a solved case, unsubscribe.
 * A link is a signed token (HMAC-SHA256 with a secret made at first start and kept in the
 * database, so every server process signs and checks alike) naming the case, the action,
 * whom it is for and when it expires; confirm and reopen links work once (their id is
 * recorded in `mail_link_uses` when used). The same key signs reply addresses.
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export type LinkAction = 'confirm' | 'reopen' | 'unsubscribe';

export interface MailLink {
  /** Link id (single use). */
  id: string;
  action: LinkAction;
  caseId: string | null;
  /** Preferences subject (`user:<id>` / `email:<address>`). */
  subject: string;
  /** Expiry, epoch ms. */
  expires: number;
}

const secrets = new WeakMap<object, Promise<Buffer>>();

/** The signing key, made once per database. */
export function linkSecret(db: Kysely<Database>): Promise<Buffer> {
  let secret = secrets.get(db);
  if (!secret) {
    secret = (async () => {
      await db
        .insertInto('server_secrets')
        .values({
          name: 'mail-links',
          value: randomBytes(32).toString('base64url'),
          created_at: new Date().toISOString(),
        })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const row = await db
        .selectFrom('server_secrets')
        .select('value')
        .where('name', '=', 'mail-links')
        .executeTakeFirstOrThrow();
      return Buffer.from(row.value, 'base64url');
    })();
    secret.catch(() => secrets.delete(db));
    secrets.set(db, secret);
  }
  return secret;
}

function sign(key: Buffer, data: string): string {
  return createHmac('sha256', key).update(data).digest('base64url');
}

export function signLink(key: Buffer, link: Omit<MailLink, 'id'> & { id?: string }): string {
  const body = Buffer.from(
    JSON.stringify({
      i: link.id ?? randomUUID(),
      a: link.action,
      c: link.caseId,
      s: link.subject,
      e: link.expires,
    }),
  ).toString('base64url');
  return `${body}.${sign(key, body)}`;
}

export type LinkCheck =
  | { ok: true; link: MailLink }
  | { ok: false; reason: 'invalid' | 'expired' | 'used' };

/** Checks signature and expiry (not single use: see `spendLink`). */
export function verifyLink(key: Buffer, token: string, now: Date): LinkCheck {
  const [body, signature] = token.split('.');
  if (!body || !signature) return { ok: false, reason: 'invalid' };
  const expected = Buffer.from(sign(key, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'invalid' };
  }
  try {
    const raw = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    const action = raw.a;
    if (action !== 'confirm' && action !== 'reopen' && action !== 'unsubscribe') {
      return { ok: false, reason: 'invalid' };
    }
    const link: MailLink = {
      id: String(raw.i),
      action,
      caseId: typeof raw.c === 'string' ? raw.c : null,
      subject: String(raw.s),
      expires: Number(raw.e),
    };
    if (!(now.getTime() < link.expires)) return { ok: false, reason: 'expired' };
    return { ok: true, link };
  } catch {
    return { ok: false, reason: 'invalid' };
  }
}

/** Records a single-use link as used; false when it already was. */
export async function spendLink(db: Db, linkId: string, now: Date): Promise<boolean> {
  const result = await db
    .insertInto('mail_link_uses')
    .values({ link_id: linkId, used_at: now.toISOString() })
    .onConflict((oc) => oc.column('link_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function linkUsed(db: Db, linkId: string): Promise<boolean> {
  const row = await db
    .selectFrom('mail_link_uses')
    .select('link_id')
    .where('link_id', '=', linkId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * A case's reply address: `local+<case number>.<tag>@domain`, the tag a short signature of
 * the case number, so a reply finds its case and a made-up address finds none.
 */
export function replyAddress(key: Buffer, supportAddress: string, caseNumber: string): string {
  const at = supportAddress.lastIndexOf('@');
  const local = supportAddress.slice(0, at).split('+')[0];
  return `${local}+${caseNumber}.${sign(key, `reply:${caseNumber}`).slice(0, 12).toLowerCase()}${supportAddress.slice(at)}`;
}

/** The case number a reply address names, when its tag is genuine; null otherwise. */
export function caseNumberOfReplyAddress(key: Buffer, address: string): string | null {
  const match = /\+([0-9]{4}-[0-9]{3,})\.([a-z0-9_-]{12})@/i.exec(address);
  if (!match) return null;
  const [, number, tag] = match;
  const expected = sign(key, `reply:${number}`).slice(0, 12).toLowerCase();
  return tag!.toLowerCase() === expected ? number! : null;
}

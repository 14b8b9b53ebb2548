/**
 * Bearer tokens: 32 random bytes, given to the client once; the database holds only their
 * SHA-256, so a copy of the database does not let anyone sign in.
 */
import { createHash, randomBytes } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

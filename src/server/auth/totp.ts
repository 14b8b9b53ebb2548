/**
 * Two-step sign-in for local staff accounts: TOTP (RFC 6238; 6 digits, 30 s, SHA-1, what
 * every authenticator app reads) through otplib. Enrolment shows the secret as an otpauth://
 * URI and its QR code; the secret is stored only after the person proves the app has it (one
 * code). A code is accepted one step either side of now, for clocks a little apart, and only
 * once (the step of the last accepted code is kept: RFC 6238 §5.2).
 */
import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';
import QRCode from 'qrcode';

export interface TotpEnrolment {
  secret: string;
  otpauthUri: string;
  /** The URI as a QR code, an SVG document. */
  qrSvg: string;
}

export async function newTotpEnrolment(issuer: string, account: string): Promise<TotpEnrolment> {
  const secret = generateSecret();
  const otpauthUri = generateURI({ issuer, label: account, secret });
  const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg', margin: 2 });
  return { secret, otpauthUri, qrSvg };
}

/**
 * The time step of `code` when it is the secret's code at `now` (or one step before or after)
 * and later than `afterStep` (the last one accepted: a code is good once); null otherwise.
 */
export function verifyTotp(
  secret: string,
  code: string,
  now: Date,
  afterStep?: number | null,
): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const result = verifySync({
      secret,
      token,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: 30,
      ...(afterStep !== undefined && afterStep !== null ? { afterTimeStep: afterStep } : {}),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    return null;
  }
}

/** The code at `now` (tests and the demo only). */
export function totpCodeAt(secret: string, now: Date): string {
  return generateSync({ secret, epoch: Math.floor(now.getTime() / 1000) });
}

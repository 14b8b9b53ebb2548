import { describe, expect, it } from 'vitest';
import { isCommonPassword, newPasswordProblems } from './password-check';
import { newTotpEnrolment, totpCodeAt, verifyTotp } from './totp';

describe('TOTP', () => {
  it('enrols with an otpauth URI and a QR code, and verifies a code one step either side', async () => {
    const enrolment = await newTotpEnrolment('Romsdal IKT', 'agent1');
    expect(enrolment.otpauthUri).toBe(
      `otpauth://totp/Romsdal%20IKT:agent1?secret=${enrolment.secret}&issuer=Romsdal%20IKT`,
    );
    expect(enrolment.qrSvg).toMatch(/^<svg/);
    const at = new Date('2026-11-30T12:00:10Z');
    const code = totpCodeAt(enrolment.secret, at);
    const cases: [string, string, number, boolean][] = [
      ['now', code, 0, true],
      ['with a space', `${code.slice(0, 3)} ${code.slice(3)}`, 0, true],
      ['one step later', code, 30_000, true],
      ['one step earlier', code, -30_000, true],
      ['three steps later', code, 90_000, false],
      ['not digits', 'abcdef', 0, false],
      ['too short', code.slice(0, 5), 0, false],
    ];
    for (const [name, given, offset, ok] of cases) {
      const step = verifyTotp(enrolment.secret, given, new Date(at.getTime() + offset));
      expect([name, step !== null]).toEqual([name, ok]);
    }
    // Once only: a code at or before the last accepted step is refused.
    const step = verifyTotp(enrolment.secret, code, at);
    expect(step).toBe(Math.floor(at.getTime() / 30_000));
    expect(verifyTotp(enrolment.secret, code, at, step)).toBeNull();
    expect(verifyTotp(enrolment.secret, code, at, (step ?? 0) - 1)).toBe(step);
  });
});

describe('the list of common passwords', () => {
  it('knows the most common ones and not a sentence', () => {
    expect(isCommonPassword('123456')).toBe(true);
    expect(isCommonPassword('qwertyuiop')).toBe(true);
    expect(isCommonPassword('grøn kaffi på tysdag')).toBe(false);
    expect(newPasswordProblems('password1234', { minLength: 12 }).map((p) => p.rule)).toEqual([
      'password.common',
    ]);
  });
});

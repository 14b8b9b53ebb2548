import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { caseNumberOfReplyAddress, replyAddress, signLink, verifyLink } from './mail-links';

const key = randomBytes(32);
const other = randomBytes(32);
const now = new Date('2026-11-30T12:00:00Z');
const link = {
  action: 'confirm' as const,
  caseId: 'c1',
  subject: 'user:u1',
  expires: now.getTime() + 60_000,
};

describe('signed mail links', () => {
  it.each<[string, () => string, Date, string]>([
    ['a fresh link', () => signLink(key, link), now, 'ok'],
    ['expired', () => signLink(key, link), new Date(now.getTime() + 60_000), 'expired'],
    ['signed with another key', () => signLink(other, link), now, 'invalid'],
    [
      'tampered body',
      () => {
        const [body, sig] = signLink(key, link).split('.');
        const changed = Buffer.from(
          JSON.stringify({
            ...JSON.parse(Buffer.from(body!, 'base64url').toString()),
            a: 'reopen',
          }),
        ).toString('base64url');
        return `${changed}.${sig}`;
      },
      now,
      'invalid',
    ],
    ['no signature', () => signLink(key, link).split('.')[0]!, now, 'invalid'],
    ['garbage', () => 'abc.def', now, 'invalid'],
  ])('%s', (_name, token, at, expected) => {
    const verdict = verifyLink(key, token(), at);
    expect(verdict.ok ? 'ok' : verdict.reason).toBe(expected);
  });

  it('reply addresses name their case and cannot be made up', () => {
    const address = replyAddress(key, 'brukarstotte@romsdal-ikt.no', '2026-00042');
    expect(address).toMatch(/^brukarstotte\+2026-00042\.[a-z0-9_-]{12}@romsdal-ikt\.no$/);
    expect(caseNumberOfReplyAddress(key, address)).toBe('2026-00042');
    expect(caseNumberOfReplyAddress(key, address.toUpperCase())).toBe('2026-00042');
    expect(caseNumberOfReplyAddress(key, address.replace('00042', '00043'))).toBeNull();
    expect(caseNumberOfReplyAddress(other, address)).toBeNull();
    expect(caseNumberOfReplyAddress(key, 'brukarstotte@romsdal-ikt.no')).toBeNull();
  });
});

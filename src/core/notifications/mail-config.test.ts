import { describe, expect, it } from 'vitest';
import { defaultServiceConfig } from '../config/default-service-config';
import { parseServiceConfig } from '../config/parse-service-config';

const withMail = (mail: unknown) => JSON.stringify({ ...defaultServiceConfig, mail });
const smtp = { host: 'smtp.kommune.no', port: 587, secure: false };

describe('the mail section of the configuration', () => {
  it('is optional: without it, no mail', () => {
    expect(parseServiceConfig(JSON.stringify(defaultServiceConfig), 'c.json').mail).toBeUndefined();
  });

  it('takes smtp, from and replyTo, with defaults for the rest', () => {
    const config = parseServiceConfig(
      withMail({
        smtp: { ...smtp, userEnv: 'U', passwordEnv: 'P' },
        from: 'Brukarstøtta <b@k.no>',
        replyTo: 'b@k.no',
      }),
      'c.json',
    );
    expect(config.mail).toMatchObject({
      smtp: { host: 'smtp.kommune.no', passwordEnv: 'P' },
      replyTo: 'b@k.no',
      giveUpAfterHours: 48,
      linkValidDays: 14,
    });
  });

  it.each<[string, unknown, string]>([
    ['no port', { smtp: { host: 'h', secure: false }, from: 'a@b.no' }, 'c.json: mail.smtp.port'],
    [
      'a password in the file',
      { smtp: { ...smtp, password: 'x' }, from: 'a@b.no' },
      'c.json: mail.smtp',
    ],
    [
      'a reply address that is not one',
      { smtp, from: 'a@b.no', replyTo: 'brukarstøtte' },
      'c.json: mail.replyTo',
    ],
    ['no sender', { smtp }, 'c.json: mail.from'],
  ])('%s: one line naming the field', (_name, mail, start) => {
    expect(() => parseServiceConfig(withMail(mail), 'c.json')).toThrow(start);
  });
});

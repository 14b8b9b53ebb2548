import { describe, expect, it } from 'vitest';
import { caseChangeSchema } from './case-change';
import { caseRecordSchema, requesterPhone, requesterSchema } from './case-record';
import { applyChange } from './case-reducer';

const caseId = '7b0d4f7e-4a8e-4c57-9a55-0a7f3f0e7a02';

describe('the phone number in a requester contact', () => {
  it.each([
    ['900 12 345', '900 12 345'],
    ['+47 900 12 345', '+47 900 12 345'],
    ['90012345', '90012345'],
    ['tlf. 71 11 22 33', '71 11 22 33'],
    ['Mobil: 900-12-345', '900-12-345'],
    ['kari@molde.kommune.no, 900 12 345', '900 12 345'],
    ['kari@molde.kommune.no eller 900 12 345', '900 12 345'],
    ['kari@molde.kommune.no', null],
    ['', null],
    ['1234', null],
    ['rom 2014', null],
    ['1234567890123456', null],
  ])('%j → %j', (contact, expected) => {
    expect(requesterPhone(contact)).toBe(expected);
  });
});

describe('the requester says they have no network (noNetwork)', () => {
  it.each([
    ['portal answer "Eg har ikkje nett"', { noNetwork: true }, true],
    ['portal answer left unticked', { noNetwork: false }, false],
    ['a record from before the field existed', {}, undefined],
  ])('%s parses and keeps it', (_name, extra, expected) => {
    const parsed = requesterSchema.parse({ name: 'Kari', municipalityId: 'molde', ...extra });
    expect(parsed.noNetwork).toBe(expected);
  });

  it('refuses a value that is not yes or no, naming the field', () => {
    const result = requesterSchema.safeParse({
      name: 'Kari',
      municipalityId: 'molde',
      noNetwork: 'ja',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['noNetwork']);
  });

  it('travels from the created change into the case, and survives an edit of the contact', () => {
    const created = caseChangeSchema.parse({
      type: 'created',
      title: 'Nettet er nede på legekontoret',
      priority: 'high',
      channel: 'portal',
      requester: {
        name: 'Kari',
        municipalityId: 'molde',
        contact: '900 12 345',
        userId: 'kari',
        noNetwork: true,
      },
    });
    const meta = (seq: number) => ({
      caseId,
      at: `2026-11-24T10:0${seq}:00+01:00`,
      actorId: 'kari',
      actorRole: 'requester' as const,
      seq,
    });
    const record = applyChange(null, created, meta(1));
    expect(caseRecordSchema.parse(record).requester.noNetwork).toBe(true);
    const edited = applyChange(
      record,
      caseChangeSchema.parse({
        type: 'fieldsChanged',
        changes: { requester: { ...record.requester, contact: '900 99 999' } },
      }),
      meta(2),
    );
    expect(edited.requester).toMatchObject({ contact: '900 99 999', noNetwork: true });
  });
});

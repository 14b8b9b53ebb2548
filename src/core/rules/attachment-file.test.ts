import { describe, expect, it } from 'vitest';
import { checkAttachmentFile } from './attachment-file';

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(
    values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])),
  );
const png = bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0);
const exe = bytes('MZ', 0x90, 0, 3, 0);

describe('checkAttachmentFile: name, type and content agree', () => {
  const cases: [string, string, string, Uint8Array, ReturnType<typeof checkAttachmentFile>][] = [
    ['a real screenshot', 'skjerm.png', 'image/png', png, { ok: true, fileName: 'skjerm.png' }],
    ['upper-case extension', 'SKJERM.PNG', 'image/png', png, { ok: true, fileName: 'SKJERM.PNG' }],
    [
      'setup.exe sent as a PNG',
      'setup.exe',
      'image/png',
      png,
      { ok: false, problem: 'extension', fileName: 'setup.exe' },
    ],
    [
      'a program named like a PNG',
      'bilete.png',
      'image/png',
      exe,
      { ok: false, problem: 'content', fileName: 'bilete.png' },
    ],
    [
      'a right-to-left override hiding .exe',
      'faktura\u202egnp.exe',
      'image/png',
      png,
      { ok: false, problem: 'extension', fileName: 'fakturagnp.exe' },
    ],
    [
      'bidi marks are taken out of a good name',
      'skjerm\u200f\u2066.png',
      'image/png',
      png,
      { ok: true, fileName: 'skjerm.png' },
    ],
    ['a log file', 'feil.log', 'text/plain', bytes('ERROR x'), { ok: true, fileName: 'feil.log' }],
    [
      'a program sent as text',
      'les-meg.txt',
      'text/plain',
      exe,
      { ok: false, problem: 'content', fileName: 'les-meg.txt' },
    ],
    [
      'a PDF',
      'skjema.pdf',
      'application/pdf',
      bytes('%PDF-1.7'),
      { ok: true, fileName: 'skjema.pdf' },
    ],
    [
      'a path in the name',
      '../../etc/passwd.txt',
      'text/plain',
      bytes('x'),
      { ok: false, problem: 'name', fileName: '../../etc/passwd.txt' },
    ],
    [
      'a type the table does not know',
      'a.bin',
      'application/x-custom',
      exe,
      { ok: true, fileName: 'a.bin' },
    ],
  ];
  it.each(cases)('%s', (_name, fileName, type, head, expected) => {
    expect(checkAttachmentFile(fileName, type, head)).toEqual(expected);
  });
});

/**
 * The `saksbord calendar` commands as a user runs them: a real process, JSON on stdout,
 * one line on stderr and a non-zero exit code for bad input.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defaultServiceConfig } from '@core/config';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function saksbord(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr.trim() };
}

/** stderr without npm's own configuration warnings, which are not the CLI's output. */
const ownLines = (stderr: string) =>
  stderr.split('\n').filter((line) => line.length > 0 && !line.startsWith('npm warn'));

describe('saksbord calendar holidays', () => {
  it('prints the public holidays of a year as JSON, both names on 17 May 2027', () => {
    const { code, stdout } = saksbord('calendar', 'holidays', '2027', '--json');
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as Array<{ date: string; name: string }>;
    expect(rows).toHaveLength(12);
    expect(rows[0]).toEqual({ date: '2027-01-01', name: 'Første nyttårsdag' });
    expect(rows.filter((r) => r.date === '2027-05-17').map((r) => r.name)).toEqual([
      'Grunnlovsdagen',
      'Andre pinsedag',
    ]);
    expect(rows.find((r) => r.name === 'Første påskedag')?.date).toBe('2027-03-28');
  });

  it('covers a range of years in date order', () => {
    const { code, stdout } = saksbord('calendar', 'holidays', '2024', '2026', '--json');
    expect(code).toBe(0);
    const dates = (JSON.parse(stdout) as Array<{ date: string }>).map((r) => r.date);
    expect(dates).toHaveLength(36);
    expect([...dates].sort()).toEqual(dates);
  });

  it('prints a Nynorsk table without --json', () => {
    const { code, stdout } = saksbord('calendar', 'holidays', '2026');
    expect(code).toBe(0);
    expect(stdout).toContain('2026-04-05  søndag   Første påskedag');
  });
});

describe('saksbord calendar status', () => {
  it('answers each instant in order, whatever the offset', () => {
    const { code, stdout } = saksbord(
      'calendar',
      'status',
      '2026-03-06T15:45+01:00',
      '2026-03-07T10:00:00Z',
      '2026-07-01T08:00:00+02:00',
      '--json',
    );
    expect(code).toBe(0);
    const statuses = JSON.parse(stdout);
    expect(statuses).toHaveLength(3);
    expect(statuses[0]).toMatchObject({
      at: '2026-03-06T15:45:00+01:00',
      supportOpen: true,
      onCallStaffed: true,
      callNumber: '70 16 29 99',
      nextChange: { at: '2026-03-06T16:00:00+01:00', supportOpen: false, onCallStaffed: true },
    });
    expect(statuses[1]).toMatchObject({
      at: '2026-03-07T11:00:00+01:00',
      supportOpen: false,
      onCallStaffed: true,
      callNumber: '70 16 24 46',
      nextChange: { at: '2026-03-09T08:00:00+01:00', supportOpen: true, onCallStaffed: false },
    });
    expect(statuses[2]).toMatchObject({
      at: '2026-07-01T08:00:00+02:00',
      supportOpen: true,
      onCallStaffed: false,
    });
  });
});

describe('bad input', () => {
  it.each([
    { args: ['calendar', 'status', '2026-02-30T10:00Z', '--json'], names: '2026-02-30T10:00Z' },
    { args: ['calendar', 'status', 'yesterday'], names: 'yesterday' },
    { args: ['calendar', 'status', '--json'], names: '<tidspunkt>' },
    { args: ['calendar', 'holidays', '1899', '--json'], names: '1899' },
    { args: ['calendar', 'holidays', '2020', '2201'], names: '<til-år>' },
    { args: ['calendar', 'holidays', '--json'], names: '<frå-år>' },
    { args: ['calendar', 'holidays', '2027', '2026'], names: '<frå-år>' },
    { args: ['calendar', 'weather'], names: 'weather' },
    { args: ['calendar', 'holidays', '2026', '--xml'], names: '--xml' },
    { args: ['nonsense'], names: 'nonsense' },
  ])('$args exits non-zero with one line naming $names', ({ args, names }) => {
    const { code, stdout, stderr } = saksbord(...args);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    const lines = ownLines(stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(names);
  });
});

describe('saksbord calendar --config', () => {
  const dir = mkdtempSync(join(tmpdir(), 'saksbord-cli-config-'));
  const write = (name: string, content: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };
  const withChristmasEve = write('christmas-eve.json', {
    ...defaultServiceConfig,
    calendar: {
      ...defaultServiceConfig.calendar,
      extraClosedDays: [{ date: '2026-12-24', name: 'Julaftan' }],
    },
  });

  it('adds the configured extra closed days to the holidays', () => {
    const { code, stdout } = saksbord(
      'calendar',
      'holidays',
      '2026',
      '--json',
      '--config',
      withChristmasEve,
    );
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as Array<{ date: string; name: string }>;
    expect(rows).toHaveLength(13);
    expect(rows).toContainEqual({ date: '2026-12-24', name: 'Julaftan' });
  });

  it('keeps support closed on a configured closed day', () => {
    const { code, stdout } = saksbord(
      'calendar',
      'status',
      '2026-12-24T10:00+01:00',
      '--json',
      `--config=${withChristmasEve}`,
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)[0]).toMatchObject({ supportOpen: false, onCallStaffed: true });
  });

  it.each([
    ['a missing file', join(dir, 'nope.json'), 'file not found'],
    ['a file that is not JSON', write('broken.json', '{ "calendar": '), 'broken.json'],
    [
      'a wrong field type',
      write('bad-phone.json', {
        ...defaultServiceConfig,
        calendar: {
          ...defaultServiceConfig.calendar,
          phoneNumbers: { support: 70162999, onCall: '70 16 24 46' },
        },
      }),
      'calendar.phoneNumbers.support',
    ],
  ])('%s stops it with one line naming the file and field', (_what, file, names) => {
    const { code, stdout, stderr } = saksbord('calendar', 'holidays', '2026', '--config', file);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    const lines = ownLines(stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file.split('/').pop());
    expect(lines[0]).toContain(names);
  });
});

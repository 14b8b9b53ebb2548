/**
 * The packaging step flips Electron's fuses (electron-builder.yml `electronFuses`, applied
 * with @electron/fuses): a packaged Saksbord cannot be turned into a Node runtime or have code
 * injected through NODE_OPTIONS or an inspector, and loads only its checked app.asar.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const config = readFileSync(join(__dirname, '../../electron-builder.yml'), 'utf8');
const fuses = config.split(/^electronFuses:\s*$/m)[1]?.split(/^\S/m)[0] ?? '';

describe('Electron fuses in the packaging configuration', () => {
  const expected: [string, boolean][] = [
    ['runAsNode', false],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['onlyLoadAppFromAsar', true],
    ['enableCookieEncryption', true],
    ['grantFileProtocolExtraPrivileges', false],
  ];
  it.each(expected)('%s is %s', (fuse, value) => {
    expect(fuses).toMatch(new RegExp(`^\\s+${fuse}: ${value}\\s*$`, 'm'));
  });
  it('keeps the app in an asar archive (the integrity check needs one)', () => {
    expect(config).toMatch(/^asar: true\s*$/m);
  });
});

import { describe, expect, it } from 'vitest';
import { type BinaryProbe, findElectronBinary } from './electron-binary';

const pkg = '/repo/node_modules/electron';
function probe(overrides: Partial<BinaryProbe> & { files?: Record<string, string> } = {}) {
  const files = overrides.files ?? {};
  return {
    env: { DISPLAY: ':0' },
    platform: 'linux',
    packageDir: pkg,
    exists: (path: string) => path in files,
    read: (path: string) => files[path],
    ...overrides,
  };
}

describe('findElectronBinary', () => {
  it('finds the binary that path.txt names under dist/', () => {
    const files = { [`${pkg}/path.txt`]: 'electron', [`${pkg}/dist/electron`]: '' };
    expect(findElectronBinary(probe({ files }))).toEqual({
      available: true,
      path: `${pkg}/dist/electron`,
    });
  });

  it('explains a missing download without starting one', () => {
    const result = findElectronBinary(probe());
    expect(result.available).toBe(false);
    if (!result.available) expect(result.reason).toMatch(/path\.txt is missing/);
    const half = findElectronBinary(probe({ files: { [`${pkg}/path.txt`]: 'electron' } }));
    expect(half).toEqual({
      available: false,
      reason: `the Electron binary ${pkg}/dist/electron is missing`,
    });
    expect(findElectronBinary(probe({ packageDir: undefined })).available).toBe(false);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const files = { '/opt/electron/electron': '' };
    expect(
      findElectronBinary(
        probe({ env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron', DISPLAY: ':1' }, files }),
      ),
    ).toEqual({ available: true, path: '/opt/electron/electron' });
  });

  it('needs a display on Linux', () => {
    const files = { [`${pkg}/path.txt`]: 'electron', [`${pkg}/dist/electron`]: '' };
    const result = findElectronBinary(probe({ env: {}, files }));
    expect(result).toEqual({
      available: false,
      reason: 'there is no display (DISPLAY and WAYLAND_DISPLAY are unset)',
    });
    expect(findElectronBinary(probe({ env: {}, platform: 'win32', files })).available).toBe(true);
  });

  it('sees that this machine has no binary (or has one), without throwing', () => {
    expect(() => findElectronBinary()).not.toThrow();
  });
});

import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEFAULT_QUOTA_BYTES,
  ENV,
  configToEnv,
  readConfig,
  thisMachine,
  type ConfigSystem,
  type PreloadConfig,
} from '../../src/preload/config.js';
import { createRouter } from '../../src/node/routing.js';

let base: string;
let work: string;
let temp: string;
let system: ConfigSystem;

beforeAll(() => {
  base = realpathSync(mkdtempSync(path.join(tmpdir(), 'memfs-config-')));
  work = path.join(base, 'work (copy)');
  temp = path.join(base, 'tmp');
  mkdirSync(work);
  mkdirSync(temp);
  mkdirSync(path.join(base, 'spool'));
  writeFileSync(path.join(base, 'a-file'), '');
  symlinkSync(work, path.join(base, 'link-to-work'));
  system = { ...thisMachine, cwd: () => work, tmpdir: () => temp };
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

function configOf(env: Record<string, string>): PreloadConfig {
  const result = readConfig(env, system);
  if (result.disabled) throw new Error('unexpectedly disabled');
  return result.config;
}

function errorOf(env: Record<string, string>): ConfigError {
  try {
    readConfig(env, system);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`no error for ${JSON.stringify(env)}`);
}

/** Asked of the router the preload builds from the configuration: inside a root, and not owned by the overlay. */
function passesThrough(config: PreloadConfig, p: string): boolean {
  return !createRouter({ roots: [...config.roots, '/var', base], passThrough: config.passThrough }).owns(p);
}

describe('with no configuration', () => {
  it('roots are the working directory and the temp dir', () => {
    expect(configOf({}).roots).toEqual([work, temp]);
  });

  it('the quota is the default and there is no spool', () => {
    const config = configOf({});
    expect(config.quotaBytes).toBe(DEFAULT_QUOTA_BYTES);
    expect(config.spoolDir).toBeUndefined();
  });

  it('node_modules, coverage and test reports at any depth pass through', () => {
    const config = configOf({});
    for (const p of ['node_modules', 'node_modules/.vite/deps/x.js', 'pkg/node_modules/a/b.js', 'coverage/lcov.info',
      'pkg/.nyc_output/out.json', 'junit.xml', 'reports/junit-unit.xml', 'test-results/r.json']) {
      expect(passesThrough(config, path.join(work, p)), p).toBe(true);
    }
  });

  it("the runners' caches in the temp dir pass through", () => {
    const config = configOf({});
    expect(passesThrough(config, path.join(temp, 'jest_rs/haste-map-x'))).toBe(true);
    expect(passesThrough(config, path.join(temp, 'node-compile-cache/v22/x'))).toBe(true);
    expect(passesThrough(config, path.join(temp, 'tsx-0/abc.json'))).toBe(true);
    expect(passesThrough(config, path.join(temp, 'v8-compile-cache-0/x'))).toBe(true);
  });

  it("vitest's hand-over folders pass through in vitest's main thread only, and only without a spool", () => {
    const inVitestMain = readConfig({}, { ...system, isVitestMain: () => true });
    if (inVitestMain.disabled) throw new Error('unexpectedly disabled');
    expect(passesThrough(inVitestMain.config, path.join(temp, 'uSe-and_m26T198340PX7/ssr/0a1b2c'))).toBe(true);
    expect(passesThrough(inVitestMain.config, path.join(temp, 'uSe-and_m26T198340PX7'))).toBe(true);
    // Elsewhere (a test's own folder that happens to have 21 characters) it stays in memory.
    const elsewhere = configOf({});
    expect(passesThrough(elsewhere, path.join(temp, 'uSe-and_m26T198340PX7/ssr/0a1b2c'))).toBe(false);
    expect(passesThrough(elsewhere, path.join(temp, 'module-663-so4fxc3uzn/created.json'))).toBe(false);
    // With a spool (the CLI, the action) vitest's forks see its main process's files through the spool: in memory.
    const withSpool = readConfig({ MEMFS_SPOOL: path.join(base, 'spool') }, { ...system, isVitestMain: () => true });
    if (withSpool.disabled) throw new Error('unexpectedly disabled');
    expect(passesThrough(withSpool.config, path.join(temp, 'uSe-and_m26T198340PX7/ssr/0a1b2c'))).toBe(false);
  });

  it("the user's own files do not pass through", () => {
    const config = configOf({});
    for (const p of ['src/index.js', 'test/out.txt', 'coverage.txt', 'my-node_modules/x', '.cache/x']) {
      expect(passesThrough(config, path.join(work, p)), p).toBe(false);
    }
    expect(passesThrough(config, path.join(temp, 'jest.txt'))).toBe(false);
    expect(passesThrough(config, path.join(temp, 'a-folder-of-22-letters/x'))).toBe(false);
    expect(passesThrough(config, path.join(temp, 'sub/uSe-and_m26T198340PX7/x'))).toBe(false);
  });

  it('the patterns are grouped into a few globs, cheap to compile at every start', () => {
    expect(configOf({}).passThrough.length).toBeLessThanOrEqual(3);
  });

  it('a missing temp dir is an error naming TMPDIR, since it is a default root', () => {
    const missing = path.join(base, 'no-tmp');
    const error = (() => {
      try {
        readConfig({}, { ...system, tmpdir: () => missing });
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(error?.message).toBe(`memfs-action: MEMFS_ROOTS: unset, and its default the temp dir "${missing}" (TMPDIR) does not exist.`);
  });

  it('a missing temp dir does not matter when the roots are given', () => {
    const result = readConfig({ MEMFS_ROOTS: work }, { ...system, tmpdir: () => path.join(base, 'no-tmp') });
    expect(result.disabled ? [] : result.config.roots).toEqual([work]);
  });

  it('a working directory that cannot be read is an error naming MEMFS_ROOTS', () => {
    const gone = () => {
      throw Object.assign(new Error('uv_cwd'), { code: 'ENOENT' });
    };
    expect(() => readConfig({}, { ...system, cwd: gone })).toThrow(
      'memfs-action: MEMFS_ROOTS: unset, and the working directory, its default, cannot be read (ENOENT).',
    );
  });

  it('empty variables count as unset', () => {
    const empty = Object.fromEntries(Object.values(ENV).map((name) => [name, ' ']));
    expect(configOf(empty)).toEqual(configOf({}));
  });
});

describe('MEMFS_DISABLE', () => {
  it.each(['1', 'true', 'ON', 'yes'])('%s turns the overlay off', (value) => {
    expect(readConfig({ MEMFS_DISABLE: value }, system)).toEqual({ disabled: true });
  });

  it.each(['0', 'false', 'off', 'no'])('%s keeps it on', (value) => {
    expect(readConfig({ MEMFS_DISABLE: value }, system).disabled).toBe(false);
  });

  it('any other value is an error naming the variable', () => {
    expect(errorOf({ MEMFS_DISABLE: 'maybe' }).message).toBe(
      'memfs-action: MEMFS_DISABLE: "maybe" is not a switch; use 1/true/on or 0/false/off.',
    );
  });

  it('when set, other invalid variables are not even read', () => {
    expect(readConfig({ MEMFS_DISABLE: '1', MEMFS_QUOTA: 'lots' }, system)).toEqual({ disabled: true });
  });
});

describe('MEMFS_ROOTS', () => {
  it('lists roots separated by the path delimiter or newlines, without duplicates', () => {
    expect(configOf({ MEMFS_ROOTS: `${work}:${temp}\n${work}` }).roots).toEqual([work, temp]);
  });

  it('a root given through a symlink is kept under its real name and the name it was given', () => {
    const link = path.join(base, 'link-to-work');
    const config = configOf({ MEMFS_ROOTS: link });
    expect(config.roots).toEqual([work, link]);
    expect(passesThrough(config, path.join(link, 'node_modules/x'))).toBe(true);
  });

  it('a temp dir reached through a symlink is a root under both names', () => {
    const link = path.join(base, 'link-to-tmp');
    symlinkSync(temp, link);
    expect(configOf({}).roots).toEqual([work, temp]);
    const result = readConfig({}, { ...system, tmpdir: () => link });
    expect(result.disabled ? [] : result.config.roots).toEqual([work, temp, link]);
  });

  it('replaces the default roots', () => {
    expect(configOf({ MEMFS_ROOTS: temp }).roots).toEqual([temp]);
  });

  it('a relative root is an error', () => {
    expect(errorOf({ MEMFS_ROOTS: 'src' }).message).toBe(
      'memfs-action: MEMFS_ROOTS: "src" is not an absolute path; every root must be absolute.',
    );
  });

  it('the filesystem root cannot be a root', () => {
    expect(errorOf({ MEMFS_ROOTS: '/' }).variable).toBe('MEMFS_ROOTS');
    expect(errorOf({ MEMFS_ROOTS: '/.' }).message).toContain('"/" cannot be a root');
  });

  it('a missing root is an error', () => {
    const missing = path.join(base, 'missing');
    expect(errorOf({ MEMFS_ROOTS: missing }).message).toBe(`memfs-action: MEMFS_ROOTS: "${missing}" does not exist.`);
  });

  it('a root that is a file is an error', () => {
    const file = path.join(base, 'a-file');
    expect(errorOf({ MEMFS_ROOTS: file }).message).toBe(`memfs-action: MEMFS_ROOTS: "${file}" is not a directory.`);
  });

  it('the default pass-through patterns apply under each root', () => {
    const config = configOf({ MEMFS_ROOTS: `${work}:${temp}` });
    expect(passesThrough(config, path.join(temp, 'node_modules/x'))).toBe(true);
    expect(passesThrough(config, path.join(work, 'node_modules/x'))).toBe(true);
  });
});

describe('MEMFS_PASS_THROUGH', () => {
  it('a name without a slash matches at any depth, with everything below it', () => {
    const config = configOf({ MEMFS_PASS_THROUGH: 'dist' });
    expect(passesThrough(config, path.join(work, 'dist'))).toBe(true);
    expect(passesThrough(config, path.join(work, 'a/b/dist/c/d.js'))).toBe(true);
    expect(passesThrough(config, path.join(work, 'distant/x'))).toBe(false);
  });

  it('a pattern with a slash is anchored at each root', () => {
    const config = configOf({ MEMFS_PASS_THROUGH: 'build/out\n./logs/*.log' });
    expect(passesThrough(config, path.join(work, 'build/out/x'))).toBe(true);
    expect(passesThrough(config, path.join(temp, 'logs/a.log'))).toBe(true);
    expect(passesThrough(config, path.join(work, 'pkg/build/out/x'))).toBe(false);
    expect(passesThrough(config, path.join(work, 'logs/a.txt'))).toBe(false);
  });

  it('an absolute pattern is taken as it is', () => {
    const config = configOf({ MEMFS_PASS_THROUGH: '/var/cache/*.bin' });
    expect(passesThrough(config, '/var/cache/a.bin')).toBe(true);
    expect(passesThrough(config, path.join(work, 'var/cache/a.bin'))).toBe(false);
  });

  it('adds to the defaults', () => {
    const config = configOf({ MEMFS_PASS_THROUGH: 'dist' });
    expect(passesThrough(config, path.join(work, 'node_modules/x'))).toBe(true);
  });

  it('MEMFS_PASS_THROUGH_DEFAULTS=off drops the defaults and keeps the listed entries', () => {
    const config = configOf({ MEMFS_PASS_THROUGH: 'dist', MEMFS_PASS_THROUGH_DEFAULTS: 'off' });
    expect(passesThrough(config, path.join(work, 'node_modules/x'))).toBe(false);
    expect(passesThrough(config, path.join(work, 'dist/x'))).toBe(true);
  });

  it('a bad MEMFS_PASS_THROUGH_DEFAULTS is an error naming it', () => {
    expect(errorOf({ MEMFS_PASS_THROUGH_DEFAULTS: 'some' }).variable).toBe('MEMFS_PASS_THROUGH_DEFAULTS');
  });

  it('an entry with a NUL byte is an error', () => {
    expect(errorOf({ MEMFS_PASS_THROUGH: 'a\0b' }).variable).toBe('MEMFS_PASS_THROUGH');
  });

  it('glob characters in a root are taken literally', () => {
    const config = configOf({});
    expect(work).toContain('(copy)');
    expect(passesThrough(config, path.join(work, 'node_modules/x'))).toBe(true);
    expect(passesThrough(config, path.join(base, 'work copy/node_modules/x'))).toBe(false);
  });
});

describe('MEMFS_QUOTA', () => {
  it.each([
    ['100', 100],
    ['100b', 100],
    ['10k', 10 * 1024],
    ['10KB', 10 * 1024],
    ['10KiB', 10 * 1024],
    ['512m', 512 * 1024 ** 2],
    ['1.5g', 1.5 * 1024 ** 3],
    ['2 GiB', 2 * 1024 ** 3],
    ['1t', 1024 ** 4],
  ])('%s is %d bytes', (value, bytes) => {
    expect(configOf({ MEMFS_QUOTA: value }).quotaBytes).toBe(bytes);
  });

  it.each(['unlimited', 'none', 'Unlimited'])('%s lifts the limit', (value) => {
    expect(configOf({ MEMFS_QUOTA: value }).quotaBytes).toBeUndefined();
  });

  it.each(['12Q', '-1', '1e9', 'lots', '10 k b', '0x10', 'm'])('"%s" is an error that says what a size is', (value) => {
    expect(errorOf({ MEMFS_QUOTA: value }).message).toBe(
      `memfs-action: MEMFS_QUOTA: "${value}" is not a size. Use bytes with an optional k, m, g or t suffix ` +
        '(powers of 1024, e.g. 512m or 2g), or "unlimited".',
    );
  });

  it.each(['0', '0.1', '0k'])('"%s" leaves no room and is an error', (value) => {
    expect(errorOf({ MEMFS_QUOTA: value }).message).toContain('leaves no room for any write');
  });

  it('a size past what a number holds exactly is an error', () => {
    expect(errorOf({ MEMFS_QUOTA: '99999999t' }).message).toContain('is too large');
  });
});

describe('MEMFS_SPOOL_LIMIT', () => {
  it('is unset by default: no cap, only the reserve the guard keeps', () => {
    expect(configOf({}).spoolLimitBytes).toBeUndefined();
  });

  it.each([
    ['1048576', 1024 ** 2],
    ['64m', 64 * 1024 ** 2],
    ['2GiB', 2 * 1024 ** 3],
    ['1.5 g', 1.5 * 1024 ** 3],
  ])('%s is %d bytes', (value, bytes) => {
    expect(configOf({ MEMFS_SPOOL_LIMIT: value }).spoolLimitBytes).toBe(bytes);
  });

  it.each(['unlimited', 'none'])('%s sets no cap', (value) => {
    expect(configOf({ MEMFS_SPOOL_LIMIT: value }).spoolLimitBytes).toBeUndefined();
  });

  it.each(['12Q', '-1', 'big'])('"%s" is an error that names the variable and says what a size is', (value) => {
    expect(errorOf({ MEMFS_SPOOL_LIMIT: value }).message).toBe(
      `memfs-action: MEMFS_SPOOL_LIMIT: "${value}" is not a size. Use bytes with an optional k, m, g or t suffix ` +
        '(powers of 1024, e.g. 512m or 2g), or "unlimited".',
    );
  });

  it('"0" leaves no room and is an error', () => {
    expect(errorOf({ MEMFS_SPOOL_LIMIT: '0' }).message).toBe(
      'memfs-action: MEMFS_SPOOL_LIMIT: "0" leaves no room for any write; use "unlimited" for no limit.');
  });

  it('is passed on by configToEnv and reads back the same', () => {
    const env = configToEnv({ roots: [work], spoolLimitBytes: 3 * 1024 ** 3 });
    expect(env.MEMFS_SPOOL_LIMIT).toBe(String(3 * 1024 ** 3));
    expect(configOf(env).spoolLimitBytes).toBe(3 * 1024 ** 3);
  });
});

describe('MEMFS_SPOOL', () => {
  it('an existing absolute folder is the spool, and it passes through', () => {
    const spool = path.join(base, 'spool');
    const config = configOf({ MEMFS_SPOOL: spool, MEMFS_ROOTS: base });
    expect(config.spoolDir).toBe(spool);
    expect(passesThrough(config, path.join(spool, 'journal-1.log'))).toBe(true);
    expect(passesThrough(config, path.join(base, 'other/journal-1.log'))).toBe(false);
  });

  it('a relative spool is an error', () => {
    expect(errorOf({ MEMFS_SPOOL: 'spool' }).message).toBe('memfs-action: MEMFS_SPOOL: "spool" is not an absolute path.');
  });

  it('a missing spool is an error', () => {
    const missing = path.join(base, 'no-spool');
    expect(errorOf({ MEMFS_SPOOL: missing }).message).toBe(`memfs-action: MEMFS_SPOOL: "${missing}" does not exist.`);
  });
});

describe('MEMFS_CODE_CACHE', () => {
  // The loader (dist/preload.cjs) reads it before this check runs; a value it cannot use must still stop the process.
  it.each(['off', 'OFF', '0', 'no', '/var/cache/memfs', '/not/made/yet'])('%s is accepted, a folder even before it exists', (value) => {
    expect(readConfig({ MEMFS_CODE_CACHE: value }, system).disabled).toBe(false);
  });

  it('a relative folder is an error that says what to use', () => {
    expect(errorOf({ MEMFS_CODE_CACHE: '.cache' }).message).toBe(
      'memfs-action: MEMFS_CODE_CACHE: ".cache" is neither an absolute folder nor "off".',
    );
  });
});

describe('configToEnv', () => {
  it('builds variables that read back as the same configuration', () => {
    const spool = path.join(base, 'spool');
    const env = configToEnv({ roots: [work, temp], passThrough: ['dist', 'build/out'], quotaBytes: 4096, spoolDir: spool });
    const config = configOf(env);
    expect(config.roots).toEqual([work, temp]);
    expect(config.quotaBytes).toBe(4096);
    expect(config.spoolDir).toBe(spool);
    expect(passesThrough(config, path.join(work, 'x/dist/y'))).toBe(true);
  });

  it('an explicit undefined quota means unlimited, and defaults can be turned off', () => {
    const env = configToEnv({ roots: [work], quotaBytes: undefined, passThroughDefaults: false });
    expect(env).toEqual({ MEMFS_ROOTS: work, MEMFS_QUOTA: 'unlimited', MEMFS_PASS_THROUGH_DEFAULTS: 'off' });
    expect(configOf(env).quotaBytes).toBeUndefined();
  });
});

describe('lists holding ":" or a newline', () => {
  it('are handed over as JSON by configToEnv and read back entry for entry', () => {
    const odd = path.join(base, 'a:b');
    mkdirSync(odd);
    const env = configToEnv({ roots: [odd, temp], passThrough: ['logs:old/', 'dist/'] });
    expect(env[ENV.roots]).toBe(JSON.stringify([odd, temp]));
    const config = configOf(env);
    expect(config.roots).toEqual([odd, temp]);
    expect(createRouter(config).owns(path.join(odd, 'logs:old/x'))).toBe(false);
    expect(createRouter(config).owns(path.join(odd, 'logs/x'))).toBe(true);
  });

  it('stay plain (readable, writable by hand) when no entry needs JSON', () => {
    expect(configToEnv({ roots: [work, temp], passThrough: ['dist/'] })).toMatchObject({ [ENV.roots]: `${work}:${temp}`, [ENV.passThrough]: 'dist/' });
  });

  it('refuses a value starting with "[" that is not a JSON array of strings, saying what it takes', () => {
    expect(() => readConfig({ [ENV.roots]: '[1, 2]' }, system)).toThrow(
      new ConfigError(ENV.roots, 'starts with "[" but is not a JSON array of strings; give a list separated by newlines or ":", or a JSON array such as ["/work/a:b"].'),
    );
    expect(() => readConfig({ [ENV.passThrough]: '["unclosed' }, system)).toThrow(/MEMFS_PASS_THROUGH: starts with "\[" but is not a JSON array/);
  });
});

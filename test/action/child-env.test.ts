import { describe, expect, it } from 'vitest';
import { childEnvironment, withheldVariables } from '../../src/action/child-env.js';
import { withPreload } from '../../src/preload/node-options.js';

const overlay = { preloadPath: '/opt/action/dist/preload.cjs', roots: ['/work/app', '/tmp'], passThrough: ['dist/'], quota: undefined, spoolDir: '/dev/shm/memfs-1' };

describe('childEnvironment', () => {
  it('withholds the runner tokens and service URLs from the test command', () => {
    const parent = Object.fromEntries(withheldVariables.map((name) => [name, `secret-${name}`]));
    const env = childEnvironment({ ...parent, PATH: '/usr/bin' }, overlay);
    for (const name of withheldVariables) expect(env).not.toHaveProperty(name);
    expect(env.PATH).toBe('/usr/bin');
  });

  it('drops every MEMFS_* variable of the step but the code cache: the action alone configures the preload', () => {
    const env = childEnvironment(
      { MEMFS_DISABLE: '1', MEMFS_PASS_THROUGH: '/', MEMFS_QUOTA: '1', MEMFS_PASS_THROUGH_DEFAULTS: 'off', MEMFS_FUTURE: 'x', MEMFS_CODE_CACHE: '/cache' },
      overlay,
    );
    expect(Object.fromEntries(Object.entries(env).filter(([name]) => name.startsWith('MEMFS_')))).toEqual({
      MEMFS_ROOTS: '/work/app:/tmp', MEMFS_PASS_THROUGH: 'dist/', MEMFS_SPOOL: '/dev/shm/memfs-1', MEMFS_CODE_CACHE: '/cache',
    });
  });

  it('keeps the rest of the step environment', () => {
    expect(childEnvironment({ CI: 'true', GITHUB_WORKSPACE: '/work' }, overlay)).toMatchObject({ CI: 'true', GITHUB_WORKSPACE: '/work' });
  });

  it('configures the preload with the roots, pass-through paths and spool', () => {
    const env = childEnvironment({}, overlay);
    expect(env.MEMFS_ROOTS).toBe('/work/app:/tmp');
    expect(env.MEMFS_PASS_THROUGH).toBe('dist/');
    expect(env.MEMFS_SPOOL).toBe('/dev/shm/memfs-1');
    expect(env).not.toHaveProperty('MEMFS_QUOTA');
  });

  it('passes the runner file commands through, so a test tool can write the job summary', () => {
    const env = childEnvironment({ GITHUB_STEP_SUMMARY: '/runner/_temp/summary', GITHUB_OUTPUT: '/runner/_temp/output' }, overlay);
    expect(env.MEMFS_PASS_THROUGH!.split('\n')).toEqual(['dist/', '/runner/_temp/summary', '/runner/_temp/output']);
  });

  it('passes a spool limit in bytes, and nothing for none', () => {
    expect(childEnvironment({}, { ...overlay, spoolLimit: 2 * 1024 ** 3 }).MEMFS_SPOOL_LIMIT).toBe(String(2 * 1024 ** 3));
    expect(childEnvironment({}, { ...overlay, spoolLimit: 'unlimited' })).not.toHaveProperty('MEMFS_SPOOL_LIMIT');
    expect(childEnvironment({}, overlay)).not.toHaveProperty('MEMFS_SPOOL_LIMIT');
  });

  it('passes a quota in bytes, or unlimited', () => {
    expect(childEnvironment({}, { ...overlay, quota: 1048576 }).MEMFS_QUOTA).toBe('1048576');
    expect(childEnvironment({}, { ...overlay, quota: 'unlimited' }).MEMFS_QUOTA).toBe('unlimited');
  });
});

describe('withPreload', () => {
  it('puts the preload first and keeps what NODE_OPTIONS already had', () => {
    expect(withPreload('/a/preload.cjs', '--max-old-space-size=4096 --require ./setup.cjs')).toBe(
      '--require /a/preload.cjs --max-old-space-size=4096 --require ./setup.cjs',
    );
  });

  it('quotes a preload path with spaces the way NODE_OPTIONS reads it', () => {
    expect(withPreload('/my actions/dist/pre"load.cjs', undefined)).toBe('--require "/my actions/dist/pre\\"load.cjs"');
  });
});

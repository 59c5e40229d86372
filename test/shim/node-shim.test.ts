// The node shim as a shell runs it: dash, the strictest common /bin/sh. Its target here is a stand-in `node` that
// prints what it was given, so every baked-in value can be checked to the byte, hostile ones above all.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNodeShims, findOnPath, pathWithShims, shellQuote, shimScript } from '../../src/shim/node-shim.js';

const dash = ['/bin/dash', '/usr/bin/dash'].find((file) => spawnSync(file, ['-c', 'true']).status === 0) ?? '/bin/sh';
const hostile = `/tmp/my dir/it's "quoted" $HOME \`id\` \\ back\nnew line*?[a]`;

let dir: string;
beforeEach(() => {
  dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'memfs-shim-test-')));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A `node` that prints its arguments and the variables the shim may set. A sh script that moves NODE_OPTIONS aside
 * before it runs the real Node, which would otherwise try to load the made-up preload paths of these tests.
 */
function fakeNode(folder: string): string {
  mkdirSync(folder, { recursive: true });
  const printer = path.join(dir, 'print-env.cjs');
  writeFileSync(printer, `const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('MEMFS_')));
    if (process.env.SEEN_NODE_OPTIONS !== undefined) env.NODE_OPTIONS = process.env.SEEN_NODE_OPTIONS;
    process.stdout.write(JSON.stringify({ args: process.argv.slice(2), env }));`);
  const file = path.join(folder, 'node');
  writeFileSync(file, `#!/bin/sh\n[ -z "\${NODE_OPTIONS+set}" ] || { SEEN_NODE_OPTIONS=$NODE_OPTIONS; export SEEN_NODE_OPTIONS; unset NODE_OPTIONS; }\n` +
    `exec ${shellQuote(process.execPath)} ${shellQuote(printer)} "$@"\n`);
  chmodSync(file, 0o755);
  return file;
}

function runShim(script: string, args: string[], env: Record<string, string>) {
  const file = path.join(dir, 'shim');
  writeFileSync(file, script, { mode: 0o700 });
  const result = spawnSync(dash, [file, ...args], { env: { PATH: process.env.PATH!, ...env }, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as { args: string[]; env: Record<string, string> };
}

describe('shellQuote', () => {
  it.each(['plain', '', "it's", hostile, '$(touch pwned)', '\'\'\''])('gives dash back %j unchanged', (value) => {
    const result = spawnSync(dash, ['-c', `printf '%s' ${shellQuote(value)}`], { encoding: 'utf8' });
    expect(result.stdout).toBe(value);
  });
});

describe('the shim script', () => {
  it('puts the preload in front of the NODE_OPTIONS a script set, and passes the arguments through untouched', () => {
    const target = fakeNode(path.join(dir, 'real'));
    const out = runShim(shimScript({ target, preloadPath: '/opt/memfs/preload.cjs', variables: {} }), ['-e', hostile, ''], {
      NODE_OPTIONS: '--experimental-vm-modules --max-old-space-size=4096',
    });
    expect(out.env.NODE_OPTIONS).toBe('--require /opt/memfs/preload.cjs --experimental-vm-modules --max-old-space-size=4096');
    expect(out.args).toEqual(['-e', hostile, '']);
  });

  it('adds the preload to an environment without NODE_OPTIONS, and leaves NODE_OPTIONS that load it alone', () => {
    const target = fakeNode(path.join(dir, 'real'));
    const script = shimScript({ target, preloadPath: '/opt/memfs/preload.cjs', variables: {} });
    expect(runShim(script, [], {}).env.NODE_OPTIONS).toBe('--require /opt/memfs/preload.cjs');
    const already = '--inspect=0 --require "/opt/memfs/preload.cjs" --no-warnings';
    expect(runShim(script, [], { NODE_OPTIONS: already }).env.NODE_OPTIONS).toBe(already);
  });

  it('bakes in hostile paths and values byte for byte: spaces, quotes, $, backticks, backslashes, newlines', () => {
    const target = fakeNode(path.join(dir, "real node's $dir `x`"));
    const variables = { MEMFS_SPOOL: hostile, MEMFS_PASS_THROUGH: `a\nb $(id)\n'c'`, MEMFS_ROOTS: '/work:/tmp' };
    const out = runShim(shimScript({ target, preloadPath: hostile, variables }), [], {});
    expect(out.env).toEqual({ ...variables, NODE_OPTIONS: `--require "${hostile.replace(/["\\]/g, '\\$&')}"` });
  });

  it('restores only the MEMFS_* variables the environment lacks; one set, even empty, is kept', () => {
    const target = fakeNode(path.join(dir, 'real'));
    const variables = { MEMFS_SPOOL: '/spool', MEMFS_QUOTA: '1g', MEMFS_ROOTS: '/work' };
    const out = runShim(shimScript({ target, preloadPath: '/p.cjs', variables }), [], { MEMFS_QUOTA: '5m', MEMFS_ROOTS: '' });
    expect(out.env).toMatchObject({ MEMFS_SPOOL: '/spool', MEMFS_QUOTA: '5m', MEMFS_ROOTS: '' });
  });

  it('refuses a variable name a shell could not set, rather than write it into the script', () => {
    expect(() => shimScript({ target: '/n', preloadPath: '/p', variables: { 'X; rm -rf /': 'v' } })).toThrow(/not a variable name/);
  });
});

describe('findOnPath', () => {
  it('finds the first executable file, as a shell would, skipping folders, plain files and relative entries', () => {
    const first = fakeNode(path.join(dir, 'b'));
    fakeNode(path.join(dir, 'c'));
    mkdirSync(path.join(dir, 'a/node'), { recursive: true }); // a folder named node
    mkdirSync(path.join(dir, 'plain'));
    writeFileSync(path.join(dir, 'plain/node'), 'not executable', { mode: 0o644 });
    const PATH = ['', '.', 'b', path.join(dir, 'missing'), path.join(dir, 'a'), path.join(dir, 'plain'), path.join(dir, 'b'), path.join(dir, 'c')].join(':');
    // (root may execute any file with an x bit, and reads 0644 as not executable as everyone does)
    expect(findOnPath('node', PATH)).toBe(first);
    expect(findOnPath('node', '')).toBeUndefined();
    expect(findOnPath('node', undefined)).toBeUndefined();
  });
});

describe('createNodeShims', () => {
  it('writes a private folder with node (and nodejs where the PATH has one) that runs the real one', () => {
    const real = fakeNode(path.join(dir, 'real'));
    writeFileSync(path.join(dir, 'real/nodejs'), readFileSync(real), { mode: 0o755 });
    const PATH = `${path.join(dir, 'real')}:/usr/bin:/bin`;
    const shims = createNodeShims([dir], PATH, { preloadPath: '/p.cjs', variables: { MEMFS_SPOOL: '/s' } })!;
    expect(shims.shims).toEqual([{ name: 'node', target: real }, { name: 'nodejs', target: path.join(dir, 'real/nodejs') }]);
    expect(path.dirname(shims.dir)).toBe(dir);
    const result = spawnSync('node', ['x'], { env: { PATH: pathWithShims(shims, PATH) }, encoding: 'utf8' });
    expect(JSON.parse(result.stdout)).toEqual({ args: ['x'], env: { NODE_OPTIONS: '--require /p.cjs', MEMFS_SPOOL: '/s' } });
    expect(spawnSync('sh', ['-c', `stat -c %a '${shims.dir}'`], { encoding: 'utf8' }).stdout.trim()).toBe('700');
  });

  it('goes on to the next folder when one cannot take the shims, and makes none when the PATH has no node', () => {
    fakeNode(path.join(dir, 'real'));
    const PATH = path.join(dir, 'real');
    const shims = createNodeShims([path.join(dir, 'missing'), dir], PATH, { preloadPath: '/p.cjs', variables: {} });
    expect(path.dirname(shims!.dir)).toBe(dir);
    expect(createNodeShims([dir], path.join(dir, 'missing'), { preloadPath: '/p.cjs', variables: {} })).toBeUndefined();
  });
});

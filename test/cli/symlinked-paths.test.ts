// The overlay routes a path by where it lands, not by how it is spelt: a workspace package linked from the
// pass-through node_modules/, an alias outside the roots, /proc/self/cwd and /proc/self/root all name files inside
// the root, and what a test changes through them stays in memory and is reported — on every supported Node.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeBinaries } from '../support/node-versions.js';
import { snapshotTree } from '../action/tree-snapshot.js';
import { useCliProject } from './cli-project.js';

const project = useCliProject('memfs-cli-symlinked-');

/** Changes every kind of thing through every kind of indirect path, checks what it reads back, and fails. */
const script = String.raw`
const fs = require('fs');
const [alias] = process.argv.slice(2);
const seen = [];
const check = (what, value) => seen.push(what + '=' + JSON.stringify(value));

fs.writeFileSync('node_modules/a/changed.txt', 'changed through the workspace link');
fs.writeFileSync('node_modules/a/new.txt', 'new');
fs.writeFileSync('node_modules/a/../up.txt', 'up'); // '..' from where the link led: packages/, not node_modules/
fs.writeFileSync('node_modules/.bin/tool', 'rewritten through a link in the last name');
fs.chmodSync('node_modules/.bin/tool', 0o700);
fs.unlinkSync('node_modules/a/doomed.txt');
fs.renameSync('node_modules/a/moved.txt', 'node_modules/a/moved-to.txt');
fs.chmodSync('node_modules/a/mode.txt', 0o600);
fs.mkdirSync('node_modules/a/made/deeper', { recursive: true });
fs.writeFileSync('node_modules/a/made/deeper/file.txt', 'deep');
fs.writeFileSync(alias + '/via-alias.txt', 'alias');
fs.rmSync(alias + '/alias-doomed.txt');
fs.writeFileSync('/proc/self/cwd/via-cwd.txt', 'cwd');
fs.writeFileSync('/proc/self/root' + process.cwd() + '/via-root.txt', 'root');

check('changed', fs.readFileSync('packages/a/changed.txt', 'utf8'));
check('doomed', fs.existsSync('packages/a/doomed.txt'));
check('moved', fs.readdirSync('packages/a').sort());
check('mode', (fs.statSync('packages/a/mode.txt').mode & 0o777).toString(8));
check('alias', fs.readFileSync('via-alias.txt', 'utf8'));
check('cwd', fs.readFileSync('via-cwd.txt', 'utf8'));

fs.promises.writeFile('node_modules/a/async.txt', 'async').then(() => {
  fs.unlink('node_modules/a/async-doomed.txt', (error) => {
    if (error) throw error;
    check('async', fs.readFileSync('packages/a/async.txt', 'utf8'));
    // The kernel cannot enter a folder only the overlay has: /proc/self/cwd is then the process's own cwd().
    fs.mkdirSync('in-memory');
    process.chdir('in-memory');
    fs.writeFileSync('/proc/self/cwd/inside.txt', 'inside');
    check('inside', fs.readdirSync('.'));
    console.log(seen.join('\n'));
    process.exitCode = 1;
  });
});
`;

describe.each(nodeBinaries())('paths that reach the root through a symlink, on Node $major', ({ path: node }) => {
  let outside = '';
  beforeEach(() => {
    outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-cli-outside-')));
  });
  afterEach(() => fs.rmSync(outside, { recursive: true, force: true }));

  it('change the root in memory, are reported, and leave the disk as it was', () => {
    const { dir } = project;
    fs.mkdirSync(path.join(dir, 'packages/a'), { recursive: true });
    for (const name of ['changed', 'doomed', 'moved', 'mode', 'async-doomed', 'bin']) {
      fs.writeFileSync(path.join(dir, `packages/a/${name}.txt`), `${name} on disk`);
    }
    fs.writeFileSync(path.join(dir, 'alias-doomed.txt'), 'on disk');
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.symlinkSync('../packages/a', path.join(dir, 'node_modules/a'));
    fs.mkdirSync(path.join(dir, 'node_modules/.bin'));
    fs.symlinkSync('../../packages/a/bin.txt', path.join(dir, 'node_modules/.bin/tool'));
    const alias = path.join(outside, 'alias');
    fs.symlinkSync(dir, alias);
    project.script('change.js', script);
    const before = snapshotTree(dir);
    const outsideBefore = snapshotTree(outside);

    // The only root is the project: the alias lives outside every root.
    const result = project.run(['run', '--root', dir, '--', node, 'change.js', alias]);

    expect(result.status, result.output).toBe(1);
    expect(result.stdout.trim().split('\n')).toEqual([
      'changed="changed through the workspace link"',
      'doomed=false',
      'moved=["async-doomed.txt","bin.txt","changed.txt","made","mode.txt","moved-to.txt","new.txt"]',
      'mode="600"',
      'alias="alias"',
      'cwd="cwd"',
      'async="async"',
      'inside=["inside.txt"]',
    ]);
    const after = snapshotTree(dir, ['memfs-report']);
    expect(after).toEqual(before);
    expect(snapshotTree(outside)).toEqual(outsideBefore);

    const changes = new Map(project.manifest().changes.map((c) => [c.relativePath, c.change]));
    expect(Object.fromEntries(changes)).toEqual({
      'packages/a/changed.txt': 'modified',
      'packages/a/new.txt': 'created',
      'packages/up.txt': 'created',
      'packages/a/bin.txt': 'modified',
      'packages/a/doomed.txt': 'deleted',
      'packages/a/moved.txt': 'deleted',
      'packages/a/moved-to.txt': 'created',
      'packages/a/mode.txt': 'modified',
      'packages/a/made': 'created',
      'packages/a/made/deeper': 'created',
      'packages/a/made/deeper/file.txt': 'created',
      'packages/a/async.txt': 'created',
      'packages/a/async-doomed.txt': 'deleted',
      'via-alias.txt': 'created',
      'alias-doomed.txt': 'deleted',
      'via-cwd.txt': 'created',
      'via-root.txt': 'created',
      'in-memory': 'created',
      'in-memory/inside.txt': 'created',
    });
    expect(fs.readFileSync(project.exported('packages/a/changed.txt'), 'utf8')).toBe('changed through the workspace link');
  });

  it('follow a symlink that the run itself made in a pass-through folder', () => {
    const { dir } = project;
    fs.mkdirSync(path.join(dir, 'packages/b'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'node_modules'));
    project.script('link-then-write.js', `
      const fs = require('fs');
      if (fs.existsSync('node_modules/b/written.txt')) throw new Error('not yet'); // asked before the link exists
      fs.symlinkSync('../packages/b', 'node_modules/b');              // on disk: node_modules/ passes through
      fs.writeFileSync('node_modules/b/written.txt', 'in memory');
      process.exitCode = 1;
    `);

    const result = project.run(['run', '--root', dir, '--', node, 'link-then-write.js']);

    expect(result.status, result.output).toBe(1);
    expect(fs.readlinkSync(path.join(dir, 'node_modules/b'))).toBe('../packages/b');
    expect(fs.existsSync(path.join(dir, 'packages/b/written.txt'))).toBe(false);
    expect(project.manifest().changes.map((c) => `${c.change} ${c.relativePath}`)).toEqual(['created packages/b/written.txt']);
  });

  it('through an in-root link to a home folder, change nothing there and export none of its files', () => {
    const { dir } = project;
    const home = path.join(outside, 'home');
    fs.mkdirSync(home);
    fs.writeFileSync(path.join(home, '.git-credentials'), 'https://user:planted-secret@github.com\n');
    fs.symlinkSync(home, path.join(dir, 'home'));
    project.script('touch-home.js', `
      const fs = require('fs');
      fs.utimesSync('home/.git-credentials', new Date(0), new Date(0));
      fs.chmodSync('home/.git-credentials', 0o644);
      fs.appendFileSync('home/.git-credentials', 'more');
      process.exitCode = 1;
    `);
    const homeBefore = snapshotTree(home);

    const result = project.run(['run', '--root', dir, '--', node, 'touch-home.js']);

    expect(result.status, result.output).toBe(1);
    expect(snapshotTree(home)).toEqual(homeBefore);
    expect(project.manifest().changes).toEqual([]);
    const exported = fs.readdirSync(path.join(dir, 'memfs-report'), { recursive: true, encoding: 'utf8' });
    for (const name of exported) {
      const file = path.join(dir, 'memfs-report', name);
      if (fs.statSync(file).isFile()) expect(fs.readFileSync(file, 'utf8')).not.toContain('planted-secret');
    }
    expect(result.output).toContain('outside the run\'s roots (first: ' + path.join(home, '.git-credentials') + ')');
  });
});

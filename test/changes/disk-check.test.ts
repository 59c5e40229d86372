// The check of the real disk on its own: real programs (sh, rm, touch, ln, mv) change a throwaway root between the
// two pictures, and the comparison must name exactly what they changed — and nothing the preload passes through,
// nothing the front end writes itself, nothing behind a symlink.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDiskCheck } from '../../src/changes/disk-check.js';
import { compareDiskPictures } from '../../src/changes/disk-diff.js';
import type { DiskPicture } from '../../src/changes/disk-picture.js';
import type { DiskChange, RootInfo } from '../../src/changes/types.js';
import { configToEnv } from '../../src/preload/config.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let scratch: string;
let workspace: string;
let temp: string;
let roots: RootInfo[];

beforeEach(() => {
  scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-disk-check-')));
  workspace = path.join(scratch, 'workspace');
  temp = path.join(scratch, 'tmp');
  fs.mkdirSync(path.join(workspace, 'test/tmp'), { recursive: true });
  fs.mkdirSync(temp);
  fs.writeFileSync(path.join(workspace, 'test/tmp/old.txt'), 'old');
  fs.writeFileSync(path.join(workspace, 'package.json'), '{}');
  roots = [{ label: 'workspace', path: workspace }, { label: 'tmp', path: temp }];
});

afterEach(() => {
  fs.chmodSync(scratch, 0o755);
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** The command's environment as the front ends build it, with this test's roots and temp dir. */
function commandEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { ...configToEnv({ roots: roots.map((r) => r.path) }), TMPDIR: temp, HOME: scratch, MEMFS_CODE_CACHE: 'off', ...extra };
}

/** Runs `script` with sh in the workspace between the two pictures; what the check found, as [change, root/path]. */
function changedBy(script: string, o: { env?: Record<string, string>; ownFolders?: string[] } = {}): DiskChange[] {
  const check = startDiskCheck({ roots, env: commandEnv(o.env), ownFolders: o.ownFolders ?? [] });
  execFileSync('sh', ['-c', script], { cwd: workspace });
  const result = check.finish();
  expect(result.unreadable).toEqual([]);
  return result.changed;
}

const brief = (changes: DiskChange[]) => changes.map((c) => `${c.change} ${c.root}/${c.relativePath}`);

describe('the check of the real disk', () => {
  it("finds what formidable's pretest did: rm -rf of a test folder and its mkdir again", () => {
    fs.writeFileSync(path.join(workspace, 'test/tmp/other.bin'), Buffer.alloc(10));
    const changes = changedBy('rm -rf ./test/tmp && mkdir ./test/tmp && touch ./test/tmp/new.txt');
    expect(brief(changes)).toEqual(expect.arrayContaining(['deleted workspace/test/tmp/old.txt', 'deleted workspace/test/tmp/other.bin', 'created workspace/test/tmp/new.txt']));
    expect(changes.find((c) => c.relativePath === 'test/tmp/other.bin')).toMatchObject({ type: 'file', size: 10 });
  });

  it('finds a new file, a rewritten file and a chmod, and says what differs', () => {
    const changes = changedBy('touch made.txt && printf longer > package.json && chmod 600 test/tmp/old.txt');
    expect(brief(changes)).toEqual(['created workspace/made.txt', 'modified workspace/package.json', 'modified workspace/test/tmp/old.txt']);
    expect(changes[1]).toMatchObject({ type: 'file', size: 6, differs: expect.arrayContaining(['size', 'mtime', 'ctime']) });
    expect(changes[2]!.differs).toEqual(['mode', 'ctime']);
  });

  it('lists no folder whose only change is an entry made or removed in it (the entry is listed)', () => {
    expect(brief(changedBy('touch test/new.txt && rm test/tmp/old.txt'))).toEqual(['created workspace/test/new.txt', 'deleted workspace/test/tmp/old.txt']);
  });

  it('finds changes in the temp dir, a root like any other', () => {
    expect(brief(changedBy(`mkdir ${temp}/session && echo x > ${temp}/session/log`))).toEqual(['created tmp/session', 'created tmp/session/log']);
  });

  it('records a symlink and its target without following it, and sees it retargeted', () => {
    const outside = path.join(scratch, 'outside');
    fs.mkdirSync(outside);
    fs.symlinkSync(outside, path.join(workspace, 'link'));
    const changes = changedBy(`touch ${outside}/behind-the-link && ln -sfn ${workspace}/test link`);
    expect(brief(changes)).toEqual(['modified workspace/link']);
    expect(changes[0]).toMatchObject({ type: 'symlink', target: path.join(workspace, 'test'), differs: expect.arrayContaining(['target']) });
  });

  it('passes over what the preload passes through: node_modules/, coverage/, a --pass-through glob, the spool', () => {
    const spool = path.join(workspace, 'spool');
    fs.mkdirSync(spool);
    fs.mkdirSync(path.join(workspace, 'node_modules'));
    const env = configToEnv({ roots: roots.map((r) => r.path), passThrough: ['*.log'], spoolDir: spool });
    const changes = changedBy(
      'echo x > node_modules/dep.js && mkdir -p coverage && echo 1 > coverage/lcov.info && echo y > build.log && echo j > spool/1.journal && touch seen.txt',
      { env },
    );
    expect(brief(changes)).toEqual(['created workspace/seen.txt']);
  });

  it("reports a write to a folder like vitest's transform folder in the temp dir: no process of the run writes it to the disk any more", () => {
    expect(brief(changedBy(`mkdir -p ${temp}/${'a'.repeat(21)}/ssr && echo m > ${temp}/${'a'.repeat(21)}/ssr/x`))).toEqual([
      `created tmp/${'a'.repeat(21)}`, `created tmp/${'a'.repeat(21)}/ssr`, `created tmp/${'a'.repeat(21)}/ssr/x`,
    ]);
  });

  it("passes over the front end's own folders and the preload's code cache", () => {
    const changes = changedBy('mkdir -p memfs-report/files && touch memfs-report/manifest.json && mkdir -p cache && touch cache/preload.v8cache && touch mine.txt', {
      ownFolders: [path.join(workspace, 'memfs-report')],
      env: { MEMFS_CODE_CACHE: path.join(workspace, 'cache') },
    });
    expect(brief(changes)).toEqual(['created workspace/mine.txt']);
  });

  it('keeps a name that is not UTF-8 by its bytes, as the manifest writes it', () => {
    const changes = changedBy("touch \"$(printf 'caf\\351.txt')\"");
    expect(changes.map((c) => c.relativePath)).toEqual(['caf\udce9.txt']);
    expect(changes[0]!.path).toBe(`${workspace}/caf\udce9.txt`);
  });

  it('lists each path once when one root lies inside another, under the inner root', () => {
    roots = [{ label: 'tmp', path: scratch }, { label: 'workspace', path: workspace }];
    expect(brief(changedBy('touch inner.txt && touch ../outer.txt'))).toEqual(['created tmp/outer.txt', 'created workspace/inner.txt']);
  });

  it('stops at its entry limit and says the check is incomplete', () => {
    const check = startDiskCheck({ roots, env: commandEnv(), ownFolders: [], maxEntries: 2 });
    const result = check.finish();
    expect(result.incomplete).toMatch(/^the roots hold more entries than the check walks \(it stopped at \/.+\); what changed beyond is not known$/);
  });

  it('reports nothing for a folder it could not read, and names the folder', () => {
    const picture = (entries: [string, string][], unreadable: [string, string][] = []): DiskPicture => ({
      roots: new Map([['workspace', new Map(entries)], ['tmp', new Map()]]),
      unreadable: new Map(unreadable),
      entries: entries.length,
    });
    const before = picture([['locked', 'd755|1'], ['locked/a', 'f644|2|1|5|5|'], ['b', 'f644|3|1|5|5|']]);
    const after = picture([['locked', 'd0|1']], [[`${workspace}/locked`, 'EACCES']]);
    const result = compareDiskPictures(before, after, roots);
    expect(brief(result.changed)).toEqual(['deleted workspace/b', 'modified workspace/locked']);
    expect(result.unreadable).toEqual([{ path: `${workspace}/locked`, reason: 'EACCES' }]);
  });

  it('notes a folder it may not read and walks on', () => {
    fs.mkdirSync(path.join(workspace, 'locked'), { mode: 0o000 });
    // Root reads any folder: the walk runs as nobody then, in a child of its own.
    for (const folder of [scratch, workspace, temp]) fs.chmodSync(folder, 0o755);
    const script = path.join(scratch, 'walk.mts');
    fs.writeFileSync(script, `
      import { takeDiskPicture } from ${JSON.stringify(pathToFileURL(path.join(repo, 'src/changes/disk-picture.ts')).href)};
      const picture = takeDiskPicture({ roots: ${JSON.stringify(roots)}, owns: () => true, skip: [], maxEntries: 100 });
      console.log(JSON.stringify({ unreadable: [...picture.unreadable], workspace: [...picture.roots.get('workspace').keys()].sort() }));`);
    fs.chmodSync(script, 0o644);
    const asNobody = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
    const [program, ...args] = [...asNobody, process.execPath, '--import', 'tsx', script];
    const walked = JSON.parse(execFileSync(program!, args, { cwd: repo, encoding: 'utf8' }));
    expect(walked).toEqual({
      unreadable: [[path.join(workspace, 'locked'), 'EACCES']],
      workspace: ['locked', 'package.json', 'test', 'test/tmp', 'test/tmp/old.txt'],
    });
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportChangeSet, type ExportOptions } from '../../src/changes/export.js';
import { foldJournals } from '../../src/changes/fold.js';
import type { Manifest } from '../../src/changes/manifest.js';
import type { ChangeSet } from '../../src/changes/types.js';
import { JournalBuilder, removeTempDirs, tempDir } from './support/journal-builder.js';

let disk: string;
let tmp: string;
let spool: string;
let out: string;
const p = (relative: string) => path.join(disk, relative);
const options = (o: Partial<ExportOptions> = {}): ExportOptions => ({
  outDir: out, command: 'npm test', exitCode: 1, durationMs: 1234, includeTransient: true, exclude: [], ...o,
});
const fold = (): ChangeSet => foldJournals({ spoolDir: spool, roots: [{ label: 'workspace', path: disk }, { label: 'tmp', path: tmp }] });
const manifestOf = (): Manifest => JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));

/** Every regular file and every folder under a directory, relative, sorted; symlinks reported as such. */
function tree(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .map((d) => `${path.relative(dir, path.join(d.parentPath, d.name))}${d.isSymbolicLink() ? ' (symlink)' : d.isDirectory() ? '/' : ''}`)
    .sort();
}

afterEach(removeTempDirs);

beforeEach(() => {
  disk = tempDir('memfs-export-disk-');
  tmp = tempDir('memfs-export-tmp-');
  spool = tempDir('memfs-export-spool-');
  out = path.join(tempDir('memfs-export-out-'), 'report');
  fs.writeFileSync(p('kept.txt'), 'original');
  fs.writeFileSync(p('gone.txt'), 'doomed');
});

describe('exportChangeSet', () => {
  it('writes created and modified files under files/<root label>/ with their final bytes', () => {
    new JournalBuilder(spool)
      .content(p('src/new.ts'), 'export {}')
      .content(p('kept.txt'), 'rewritten')
      .content(path.join(tmp, 'cache/x.bin'), Buffer.from([0, 255, 1]))
      .end();
    exportChangeSet(fold(), options());
    expect(fs.readFileSync(path.join(out, 'files/workspace/src/new.ts'), 'utf8')).toBe('export {}');
    expect(fs.readFileSync(path.join(out, 'files/workspace/kept.txt'), 'utf8')).toBe('rewritten');
    expect([...fs.readFileSync(path.join(out, 'files/tmp/cache/x.bin'))]).toEqual([0, 255, 1]);
  });

  it('puts no symlink, no deleted file and no bare directory in the files tree; the manifest lists them', () => {
    new JournalBuilder(spool)
      .change({ k: 'symlink', path: p('link'), target: 'kept.txt', uid: 0, gid: 0 })
      .change({ k: 'mkdir', path: p('empty'), mode: 0o040755, uid: 0, gid: 0 })
      .change({ k: 'remove', path: p('gone.txt') })
      .content(p('real.txt'), 'r')
      .end();
    exportChangeSet(fold(), options());
    expect(tree(path.join(out, 'files'))).toEqual(['workspace/', 'workspace/real.txt']);
    expect(manifestOf().changes.map((c) => [c.relativePath, c.change, c.type]).sort()).toEqual([
      ['empty', 'created', 'directory'],
      ['gone.txt', 'deleted', 'file'],
      ['link', 'created', 'symlink'],
      ['real.txt', 'created', 'file'],
    ]);
  });

  it('records in the manifest where each file was exported, the command, its exit code and duration', () => {
    new JournalBuilder(spool).content(p('a.txt'), 'a').end();
    const result = exportChangeSet(fold(), options());
    const manifest = manifestOf();
    expect(manifest).toMatchObject({ schemaVersion: 1, generator: 'memfs-action', command: 'npm test', exitCode: 1, durationMs: 1234 });
    expect(manifest.changes[0]!.exportedAs).toBe('files/workspace/a.txt');
    expect(manifest.counts).toEqual({ created: 1, modified: 0, deleted: 0, transient: 0, directories: { created: 0, modified: 0, deleted: 0, transient: 0 } });
    expect(result.files).toContain(path.join(out, 'files/workspace/a.txt'));
    expect(result.manifestPath).toBe(path.join(out, 'manifest.json'));
  });

  it('encodes names a zip or Windows rejects, and the manifest keeps the real path', () => {
    new JournalBuilder(spool).content(p('what?:*.txt'), 'odd').end();
    exportChangeSet(fold(), options());
    expect(fs.readFileSync(path.join(out, 'files/workspace/what%3F%3A%2A.txt'), 'utf8')).toBe('odd');
    expect(manifestOf().changes[0]).toMatchObject({ path: p('what?:*.txt'), exportedAs: 'files/workspace/what%3F%3A%2A.txt' });
  });

  it('exports a name that is not UTF-8 with each such byte as %XX; the manifest keeps the engine\'s name, summary.md shows \\xXX', () => {
    fs.writeFileSync(Buffer.from(`${disk}/caf\xe9.txt`, 'latin1'), 'latin-1 name');
    const name = p('caf\udce9.txt'); // 0xE9 alone is not UTF-8: the engine's name holds it as U+DCE9
    new JournalBuilder(spool).content(name, 'changed').end();
    exportChangeSet(fold(), options());
    expect(fs.readFileSync(path.join(out, 'files/workspace/caf%E9.txt'), 'utf8')).toBe('changed');
    expect(manifestOf().changes[0]).toMatchObject({ path: name, change: 'modified', exportedAs: 'files/workspace/caf%E9.txt' });
    expect(fs.readFileSync(path.join(out, 'summary.md'), 'utf8')).toContain('workspace/caf\\xe9.txt');
  });

  it('keeps transient files under transient/ when asked, and only lists them otherwise', () => {
    new JournalBuilder(spool).content(p('t.log'), 'gone soon').change({ k: 'remove', path: p('t.log') }).end();
    exportChangeSet(fold(), options());
    expect(fs.readFileSync(path.join(out, 'transient/workspace/t.log'), 'utf8')).toBe('gone soon');
    exportChangeSet(fold(), options({ includeTransient: false }));
    expect(fs.existsSync(path.join(out, 'transient'))).toBe(false);
    expect(manifestOf().changes[0]).toMatchObject({ change: 'transient', contentOmitted: 'excluded' });
  });

  it('never exports a file an exclude glob matches, at any depth for a pattern without a slash', () => {
    new JournalBuilder(spool).content(p('config/.env.local'), 'SECRET=1').content(p('keys/server.pem'), 'KEY').content(p('ok.txt'), 'ok').end();
    exportChangeSet(fold(), options({ exclude: ['.env*', 'keys/*.pem'] }));
    expect(tree(path.join(out, 'files'))).toEqual(['workspace/', 'workspace/ok.txt']);
    expect(manifestOf().changes.filter((c) => c.contentOmitted === 'excluded').map((c) => c.relativePath).sort()).toEqual(['config/.env.local', 'keys/server.pem']);
  });

  it('replaces an earlier export in place', () => {
    new JournalBuilder(spool).content(p('first.txt'), '1').end();
    exportChangeSet(fold(), options());
    fs.rmSync(spool, { recursive: true });
    fs.mkdirSync(spool);
    new JournalBuilder(spool).content(p('second.txt'), '2').end();
    exportChangeSet(fold(), options());
    expect(tree(path.join(out, 'files'))).toEqual(['workspace/', 'workspace/second.txt']);
  });

  it('refuses a folder that holds something other than an earlier export, and leaves it untouched', () => {
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'precious.txt'), 'mine');
    expect(() => exportChangeSet(fold(), options())).toThrow(/refusing to export into .*not empty/);
    expect(fs.readdirSync(out)).toEqual(['precious.txt']);
  });

  it('writes summary.md with the renderer it is given', () => {
    new JournalBuilder(spool).content(p('a.txt'), 'a').end();
    exportChangeSet(fold(), options({ renderSummary: (cs) => `${cs.changes.length} change\n` }));
    expect(fs.readFileSync(path.join(out, 'summary.md'), 'utf8')).toBe('1 change\n');
  });

  it('writes a minimal summary.md of its own when given none', () => {
    new JournalBuilder(spool).content(p('a.txt'), 'a').end();
    exportChangeSet(fold(), options());
    const summary = fs.readFileSync(path.join(out, 'summary.md'), 'utf8');
    expect(summary).toContain('1 created, 0 modified, 0 deleted, 0 transient');
    expect(summary).toContain('workspace/a.txt');
  });
});

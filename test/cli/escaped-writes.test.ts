// Writes that escape the overlay, through the CLI: `sh`, `rm` and `touch` write the real disk, and the CLI must say
// so — in the terminal, in manifest.json and in summary.md, with the same count — whether the command failed or
// passed. What the overlay kept in memory, what the preload passes through, and the CLI's own files are not listed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliProject } from './cli-project.js';

const project = useCliProject('memfs-cli-escaped-');

const stayedInMemory = 'memfs-action: the command passed; what it wrote stayed in memory (--export always keeps a copy).\n';

describe('writes that escape the overlay', () => {
  it('lists a disk file removed by sh in the terminal report, manifest.json and summary.md, with one count', () => {
    fs.writeFileSync(path.join(project.dir, 'fixture.txt'), 'on disk');
    const result = project.run(['run', '--', 'rm fixture.txt && node -e "require(\'fs\').writeFileSync(\'in-memory.txt\', \'m\')" && exit 1']);
    expect(result.status).toBe(1);
    expect(fs.existsSync(path.join(project.dir, 'fixture.txt'))).toBe(false); // rm is no Node process: it really removed it

    expect(result.stderr).toContain('  real disk: 1 path changed outside the overlay\n');
    expect(result.stderr).toMatch(/ {2}changed on the real disk, outside the overlay \(1\):\n {4}deleted +workspace\/fixture\.txt +7 B\n/);
    expect(result.stderr).toContain('a non-Node program (rm, git, touch, tar, a shell redirect) or a Node process started without the preload');

    const manifest = project.manifest();
    expect(manifest.diskCheck).toEqual({
      changed: [{ path: path.join(project.dir, 'fixture.txt'), root: 'workspace', relativePath: 'fixture.txt', change: 'deleted', type: 'file', size: 7 }],
      unreadable: [],
    });
    // The Node process's write stayed in memory: an overlay change, not a disk change.
    expect(manifest.changes.map((c) => `${c.change} ${c.relativePath}`)).toEqual(['created in-memory.txt']);

    const summary = fs.readFileSync(path.join(project.dir, 'memfs-report/summary.md'), 'utf8');
    expect(summary).toContain('### ⚠️ Changed on the real disk, outside the overlay (1)');
    expect(summary).toContain('<li>deleted <code>workspace/fixture.txt</code> (7 B)</li>');
    expect(summary).toContain('<tr><th align="left">Real disk</th><td>1 path changed outside the overlay</td></tr>');
  });

  it('lists a file touched by sh when the command passes, instead of saying everything stayed in memory', () => {
    const result = project.run(['run', '--', 'touch made-by-touch.txt']);
    expect(result.status).toBe(0);
    expect(result.stderr).not.toContain('what it wrote stayed in memory');
    expect(result.stderr).toMatch(/^memfs-action: the command passed; what its Node processes wrote stayed in memory, but 1 path under the roots changed on the real disk during the run, outside the overlay:\n/);
    expect(result.stderr).toMatch(/created +workspace\/made-by-touch\.txt +0 B/);
    expect(fs.existsSync(path.join(project.dir, 'memfs-report'))).toBe(false); // a passing run still exports nothing
  });

  it('finds changes in the temp dir too, and says another program may have made them', () => {
    const result = project.run(['run', '--', `mkdir ${project.temp}/made-by-sh`]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/created +tmp\/made-by-sh\//);
    expect(result.stderr).toContain('in a folder that other programs share, such as the temp dir, another program on the machine may have made them');
  });

  it('lists nothing for a Node-only run, and says what it wrote stayed in memory', () => {
    fs.writeFileSync(path.join(project.dir, 'existing.txt'), 'on disk');
    project.script('write.cjs', `
      const fs = require('fs');
      fs.writeFileSync('existing.txt', 'changed in memory');
      fs.rmSync('write.cjs');
      fs.mkdirSync(require('os').tmpdir() + '/node-made', { recursive: true });`);
    const passed = project.run(['run', '--', 'node', 'write.cjs']);
    expect(passed.stderr).toBe(stayedInMemory);

    const exported = project.run(['run', '--export', 'always', '--', 'node', 'write.cjs']);
    expect(exported.status).toBe(0);
    expect(exported.stderr).toContain('  real disk: unchanged under the roots\n');
    expect(project.manifest().diskCheck).toEqual({ changed: [], unreadable: [] });
    expect(fs.readFileSync(path.join(project.dir, 'memfs-report/summary.md'), 'utf8')).not.toContain('Changed on the real disk');
  });

  it('does not list a write to a pass-through path (node_modules/, coverage/, --pass-through)', () => {
    fs.mkdirSync(path.join(project.dir, 'node_modules'));
    const result = project.run(['run', '--pass-through', 'build/', '--',
      'echo x > node_modules/dep.js && mkdir -p coverage build && echo 1 > coverage/lcov.info && echo y > build/out.js']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(stayedInMemory);
  });

  it("does not list the CLI's own files: the spool in the temp dir, the export in --out", () => {
    // A spool limit larger than /dev/shm could hold sends the spool to the temp dir, a root, as on a machine without
    // /dev/shm; the export goes to a folder of the working directory, over an earlier export.
    const args = ['run', '--spool-limit', '100t', '--export', 'always', '--out', 'report', '--', 'node', '-e', "require('fs').writeFileSync('a.txt', 'a')"];
    expect(project.run(args).status).toBe(0);
    const again = project.run(args);
    expect(again.status).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(path.join(project.dir, 'report/manifest.json'), 'utf8'));
    expect(manifest.diskCheck).toEqual({ changed: [], unreadable: [] });
    expect(manifest.changes.map((c: { relativePath: string }) => c.relativePath)).toEqual(['a.txt']);
  });

  it('still lists escaped writes with --export never when the command fails', () => {
    const result = project.run(['run', '--export', 'never', '--', 'touch escaped.txt; exit 4']);
    expect(result.status).toBe(4);
    expect(result.stderr).toMatch(/^memfs-action: the command failed \(exit code 4\); nothing exported \(--export never\); 1 path under the roots changed on the real disk during the run, outside the overlay:\n/);
    expect(result.stderr).toMatch(/created +workspace\/escaped\.txt/);
  });
});

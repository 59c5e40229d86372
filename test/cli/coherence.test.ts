// One filesystem for the whole run, through the CLI as users run it: processes and threads that run at the same time
// see each other's changes (close-to-open), on every Node version, and the disk under the fixtures stays as it was.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Manifest } from '../../src/changes/manifest.js';
import { snapshotDisk } from '../support/disk-snapshot.js';
import { nodeBinaries } from '../support/node-versions.js';
import { buildCli } from './cli-bundle.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.join(repo, 'test/cli/fixtures');
let cli: string;

beforeAll(async () => {
  cli = await buildCli();
});

/** The CLI in `cwd` with `--export always` into a fresh folder, and TMPDIR a fresh folder too; both removed after. */
function runCli(cwd: string, command: string[], env: NodeJS.ProcessEnv = {}) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-coherence-out-'));
  const temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-coherence-tmp-')));
  onTestFinished(() => {
    for (const folder of [out, temp]) fs.rmSync(folder, { recursive: true, force: true });
  });
  const result = spawnSync(process.execPath, [cli, 'run', '--export', 'always', '--out', out, '--', ...command], {
    cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TMPDIR: temp, ...env }, timeout: 180_000,
  });
  const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
  return { status: result.status, output: `${result.stdout}${result.stderr}`, manifest };
}

describe.each(nodeBinaries())('on Node $major', ({ path: node }) => {
  it('a test, the tools it runs, a long-running child and a worker thread exchange files', () => {
    const dir = path.join(fixtures, 'coherence');
    const before = snapshotDisk(dir);
    const { status, output, manifest } = runCli(dir, [node, '--test', 'exchange.test.cjs']);
    expect(output).toMatch(/pass 7\n\S* ?fail 0/); // the TAP or the spec reporter, by Node version
    expect(status).toBe(0);
    expect(snapshotDisk(dir)).toEqual(before);
    // Every final state is the one the last writer made, and named after that process.
    const change = (relativePath: string) => manifest.changes.find((c) => c.relativePath === relativePath)!;
    expect(change('response.txt').change).toBe('created');
    expect(manifest.writers[change('response.txt').lastWriter!]!.command).toContain('server.cjs');
    expect(change('shared.txt').size).toBe('the test wrote it last'.length);
    expect(manifest.writers[change('shared.txt').lastWriter!]!.command).toContain('exchange.test.cjs');
    expect(change('moved/by-child.txt').change).toBe('created');
    // The folder the test made is gone (renamed by the child): what it held is transient, nothing is left there.
    expect(manifest.changes.filter((c) => c.relativePath.startsWith('made')).map((c) => c.change)).toEqual(['transient']);
    expect(manifest.gaps).toEqual([]);
  });
});

describe('test runners with workers', () => {
  const vitest = path.join(repo, 'node_modules/vitest/vitest.mjs');

  it.each(['forks', 'threads'])('vitest %s: a test imports a module it wrote, and reads what globalSetup wrote', (pool) => {
    const dir = path.join(fixtures, 'vitest-coherence');
    const before = snapshotDisk(dir);
    const { status, output } = runCli(dir, [process.execPath, vitest, 'run'], { POOL: pool });
    expect(output).toMatch(/Tests +2 passed/);
    expect(status).toBe(0);
    expect(snapshotDisk(dir)).toEqual(before);
  });

  it('jest workers read the fixture globalSetup generated in the main process', () => {
    const dir = path.join(fixtures, 'jest-coherence');
    const before = snapshotDisk(dir);
    const { status, output, manifest } = runCli(dir, [process.execPath, path.join(repo, 'node_modules/jest/bin/jest.js')]);
    expect(output).toContain('Tests:       2 passed, 2 total');
    expect(status).toBe(0);
    expect(snapshotDisk(dir)).toEqual(before);
    expect(manifest.changes.map((c) => c.relativePath).sort()).toEqual(
      expect.arrayContaining(['generated/first.out', 'generated/fixture.json', 'generated/second.out']),
    );
  });
});

// The runner fixtures (test/fixtures/<runner>) run under the preload on every Node version, in each way the runner
// spreads tests over processes and threads: their tests pass (they assert what they saw, including the documented
// per-runner limits), and the real disk under the roots — the fixture's folder and a private temp dir — is exactly
// what it was before (path, type, mode, size, mtime, content hash).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffSnapshots, snapshotDisk } from '../support/disk-snapshot.js';
import { nodeBinaries } from '../support/node-versions.js';
import { fixtureEnv, fixtures, runnerCases } from '../support/runner-cases.js';
import { buildPreload, nodeOptionsWith } from './preload-bundle.js';

let preload: string;
let base: string;
beforeAll(async () => {
  preload = await buildPreload();
  base = realpathSync(mkdtempSync(path.join(tmpdir(), 'memfs-runners-')));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

// Written on disk on purpose (pass-through): caches of the runners, not the tests' files.
const ignoreCaches = (relative: string): boolean => relative === 'node_modules' || relative.startsWith('node_modules/');
const ignoreTmpCaches = (relative: string): boolean => /^jest_[^/]*($|\/)/.test(relative);

describe.each(nodeBinaries())('runner fixtures on Node $major', ({ path: node }) => {
  it.each(runnerCases)('$name: tests pass and the disk is unchanged', ({ fixture, args, where, summary }) => {
    const cwd = path.join(fixtures, fixture);
    // A private temp dir: its snapshot is not disturbed by anything else running on the machine.
    const privateTmp = mkdtempSync(path.join(base, 'tmp-'));
    const before = { fixture: snapshotDisk(cwd, { ignore: ignoreCaches }), tmp: snapshotDisk(privateTmp, { ignore: ignoreTmpCaches }) };

    const env = fixtureEnv({ NODE_OPTIONS: nodeOptionsWith(preload), TMPDIR: privateTmp, FIXTURE_WHERE: where });
    const r = spawnSync(node, args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
    const output = `${r.stdout}\n${r.stderr}`;

    const result = summary(output);
    expect(result, output).toBeDefined();
    expect(result!.failed, output).toBe(0);
    expect(result!.passed, output).toBeGreaterThan(0);
    expect(r.status, output).toBe(0);
    expect(diffSnapshots(before.fixture, snapshotDisk(cwd, { ignore: ignoreCaches }))).toEqual([]);
    expect(diffSnapshots(before.tmp, snapshotDisk(privateTmp, { ignore: ignoreTmpCaches }))).toEqual([]);
  });
});

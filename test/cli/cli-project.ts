// A throwaway project folder per test and the bundled CLI run in it: what the tests of the CLI's whole path share.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import type { Manifest } from '../../src/changes/manifest.js';
import { buildCli } from './cli-bundle.js';

export interface CliProject {
  /** The project folder of the current test (absolute, real). */
  readonly dir: string;
  /** The temp dir (TMPDIR) the CLI and its command get: one per test, so that the CLI's check of the real disk walks
   * this test's temp dir and not the machine's, which other tests change meanwhile. */
  readonly temp: string;
  /**
   * Runs `memfs-action <args>` in the project (or `cwd` in it), with `env` added to this process's environment (and
   * TMPDIR set to `temp`); stdout and stderr apart and together.
   */
  run(args: string[], o?: { env?: NodeJS.ProcessEnv; cwd?: string }): { status: number | null; stdout: string; stderr: string; output: string };
  /** Writes a file of the project (a script the command runs). */
  script(name: string, source: string): void;
  /** The manifest of the export in the project's default --out. */
  manifest(): Manifest;
  /** A file of the export's files/workspace/. */
  exported(name: string): string;
}

/** Registers the hooks (build once, a fresh folder per test, removed after it); call at the top of a test file. */
export function useCliProject(prefix: string): CliProject {
  let cli = '';
  let dir = '';
  let temp = '';
  beforeAll(async () => {
    cli = await buildCli();
  });
  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
    temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}tmp-`)));
  });
  afterEach(() => {
    for (const folder of [dir, temp]) fs.rmSync(folder, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    get temp() {
      return temp;
    },
    run(args, o = {}) {
      const result = spawnSync(process.execPath, [cli, ...args], {
        cwd: path.resolve(dir, o.cwd ?? '.'), encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TMPDIR: temp, ...o.env },
      });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr, output: `${result.stdout}${result.stderr}` };
    },
    script: (name, source) => fs.writeFileSync(path.join(dir, name), source),
    manifest: () => JSON.parse(fs.readFileSync(path.join(dir, 'memfs-report/manifest.json'), 'utf8')) as Manifest,
    exported: (name) => path.join(dir, 'memfs-report/files/workspace', name),
  };
}

// The preload as users get it (scripts/preload-bundle.mjs, as scripts/build.mjs makes dist/preload.cjs), built
// fresh from the sources for the tests of this run, so that they never test a stale dist/.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPreloadFile } from '../../scripts/preload-bundle.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Under vitest, into the run's folder (test/support/global-setup.ts removes it at the end); elsewhere (the bench),
 * into a temporary folder removed when the process exits.
 */
export function buildFolder(kind: 'preload' | 'cli'): string {
  const runFolder = process.env.MEMFS_TEST_BUILDS;
  if (runFolder) return mkdtempSync(path.join(runFolder, `${kind}-`));
  const folder = mkdtempSync(path.join(tmpdir(), `memfs-${kind}-build-`));
  process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

export async function buildPreload(): Promise<string> {
  const outfile = path.join(buildFolder('preload'), 'preload.cjs');
  await buildPreloadFile(repo, outfile);
  return outfile;
}

/** NODE_OPTIONS that put the preload first, keeping what the user had. */
export function nodeOptionsWith(preload: string, userOptions = ''): string {
  return `--require ${JSON.stringify(preload)}${userOptions ? ` ${userOptions}` : ''}`;
}

// The preload as users get it (scripts/preload-bundle.mjs, as scripts/build.mjs makes dist/preload.cjs), built
// fresh from the sources for the tests of this run, so that they never test a stale dist/.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPreloadFile } from '../../scripts/preload-bundle.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function buildPreload(): Promise<string> {
  const outfile = path.join(mkdtempSync(path.join(tmpdir(), 'memfs-preload-build-')), 'preload.cjs');
  await buildPreloadFile(repo, outfile);
  return outfile;
}

/** NODE_OPTIONS that put the preload first, keeping what the user had. */
export function nodeOptionsWith(preload: string, userOptions = ''): string {
  return `--require ${JSON.stringify(preload)}${userOptions ? ` ${userOptions}` : ''}`;
}

// The preload as users get it (src/preload/index.ts bundled to one CommonJS file with the options of
// scripts/build.mjs), built fresh from the sources for the tests of this run, so that they never test a stale dist/.
import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function buildPreload(): Promise<string> {
  const outfile = path.join(mkdtempSync(path.join(tmpdir(), 'memfs-preload-build-')), 'preload.cjs');
  await build({
    entryPoints: [path.join(repo, 'src/preload/index.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    legalComments: 'none',
    logLevel: 'warning',
    outfile,
  });
  return outfile;
}

/** NODE_OPTIONS that put the preload first, keeping what the user had. */
export function nodeOptionsWith(preload: string, userOptions = ''): string {
  return `--require ${JSON.stringify(preload)}${userOptions ? ` ${userOptions}` : ''}`;
}

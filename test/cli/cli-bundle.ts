// The CLI as users get it: src/cli/main.ts and the preload bundled as scripts/build.mjs bundles them
// into one fresh folder (cli.mjs finds preload.cjs beside it), so the tests never run a stale dist/.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPreloadFile } from '../../scripts/preload-bundle.mjs';
import { buildFolder } from '../preload/preload-bundle.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const common = { bundle: true, platform: 'node', target: 'node20', legalComments: 'none', logLevel: 'warning' } as const;

export async function buildCli(): Promise<string> {
  const folder = buildFolder('cli'); // removed at the end of the run (test/support/global-setup.ts)
  chmodSync(folder, 0o755); // a test's child running as nobody loads the preload from here
  await Promise.all([
    buildPreloadFile(repo, path.join(folder, 'preload.cjs')),
    build({
      ...common,
      entryPoints: [path.join(repo, 'src/cli/main.ts')],
      format: 'esm',
      outfile: path.join(folder, 'cli.mjs'),
      banner: { js: 'import { createRequire as __memfsCreateRequire } from "node:module"; const require = __memfsCreateRequire(import.meta.url);' },
    }),
  ]);
  return path.join(folder, 'cli.mjs');
}

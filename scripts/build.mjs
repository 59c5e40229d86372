// Builds dist/: the preload (CommonJS, loaded by NODE_OPTIONS into every Node ≥ 20 process of a test command),
// the CLI (ESM), the kernel engine's launcher and recording preload, with esbuild; and the action (ESM, node24
// runtime) with ncc, as GitHub runs it.
import { build } from 'esbuild';
import { buildPreloadFile } from './preload-bundle.mjs';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '..');
const dist = path.join(repo, 'dist');
mkdirSync(dist, { recursive: true });

const common = { bundle: true, platform: 'node', target: 'node20', legalComments: 'none', logLevel: 'warning' };

if (existsSync(path.join(repo, 'src/preload/index.ts'))) {
  await buildPreloadFile(repo, path.join(dist, 'preload.cjs'));
}
if (existsSync(path.join(repo, 'src/cli/main.ts'))) {
  await build({
    ...common,
    entryPoints: [path.join(repo, 'src/cli/main.ts')],
    format: 'esm',
    outfile: path.join(dist, 'cli.mjs'),
    banner: { js: '#!/usr/bin/env node\nimport { createRequire as __memfsCreateRequire } from "node:module"; const require = __memfsCreateRequire(import.meta.url);' },
  });
}
if (existsSync(path.join(repo, 'src/kernel/launcher.ts'))) {
  // The kernel engine's inside (src/kernel/launcher.ts): run by Node in the private mount namespace, beside cli.mjs.
  await build({ ...common, entryPoints: [path.join(repo, 'src/kernel/launcher.ts')], format: 'esm', outfile: path.join(dist, 'kernel-launcher.mjs') });
}
if (existsSync(path.join(repo, 'src/recorder/index.ts'))) {
  // The kernel engine's recording preload (src/recorder/): no overlay, only who changed which path. Loaded by every
  // Node process of a kernel run, so small and minified; nothing of it is ever in a stack the user reads.
  await build({ ...common, entryPoints: [path.join(repo, 'src/recorder/index.ts')], format: 'cjs', minify: true, outfile: path.join(dist, 'recorder.cjs') });
}
if (existsSync(path.join(repo, 'src/action/main.ts'))) {
  // ncc writes index.js, its chunks and a package.json {"type":"module"}; build aside, then copy into dist/ (the
  // package.json there does not affect preload.cjs or cli.mjs, whose extensions fix their module type).
  const out = mkdtempSync(path.join(tmpdir(), 'memfs-ncc-'));
  execFileSync(process.execPath, [path.join(repo, 'node_modules/@vercel/ncc/dist/ncc/cli.js'), 'build', path.join(repo, 'src/action/main.ts'), '-o', out, '--quiet', '--target', 'es2022'], { stdio: 'inherit', cwd: repo });
  cpSync(out, dist, { recursive: true });
  rmSync(out, { recursive: true, force: true });
}

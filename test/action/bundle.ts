// The action as the runner gets it: dist/index.js with its chunks, its package.json ({"type":"module"}) and the
// preload (preload.cjs and the bundle it loads) beside it, copied alone into an empty folder, so that nothing resolves
// from the repository's node_modules.
import { copyFileSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** MEMFS_ACTION_DIST points the tests at another build (e.g. one made while dist/ is out of date). */
export function actionDist(): string {
  return process.env.MEMFS_ACTION_DIST ?? path.join(repo, 'dist');
}

export function copyActionBundle(): string {
  const dist = actionDist();
  for (const needed of ['index.js', 'package.json', 'preload.cjs', 'preload-bundle.cjs']) {
    if (!existsSync(path.join(dist, needed))) throw new Error(`${path.join(dist, needed)} is missing: run "npm run build" first.`);
  }
  const folder = mkdtempSync(path.join(tmpdir(), 'memfs-action-bundle-'));
  for (const name of readdirSync(dist)) {
    if (['index.js', 'package.json', 'preload.cjs', 'preload-bundle.cjs'].includes(name) || /^\d+\.index\.js$/.test(name)) {
      copyFileSync(path.join(dist, name), path.join(folder, name));
    }
  }
  return folder;
}

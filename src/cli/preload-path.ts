// dist/preload.cjs ships next to dist/cli.mjs; running from source (tsx src/cli/main.ts) it is the repository's
// built one in dist/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function findPreload(moduleUrl: string = import.meta.url): string {
  const candidates = [new URL('./preload.cjs', moduleUrl), new URL('../../dist/preload.cjs', moduleUrl)].map((u) => fileURLToPath(u));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`preload.cjs was not found next to the CLI (${candidates[0]}); rebuild with "npm run build".`);
  return found;
}

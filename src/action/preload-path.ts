// dist/preload.cjs ships next to the action's bundle (dist/index.js); running from source (tsx src/action/main.ts)
// it is the built one in the repository's dist/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function findPreload(moduleUrl: string = import.meta.url): string {
  const candidates = [new URL('./preload.cjs', moduleUrl), new URL('../../dist/preload.cjs', moduleUrl)].map((u) => fileURLToPath(u));
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(`preload.cjs was not found next to the action (${candidates[0]}): the action's dist/ is incomplete; rebuild it with "npm run build".`);
  }
  return found;
}

// Runs child.ts as nobody (uid/gid 65534), for the parts of the suite where permissions must apply.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
export const NOBODY = { uid: 65534, gid: 65534 };

/** The child's JSON report; throws with its stderr when it did not print one. */
export function runAsNobody<T>(args: string[]): T {
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'child.ts'), ...args], {
    cwd: repo,
    encoding: 'utf8',
    ...NOBODY,
    env: { ...process.env, HOME: '/tmp' },
    timeout: 150_000,
  });
  if (child.status !== 0 || child.stderr !== '') {
    throw new Error(`child as nobody exited ${child.status ?? child.signal}: ${child.stderr}`);
  }
  return JSON.parse(child.stdout) as T;
}

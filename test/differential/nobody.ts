// Runs child.ts in a child process: as nobody (uid/gid 65534) where permissions must apply, or on another Node.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
export const NOBODY = { uid: 65534, gid: 65534 };

/** The child's JSON report; throws with its stderr when it did not print one. */
export function runChild<T>(args: string[], options: { asNobody?: boolean; node?: string } = {}): T {
  const child = spawnSync(options.node ?? process.execPath, ['--import', 'tsx', path.join(here, 'child.ts'), ...args], {
    cwd: repo,
    encoding: 'utf8',
    ...(options.asNobody ? NOBODY : {}),
    env: { ...process.env, HOME: options.asNobody ? '/tmp' : process.env.HOME },
    timeout: 150_000,
  });
  if (child.status !== 0 || child.stderr !== '') {
    throw new Error(`child.ts ${args.join(' ')} exited ${child.status ?? child.signal}: ${child.stderr}`);
  }
  return JSON.parse(child.stdout) as T;
}

export function runAsNobody<T>(args: string[]): T {
  return runChild<T>(args, { asNobody: true });
}

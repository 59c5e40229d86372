// Runs child.ts in a child process: as nobody (uid/gid 65534) where permissions must apply, or on another Node.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT_OWNED_ENV } from './starting-tree.js';

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

/** Entries that root owns, for a nobody run to meet (see ROOT_OWNED_ENV); made fresh for each child. */
export function makeRootOwnedDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-diff-rootowned-'));
  fs.writeFileSync(path.join(dir, 'f'), 'owned by root\n', { mode: 0o644 });
  fs.writeFileSync(path.join(dir, 'secret'), 'nobody may read this', { mode: 0o600 });
  fs.mkdirSync(path.join(dir, 'sub'), { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'sub', 'g'), 'g', { mode: 0o644 });
  fs.chmodSync(dir, 0o755);
  return dir;
}

export function runAsNobody<T>(args: string[]): T {
  if (process.getuid?.() !== 0) return runChild<T>(args);
  const rootOwned = makeRootOwnedDir();
  const before = process.env[ROOT_OWNED_ENV];
  process.env[ROOT_OWNED_ENV] = rootOwned;
  try {
    return runChild<T>(args, { asNobody: true });
  } finally {
    if (before === undefined) delete process.env[ROOT_OWNED_ENV];
    else process.env[ROOT_OWNED_ENV] = before;
    fs.rmSync(rootOwned, { recursive: true, force: true });
  }
}

// Runs once in vitest's main process, around the whole run: test/preload/preload-bundle.ts builds every preload of
// this run into one temporary folder, given to the workers through the environment, and removed at the end (a
// worker's own exit is no place for it: vitest stops its workers without one).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const builds = mkdtempSync(path.join(tmpdir(), 'memfs-test-builds-'));
  chmodSync(builds, 0o755); // tests that run a child as nobody open its build (they make the build's own folder 0755)
  process.env.MEMFS_TEST_BUILDS = builds;
  return () => rmSync(builds, { recursive: true, force: true });
}

// The action with `engine: kernel` and `engine: auto`, run as the runner runs it (the built dist/index.js copied
// alone with its preload and the kernel engine's launcher): a shell and Node write under the kernel's overlay, the
// workspace stays as it was, the export and the summary hold the changes and say which engine ran and why.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/changes/manifest.js';
import { actionDist, copyActionBundle } from '../action/bundle.js';
import { runStep } from '../action/runner.js';
import { snapshotDisk } from '../support/disk-snapshot.js';
import { whyNoOverlay } from './kernel-cli.js';

/** The built action must be this branch's: the launcher beside it, and an index.js that knows the engine input. */
function staleBuild(): string | undefined {
  if (!existsSync(path.join(actionDist(), 'kernel-launcher.mjs'))) return 'dist/kernel-launcher.mjs is not built (npm run build)';
  if (!readFileSync(path.join(actionDist(), 'index.js'), 'utf8').includes('kernel-launcher.mjs')) return 'dist/index.js predates the engine input (npm run build)';
  return undefined;
}
const why = whyNoOverlay('root') ?? staleBuild();
let bundle = '';
let scratch = '';

beforeAll(() => {
  if (why) return;
  bundle = copyActionBundle();
  copyFileSync(path.join(actionDist(), 'kernel-launcher.mjs'), path.join(bundle, 'kernel-launcher.mjs'));
  scratch = mkdtempSync(path.join(tmpdir(), 'memfs-kernel-action-'));
});
afterAll(() => {
  for (const dir of [bundle, scratch]) if (dir) rmSync(dir, { recursive: true, force: true });
});

function job(name: string): { workspace: string; temp: string } {
  const workspace = path.join(scratch, name, 'workspace');
  const temp = path.join(scratch, name, 'tmp');
  mkdirSync(workspace, { recursive: true });
  mkdirSync(temp);
  writeFileSync(path.join(workspace, 'kept.txt'), 'on disk\n');
  return { workspace, temp };
}

const command = [
  'echo changed by sh > kept.txt',
  'git init -q repo',
  `node -e "require('fs').writeFileSync('by-node.txt', 'node')"`,
  'exit 4',
].join('\n');

describe.skipIf(why !== undefined)(`the action with the kernel engine${why ? ` (skipped: ${why})` : ''}`, () => {
  for (const engine of ['kernel', 'auto'] as const) {
    it(`engine: ${engine} runs the step's script in the kernel's overlay, exports its changes and says so`, async () => {
      const { workspace, temp } = job(engine);
      const before = snapshotDisk(workspace);
      const result = await runStep({
        entry: path.join(bundle, 'index.js'), workspace,
        inputs: { run: command, engine, upload: 'never', shell: 'sh' }, env: { TMPDIR: temp },
      });
      const log = `${result.stdout}\n${result.stderr}`;
      expect(result.exitCode, log).toBe(4);
      const chosen = engine === 'auto' ? 'auto chose the kernel engine' : 'kernel engine';
      expect(result.stdout).toContain(`memfs-action: ${chosen}: overlayfs on a tmpfs in a private mount namespace, entered as root with CAP_SYS_ADMIN.`);
      expect(snapshotDisk(workspace)).toEqual(before);

      const manifest = JSON.parse(readFileSync(result.outputs.manifest!, 'utf8')) as Manifest;
      const changes = manifest.changes.filter((c) => c.root === 'workspace').map((c) => `${c.change} ${c.relativePath}`);
      expect(changes).toEqual(expect.arrayContaining(['modified kept.txt', 'created by-node.txt', 'created repo/.git/HEAD']));
      expect(readFileSync(path.join(path.dirname(result.outputs.manifest!), 'files/workspace/kept.txt'), 'utf8')).toBe('changed by sh\n');
      expect(result.outputs).toMatchObject({ 'exit-code': '4', 'files-modified': '1' });
      expect(result.summary).toContain(`Engine: ${chosen}`);
    }, 60_000);
  }

  it('engine: anything else stops the step before it runs, naming the input', async () => {
    const { workspace, temp } = job('bad');
    const result = await runStep({ entry: path.join(bundle, 'index.js'), workspace, inputs: { run: 'touch ran', engine: 'fuse' }, env: { TMPDIR: temp } });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('Input "engine" must be preload, kernel or auto; got "fuse".');
    expect(existsSync(path.join(workspace, 'ran'))).toBe(false);
  });
});

// End to end, as on a runner: the built action (dist/index.js, copied alone with its preload) runs a real test suite
// under the real preload, and uploads with the real @actions/artifact client to our local results service, whose
// blobs land in Azurite. Everything is checked from the outside: the blob's zip, the outputs, the summary, the disk.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startResultsService, type ResultsService } from '../support/results-service.js';
import { copyActionBundle } from './bundle.js';
import { killGroup, runStep, type StepResult } from './runner.js';
import { snapshotTree } from './tree-snapshot.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.join(here, 'fixtures/state-suite');
const readAncestors = path.join(here, 'fixtures/ancestors/read-ancestors.cjs');
const suite = 'node --test state.test.mjs';

let service: ResultsService;
let bundle: string;
let scratch: string;

beforeAll(async () => {
  bundle = copyActionBundle();
  service = await startResultsService();
  scratch = mkdtempSync(path.join(tmpdir(), 'memfs-e2e-'));
}, 60_000);

afterAll(async () => {
  await service?.close();
  for (const dir of [bundle, scratch]) if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Job {
  workspace: string;
  temp: string;
}

let jobs = 0;
function newJob(): Job {
  const root = path.join(scratch, `job-${++jobs}`);
  const workspace = path.join(root, 'workspace');
  const temp = path.join(root, 'tmp');
  cpSync(fixture, workspace, { recursive: true });
  mkdirSync(temp);
  return { workspace, temp };
}

function step(job: Job, inputs: Record<string, string>, env: Record<string, string> = {}, extra: Partial<Parameters<typeof runStep>[0]> = {}) {
  return runStep({
    entry: path.join(bundle, 'index.js'),
    workspace: job.workspace,
    inputs: { run: suite, ...inputs },
    env: { ...service.env(), TMPDIR: job.temp, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-secret', ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/oidc', ...env },
    ...extra,
  });
}

function written(job: Job): { written: Record<string, string>; runtimeTokenVisible: boolean; resultsUrlVisible: boolean } {
  return JSON.parse(readFileSync(path.join(job.workspace, 'test-results/written.json'), 'utf8'));
}

async function artifactFiles(name: string): Promise<Record<string, Uint8Array>> {
  const artifact = service.artifacts.find((a) => a.name === name);
  if (!artifact) throw new Error(`no artifact named ${name}; have ${service.artifacts.map((a) => a.name).join(', ')}`);
  const zip = await service.downloadBlob(artifact);
  expect(`sha256:${createHash('sha256').update(zip).digest('hex')}`).toBe(artifact.hash);
  return unzipSync(new Uint8Array(zip));
}

function log(result: StepResult): string {
  return `exit ${result.exitCode}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

describe('the action on a failing suite', () => {
  let job: Job;
  let result: StepResult;
  let before: Map<string, string>;

  beforeAll(async () => {
    job = newJob();
    before = snapshotTree(job.workspace, ['test-results']);
    result = await step(job, { 'artifact-name': 'state-on-failure' });
  }, 60_000);

  it('fails the step with the command exit code', () => {
    expect(result.exitCode, log(result)).toBe(1);
    expect(result.stdout).toContain('::error::The command failed with exit code 1.');
  });

  it('uploads every file the tests wrote, byte for byte', async () => {
    const files = await artifactFiles('state-on-failure');
    const manifest = JSON.parse(Buffer.from(files['manifest.json']).toString('utf8'));
    const byPath = new Map<string, { exportedAs?: string }>(manifest.changes.map((c: { root: string; relativePath: string }) => [`${c.root}/${c.relativePath}`, c]));
    const { written: wrote } = written(job);
    expect(Object.keys(wrote).length).toBeGreaterThanOrEqual(6);
    for (const [label, base64] of Object.entries(wrote)) {
      const exportedAs = byPath.get(label)?.exportedAs;
      expect(exportedAs, `${label} in the manifest`).toBeDefined();
      expect(Buffer.from(files[exportedAs!] ?? []).equals(Buffer.from(base64, 'base64')), `${label} as ${exportedAs}`).toBe(true);
    }
  });

  it('records the deleted file, the transient file and the excluded secret in the manifest, without uploading the secret', async () => {
    const files = await artifactFiles('state-on-failure');
    const manifest = JSON.parse(Buffer.from(files['manifest.json']).toString('utf8'));
    const find = (relativePath: string) => manifest.changes.find((c: { root: string; relativePath: string }) => c.root === 'workspace' && c.relativePath === relativePath);
    expect(find('data/obsolete.txt')).toMatchObject({ change: 'deleted', type: 'file' });
    expect(find('out/transient.tmp')).toMatchObject({ change: 'transient' });
    expect(find('.env.local')).toMatchObject({ change: 'created', contentOmitted: 'excluded' });
    expect(Object.keys(files).filter((name) => name.includes('.env'))).toEqual([]);
    expect(manifest).toMatchObject({ command: suite, exitCode: 1 });
  });

  it('sets the outputs', () => {
    const artifact = service.artifacts.find((a) => a.name === 'state-on-failure')!;
    expect(result.outputs).toMatchObject({
      'exit-code': '1',
      'files-created': '6', // out/report.json, out/blob.bin, the two odd names, tmp session.log, .env.local
      'files-modified': '1',
      'files-deleted': '1',
      'artifact-id': String(artifact.id),
      'artifact-url': `https://github.com/octo/app/actions/runs/4242/artifacts/${artifact.id}`,
    });
    expect(existsSync(result.outputs.manifest)).toBe(true);
  });

  it('writes the job summary with the files, the artifact link and the download command', () => {
    expect(result.summary).toContain('## ❌ memfs-action: the command failed with exit code 1');
    expect(result.summary).toContain('<code>workspace/out/report.json</code>');
    expect(result.summary).toContain('<code>tmp/memfs-fixture/session.log</code>');
    expect(result.summary).toContain('gh run download 4242 --repo octo/app --name state-on-failure');
    expect(result.summary).toContain('<code>workspace/.env.local</code> <em>(not uploaded: matches exclude)</em>');
    // test-results/ (passed through), the spool, the script file and the export in the staging folder are no escape.
    expect(result.summary).toContain('<tr><th align="left">Real disk</th><td>unchanged under the roots</td></tr>');
    // Where the export is, as the run page can show it: the artifact by name and link, not a folder on the runner.
    const artifact = service.artifacts.find((a) => a.name === 'state-on-failure')!;
    expect(result.summary).toContain(
      `<tr><th align="left">Export</th><td><a href="https://github.com/octo/app/actions/runs/4242/artifacts/${artifact.id}">state-on-failure</a></td></tr>`,
    );
    expect(result.summary).not.toContain(path.dirname(result.outputs.manifest));
  });

  it('keeps the runner tokens out of the tests environment', () => {
    expect(written(job)).toMatchObject({ runtimeTokenVisible: false, resultsUrlVisible: false });
  });

  it('leaves the real disk as it was, except the passed-through test-results/', () => {
    expect(snapshotTree(job.workspace, ['test-results'])).toEqual(before);
    expect(existsSync(path.join(job.temp, 'memfs-fixture'))).toBe(false);
  });
});

describe('the action on a passing suite', () => {
  it('uploads nothing by default, passes, and says so in the summary', async () => {
    const job = newJob();
    const count = service.artifacts.length;
    const result = await step(job, { 'artifact-name': 'state-on-success' }, { FIXTURE_OUTCOME: 'pass' });
    expect(result.exitCode, log(result)).toBe(0);
    expect(service.artifacts.length).toBe(count);
    expect(result.outputs).toMatchObject({ 'exit-code': '0', 'artifact-id': '', 'manifest': '', 'files-created': '6' });
    expect(result.summary).toContain('## ✅ memfs-action: the command passed');
    expect(result.summary).toContain('<td>unchanged under the roots</td>');
    expect(result.stdout).not.toContain('outside the overlay');
  }, 60_000);
});

describe('writes that escape the overlay', () => {
  it('are listed in the step log, the job summary and the manifest, with one count, and annotated', async () => {
    const job = newJob();
    const run = `touch data/existing.txt && echo made > escaped.txt && node -e "require('fs').writeFileSync('in-memory.txt', 'm')" && exit 1`;
    const result = await step(job, { run, 'artifact-name': 'escaped' });
    expect(result.exitCode, log(result)).toBe(1);
    expect(result.stdout).toContain('::warning::memfs-action: 2 paths changed outside the overlay — on the real disk');
    const plainLog = result.stdout.replace(/\u001b\[\d+m/g, ''); // the step log is in colour
    expect(plainLog).toContain('  real disk: 2 paths changed outside the overlay\n');
    expect(plainLog).toMatch(/changed on the real disk, outside the overlay \(2\):\n +modified +workspace\/data\/existing\.txt +14 B +\(mtime, ctime changed\)\n +created +workspace\/escaped\.txt +5 B\n/);
    expect(result.summary).toContain('### ⚠️ Changed on the real disk, outside the overlay (2)');
    expect(result.summary).toContain('<li>created <code>workspace/escaped.txt</code> (5 B)</li>');
    expect(result.summary).toContain('a non-Node program (rm, git, touch, tar, a shell redirect) or a Node process started without the preload');
    const files = await artifactFiles('escaped');
    const manifest = JSON.parse(Buffer.from(files['manifest.json']).toString('utf8'));
    expect(manifest.diskCheck.changed.map((c: { change: string; relativePath: string }) => `${c.change} ${c.relativePath}`)).toEqual([
      'modified data/existing.txt',
      'created escaped.txt',
    ]);
    expect(manifest.changes.map((c: { relativePath: string }) => c.relativePath)).toEqual(['in-memory.txt']);
    expect(existsSync(path.join(job.workspace, 'in-memory.txt'))).toBe(false);
  }, 60_000);
});

describe('the command', () => {
  it('ends the step with its own exit code', async () => {
    const result = await step(newJob(), { run: `${suite} || exit 3`, upload: 'never', summary: 'false' });
    expect(result.exitCode, log(result)).toBe(3);
    expect(result.outputs['exit-code']).toBe('3');
    expect(result.summary).toBe('');
  }, 60_000);

  it('can append to the job summary even when the runner files lie inside a root', async () => {
    const append = `node -e "require('fs').appendFileSync(process.env.GITHUB_STEP_SUMMARY, 'written by the tests\\n')"`;
    const result = await step(newJob(), { run: append, roots: '..', upload: 'never' }); // the job folder holds the runner files
    expect(result.exitCode, log(result)).toBe(0);
    expect(result.summary).toMatch(/^written by the tests\n## ✅ memfs-action/);
  }, 60_000);

  it('fails the step clearly when the shell cannot start', async () => {
    const result = await step(newJob(), { shell: 'no-such-shell {0}' });
    expect(result.exitCode, log(result)).toBe(1);
    expect(result.stdout).toContain('::error::memfs-action could not run the command with "no-such-shell {0}"');
  }, 60_000);
});

describe('upload options', () => {
  it('uploads transient files when asked, and passes the retention to the service', async () => {
    const result = await step(newJob(), { 'artifact-name': 'with-transient', 'include-transient': 'true', 'retention-days': '3' });
    expect(result.exitCode, log(result)).toBe(1);
    const files = await artifactFiles('with-transient');
    expect(Buffer.from(files['transient/workspace/out/transient.tmp']).toString()).toBe('gone soon');
    const expiresAt = Date.parse(service.artifacts.find((a) => a.name === 'with-transient')!.expiresAt!);
    expect(Math.round((expiresAt - Date.now()) / 86_400_000)).toBe(3);
  }, 60_000);
});

describe('upload problems', () => {
  it('warns about a name already taken in the run, keeps the tests result, and overwrite replaces it', async () => {
    const first = await step(newJob(), { 'artifact-name': 'taken', upload: 'always' }, { FIXTURE_OUTCOME: 'pass' });
    expect(first.exitCode, log(first)).toBe(0);
    const firstId = service.artifacts.find((a) => a.name === 'taken')!.id;

    const second = await step(newJob(), { 'artifact-name': 'taken' });
    expect(second.exitCode, log(second)).toBe(1);
    expect(second.stdout).toMatch(/::warning::The upload of artifact "taken" failed.*already exists in this workflow run/);
    expect(second.outputs['artifact-id']).toBe('');
    expect(second.summary).toContain('already exists in this workflow run');

    const third = await step(newJob(), { 'artifact-name': 'taken', overwrite: 'true' });
    expect(third.exitCode, log(third)).toBe(1);
    const replaced = service.artifacts.filter((a) => a.name === 'taken');
    expect(replaced).toHaveLength(1);
    expect(replaced[0].id).not.toBe(firstId);
    expect(third.outputs['artifact-id']).toBe(String(replaced[0].id));
  }, 90_000);

  it('uploads as usual with overwrite when no artifact has the name yet', async () => {
    const result = await step(newJob(), { 'artifact-name': 'fresh', overwrite: 'true' });
    expect(result.exitCode, log(result)).toBe(1);
    expect(result.outputs['artifact-id']).toBe(String(service.artifacts.find((a) => a.name === 'fresh')?.id));
  }, 60_000);

  it('turns an unreachable artifact service into a warning and still writes the summary', async () => {
    const result = await step(newJob(), { 'artifact-name': 'unreachable' }, { ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/' });
    expect(result.exitCode, log(result)).toBe(1);
    expect(result.stdout).toMatch(/::warning::The upload of artifact "unreachable" failed/);
    expect(result.summary).toContain('The upload of artifact &quot;unreachable&quot; failed');
    expect(result.outputs['manifest']).not.toBe('');
  }, 60_000);

  it('explains a storage quota refusal', async () => {
    service.failNext('CreateArtifact', { status: 403, code: 'permission_denied', msg: 'insufficient usage to create artifact' });
    const result = await step(newJob(), { 'artifact-name': 'over-quota' });
    expect(result.exitCode, log(result)).toBe(1);
    expect(result.stdout).toContain('the artifact storage quota is used up');
  }, 60_000);
});

describe('a summary that would not fit', () => {
  it('stays under 1 MiB with 4,000 changed files and points to the artifact for the rest', async () => {
    const result = await step(newJob(), { 'artifact-name': 'many-files', upload: 'never' }, { FIXTURE_MANY_FILES: '4000' });
    expect(result.exitCode, log(result)).toBe(1);
    expect(Buffer.byteLength(result.summary)).toBeLessThan(900 * 1024);
    // 4,000 rows of ~330 bytes: about 1.3 MB uncapped.
    expect(result.summary).toMatch(/Created or modified \(40\d\d\)/);
    expect(result.summary).toMatch(/… and \d+ more in the artifact/);
  }, 90_000);
});

describe('a cancelled run', () => {
  it('is captured and uploaded by the post step from what the journals hold', async () => {
    const job = newJob();
    const waiting = path.join(job.workspace, 'test-results/waiting');
    // A shell's write goes to the real disk: the post step still reports it, from the picture main saved.
    const main = await step(job, { 'artifact-name': 'cancelled', run: `touch escaped-by-sh.txt && ${suite}` }, { FIXTURE_WAIT_FOR_KILL: '1' }, {
      onSpawn: (pid) => {
        const poll = setInterval(() => {
          if (!existsSync(waiting)) return;
          clearInterval(poll);
          killGroup(pid); // as a cancel or timeout-minutes ends the step: main never concludes
        }, 50);
      },
    });
    expect(main.signal, log(main)).toBe('SIGKILL');
    expect(main.state).toHaveProperty('memfs-session');
    expect(main.state).not.toHaveProperty('memfs-finished');

    const post = await step(job, { 'artifact-name': 'cancelled' }, {}, { state: main.state });
    expect(post.exitCode, log(post)).toBe(0);
    expect(post.stdout).toContain('the main step did not finish');
    expect(post.outputs['exit-code']).toBe('');
    expect(post.summary).toContain('did not finish');
    const files = await artifactFiles('cancelled');
    const { written: wrote } = written(job);
    expect(Buffer.from(files['files/workspace/out/report.json']).equals(Buffer.from(wrote['workspace/out/report.json'], 'base64'))).toBe(true);
    const manifest = JSON.parse(Buffer.from(files['manifest.json']).toString('utf8'));
    expect(manifest.diskCheck.changed.map((c: { change: string; relativePath: string }) => `${c.change} ${c.relativePath}`)).toEqual([
      'created escaped-by-sh.txt',
    ]);
    expect(post.summary).toContain('escaped-by-sh.txt');
  }, 90_000);

  it('does nothing in the post step after a main step that stopped on a bad input', async () => {
    const job = newJob();
    const main = await step(job, { upload: 'sometimes' });
    expect(main.exitCode, log(main)).toBe(1);
    const post = await step(job, { upload: 'sometimes' }, {}, { state: main.state });
    expect(post.exitCode, log(post)).toBe(0);
    expect(post.stdout).toContain('nothing to capture');
    expect(post.stdout).not.toContain('::error::');
    expect(existsSync(path.join(job.workspace, 'test-results'))).toBe(false); // the command never ran
  }, 60_000);

  it('does nothing in the post step after a main step that finished', async () => {
    const job = newJob();
    const count = service.artifacts.length;
    const main = await step(job, { 'artifact-name': 'finished', upload: 'never' });
    const post = await step(job, { 'artifact-name': 'finished' }, {}, { state: main.state });
    expect(post.exitCode, log(post)).toBe(0);
    expect(post.summary).toBe('');
    expect(service.artifacts.length).toBe(count);
  }, 60_000);
});

describe('the step environment', () => {
  it.each([
    ['MEMFS_DISABLE', '1'],
    ['MEMFS_PASS_THROUGH', '/'],
    ['MEMFS_ROOTS', '/nonexistent'],
    ['MEMFS_QUOTA', '1'],
  ])('%s=%s changes nothing: the writes stay in memory and are reported', async (name, value) => {
    const job = newJob();
    const before = snapshotTree(job.workspace, ['test-results']);
    const result = await step(job, { 'artifact-name': `env-${name}` }, { [name]: value });
    expect(result.exitCode, log(result)).toBe(1);
    expect(snapshotTree(job.workspace, ['test-results'])).toEqual(before);
    expect(result.summary).toContain('<code>workspace/out/report.json</code>');
    expect(result.outputs['files-created']).toBe('6');
  }, 60_000);
});

describe('the runner tokens', () => {
  it.runIf(process.platform === 'linux')('cannot be read from the environ of any ancestor of a test, and the upload still gets them', async () => {
    const job = newJob();
    const oidc = `oidc-${Date.now()}`;
    cpSync(readAncestors, path.join(job.workspace, 'read-ancestors.cjs'));
    const result = await step(
      job,
      { run: 'node read-ancestors.cjs', 'artifact-name': 'ancestors', upload: 'always' },
      { ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc, SECRETS_TO_LOOK_FOR: Buffer.from(JSON.stringify([service.runtimeToken, service.url, oidc])).toString('hex') },
    );
    expect(result.exitCode, log(result)).toBe(0);
    expect(result.stdout).toMatch(/read the environment blocks of \d+ processes, none holds a withheld value/);
    expect(result.stdout).not.toContain('::notice::');
    const files = await artifactFiles('ancestors'); // the service accepts only the runtime token
    expect(Buffer.from(files['files/workspace/written-by-the-test.txt']).toString()).toMatch(/^read \d+ environment blocks/);
  }, 60_000);
});

describe('inputs the preload would refuse', () => {
  it.each([
    [{ roots: '/' }, 'Input "roots": "/" cannot be a root'],
    [{ quota: '9000000t' }, 'Input "quota": "9000000t" is too large; use "unlimited".'],
    [{ 'pass-through': '**' }, 'Input "pass-through": "**" would send every write under the root'],
  ])('%j fails the step before anything runs, naming the input', async (inputs, message) => {
    const job = newJob();
    const result = await step(job, { ...inputs, run: 'touch ran' });
    expect(result.exitCode, log(result)).toBe(1);
    expect(result.stdout).toContain(`::error::${message}`);
    expect(existsSync(path.join(job.workspace, 'ran'))).toBe(false);
  }, 60_000);

  it('runs in a working directory whose name holds ":"', async () => {
    const job = newJob();
    const odd = path.join(job.workspace, 'odd:dir');
    cpSync(fixture, odd, { recursive: true });
    const result = await step(job, { 'working-directory': 'odd:dir', 'artifact-name': 'colon-dir', upload: 'never' });
    expect(result.exitCode, log(result)).toBe(1);
    expect(result.stdout).toContain('::error::The command failed with exit code 1.');
    expect(result.outputs['files-created']).toBe('6');
    expect(existsSync(path.join(odd, 'out'))).toBe(false);
  }, 60_000);
});

// Runs the action's entry point the way the GitHub runner does: a fresh node process, inputs as INPUT_<NAME>
// variables (upper-cased, hyphens kept), and the file commands GITHUB_OUTPUT, GITHUB_STATE and GITHUB_STEP_SUMMARY.
// The post step gets main's saved state back as STATE_<name> variables.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface StepResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
}

export interface StepOptions {
  entry: string;
  inputs: Record<string, string>;
  /** The step's environment on top of a minimal one (PATH, HOME). */
  env?: Record<string, string>;
  workspace: string;
  /** Main's saved state, for the post step. */
  state?: Record<string, string>;
  timeoutMs?: number;
  /** Called once the process is running; e.g. to kill it as a cancel would. */
  onSpawn?: (pid: number) => void;
}

export function runStep(o: StepOptions): Promise<StepResult> {
  const files = mkdtempSync(path.join(o.workspace, '..', 'runner-files-'));
  const runnerTemp = path.join(files, 'temp');
  mkdirSync(runnerTemp);
  const commandFiles = { GITHUB_OUTPUT: 'output', GITHUB_STATE: 'state', GITHUB_STEP_SUMMARY: 'summary' } as const;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_JOB: 'test',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_REPOSITORY: 'octo/app',
    RUNNER_TEMP: runnerTemp,
    // vitest.config.ts: the preloaded processes keep their code cache in the test run's folder, not in ~/.cache.
    ...(process.env.MEMFS_CODE_CACHE ? { MEMFS_CODE_CACHE: process.env.MEMFS_CODE_CACHE } : {}),
    ...o.env,
  };
  for (const [variable, name] of Object.entries(commandFiles)) {
    env[variable] = path.join(files, name);
    writeFileSync(env[variable], '');
  }
  for (const [name, value] of Object.entries(o.inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  for (const [name, value] of Object.entries(o.state ?? {})) env[`STATE_${name}`] = value;

  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [o.entry], { cwd: o.workspace, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => killGroup(child.pid!), o.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('spawn', () => o.onSpawn?.(child.pid!));
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      const read = (name: string) => readFileSync(path.join(files, name), 'utf8');
      resolve({ exitCode, signal, stdout, stderr, outputs: parseFileCommand(read('output')), state: parseFileCommand(read('state')), summary: read('summary') });
    });
  });
}

/** The step's whole process group, as the runner ends a cancelled step's processes. */
export function killGroup(pid: number, signal: NodeJS.Signals = 'SIGKILL'): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** `name<<delimiter\nvalue\ndelimiter` entries, as @actions/core writes them. */
export function parseFileCommand(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (!match) continue;
    const end = lines.indexOf(match[2], i + 1);
    values[match[1]] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return values;
}

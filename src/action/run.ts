// The main step, as a short story: read the inputs, run the command over the overlay, conclude (capture, export,
// upload, report), and end with the command's result.
import * as core from '@actions/core';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { startDiskCheck, type DiskCheckSetup } from '../changes/disk-check.js';
import { createSpool, removeSpool } from '../changes/spool.js';
import { preloadProblems } from '../frontend/preload-variables.js';
import type { DiskCheck } from '../changes/types.js';
import { childEnvironment } from './child-env.js';
import { runCommand, scriptCommand, type CommandResult } from './command.js';
import { runKernelCommand } from './kernel-command.js';
import { chooseEngine, KernelEngineUnavailable, type EngineChoice } from '../kernel/engine-choice.js';
import { passThroughOf } from '../kernel/front-end.js';
import { conclude, createStagingDir } from './conclude.js';
import { InputError, parseInputs } from './inputs.js';
import { findPreload } from './preload-path.js';
import { overlayRoots } from './roots.js';
import type { WithheldSecrets } from './withheld-secrets.js';
import { shimsForCommand } from '../shim/command-path.js';
import { markFinished, markMainStarted, saveSession, savedDiskCheck, type Session } from './session.js';

export async function run(secrets: WithheldSecrets): Promise<void> {
  markMainStarted();
  if (process.platform === 'win32') {
    core.setFailed('memfs-action does not support Windows runners yet: use ubuntu-* or macos-* runners for this step.');
    return;
  }
  const started = startSession();
  if (!started) return;
  const { session, engine } = started;
  const ran = await runTestCommand(session, engine);
  if (!ran) return;
  await conclude(session, ran.result, secrets, ran.disk);
  markFinished();
  endWith(ran.result);
}

/**
 * Inputs checked, spool and staging made, the engine chosen, state saved for the post step; undefined (step failed) on
 * a bad input or an engine that cannot run here.
 */
function startSession(): { session: Session; engine: EngineChoice } | undefined {
  let spoolDir: string | undefined;
  try {
    const inputs = parseInputs((name) => core.getInput(name));
    findPreload(); // fail before running anything when the bundle is incomplete
    const roots = overlayRoots(inputs);
    spoolDir = createSpool({ limitBytes: typeof inputs.spoolLimit === 'number' ? inputs.spoolLimit : undefined });
    const engine = chooseEngine(inputs.engine, { spoolDir, roots: roots.map((r) => r.path) });
    if (inputs.engine !== 'preload') core.info(`memfs-action: ${engine.why}.`);
    const session: Session = {
      inputs,
      roots,
      spoolDir,
      stagingDir: createStagingDir(process.env.RUNNER_TEMP || tmpdir(), randomBytes(6).toString('hex')),
      startedAt: Date.now(),
      engine: { used: engine.engine, why: engine.why, requested: inputs.engine },
    };
    if (engine.engine === 'kernel') session.engine!.passThrough = passThroughOf(commandEnvironment(session));
    saveSession(session);
    return { session, engine };
  } catch (error) {
    if (spoolDir !== undefined) removeSpool(spoolDir);
    if (error instanceof KernelEngineUnavailable) {
      core.setFailed(`memfs-action: the input "engine" is kernel, but ${error.message}. Use engine: auto (which falls back to the preload) or preload.`);
    } else {
      core.setFailed(error instanceof InputError ? error.message : `memfs-action could not start: ${(error as Error).message}`);
    }
    return undefined;
  }
}

/** The environment the command runs in (the post step derives it again for its check of the disk). */
export function commandEnvironment(session: Session): Record<string, string> {
  const { inputs } = session;
  return childEnvironment(process.env, {
    preloadPath: findPreload(),
    roots: session.roots.map((r) => r.path),
    passThrough: inputs.passThrough,
    quota: inputs.quota,
    spoolDir: session.spoolDir,
    spoolLimit: inputs.spoolLimit,
  });
}

/** What the check of the real disk looks at: the roots as the command's preload routes them, less the staging folder. */
export function diskCheckSetup(session: Session, env: Record<string, string>): DiskCheckSetup {
  return { roots: session.roots, env, ownFolders: [session.stagingDir] };
}

/** The command's result, and what changed on the real disk meanwhile (compared before anything else is written). */
async function runTestCommand(session: Session, engine: EngineChoice): Promise<{ result: CommandResult; disk: DiskCheck } | undefined> {
  const { inputs } = session;
  const env = commandEnvironment(session);
  // The inputs were checked; this is the environment itself, with what the step's variables added (the runner's
  // file commands pass through): what every Node process of the command will read.
  const problems = preloadProblems(env);
  if (problems.length > 0) {
    removeSpool(session.spoolDir);
    markFinished();
    const lines = problems.map(({ variable, problem }) => `${variable}: ${problem}`);
    core.setFailed(`memfs-action cannot run the command with this configuration of the overlay:\n- ${lines.join('\n- ')}`);
    return undefined;
  }
  try {
    // `node` found by name runs with the preload even where a script replaced NODE_OPTIONS. In the spool, removed with
    // it; in the staging folder when the spool's filesystem cannot hold programs.
    if (engine.engine === 'preload') shimsForCommand(env, findPreload(), [session.spoolDir, session.stagingDir]);
    // The staging folder gets the command's script file and, later, the export: ours, not the command's.
    // Kept in the staging folder too: a post step standing in for a killed main step compares the disk with it.
    const diskCheck = startDiskCheck(diskCheckSetup(session, env), savedDiskCheck(session));
    const result = engine.engine === 'kernel'
      ? await runKernelCommand({
        engine, argv: scriptCommand({ script: inputs.run, shell: inputs.shell, scriptDir: session.stagingDir }), cwd: inputs.workingDirectory,
        preloadEnv: env, roots: session.roots, spoolDir: session.spoolDir,
      })
      : await runCommand({ script: inputs.run, shell: inputs.shell, cwd: inputs.workingDirectory, scriptDir: session.stagingDir, env });
    return { result, disk: diskCheck.finish() };
  } catch (error) {
    // The shell itself could not start: nothing ran, so there is nothing to capture.
    removeSpool(session.spoolDir);
    markFinished();
    core.setFailed(`memfs-action could not run the command with "${inputs.shell.join(' ')}": ${(error as Error).message}`);
    return undefined;
  }
}

function endWith(result: CommandResult): void {
  if (result.exitCode === 0) return;
  core.setFailed(result.exitCode === null ? 'The command was killed before it exited.' : `The command failed with exit code ${result.exitCode}.`);
  if (result.exitCode !== null) process.exitCode = result.exitCode;
}

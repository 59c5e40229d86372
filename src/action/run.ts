// The main step, as a short story: read the inputs, run the command over the overlay, conclude (capture, export,
// upload, report), and end with the command's result.
import * as core from '@actions/core';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { createSpool } from '../changes/spool.js';
import { childEnvironment } from './child-env.js';
import { runCommand } from './command.js';
import { conclude, createStagingDir } from './conclude.js';
import { InputError, parseInputs } from './inputs.js';
import { findPreload } from './preload-path.js';
import { overlayRoots } from './roots.js';
import { markFinished, markMainStarted, saveSession, type Session } from './session.js';

export async function run(): Promise<void> {
  markMainStarted();
  if (process.platform === 'win32') {
    core.setFailed('memfs-action does not support Windows runners yet: use ubuntu-* or macos-* runners for this step.');
    return;
  }
  let session: Session;
  try {
    session = startSession();
  } catch (error) {
    core.setFailed(error instanceof InputError ? error.message : `memfs-action could not start: ${(error as Error).message}`);
    return;
  }

  const { inputs } = session;
  const result = await runCommand({
    script: inputs.run,
    shell: inputs.shell,
    cwd: inputs.workingDirectory,
    scriptDir: session.stagingDir,
    env: childEnvironment(process.env, {
      preloadPath: findPreload(),
      roots: session.roots.map((r) => r.path),
      passThrough: inputs.passThrough,
      quota: inputs.quota,
      spoolDir: session.spoolDir,
    }),
  });

  await conclude(session, result);
  markFinished();
  if (result.exitCode !== 0) {
    core.setFailed(result.exitCode === null ? 'The command was killed before it exited.' : `The command failed with exit code ${result.exitCode}.`);
    if (result.exitCode !== null) process.exitCode = result.exitCode;
  }
}

function startSession(): Session {
  const inputs = parseInputs((name) => core.getInput(name));
  findPreload(); // fail before running anything when the bundle is incomplete
  const session: Session = {
    inputs,
    roots: overlayRoots(inputs),
    spoolDir: createSpool(),
    stagingDir: createStagingDir(process.env.RUNNER_TEMP || tmpdir(), randomBytes(6).toString('hex')),
    startedAt: Date.now(),
  };
  saveSession(session);
  return session;
}

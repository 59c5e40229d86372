// What the post step needs to finish a run that main could not: main saves it before the command starts (so a
// step killed by timeout-minutes or a cancel still leaves it), and marks the run finished once it has reported.
// The runner passes saved state to the post step as STATE_<name> variables.
import * as core from '@actions/core';
import path from 'node:path';
import type { RootInfo } from '../changes/types.js';
import type { ActionInputs } from './inputs.js';

export interface Session {
  inputs: ActionInputs;
  roots: RootInfo[];
  spoolDir: string;
  /** RUNNER_TEMP/memfs-action-<id>: the script file and the export. */
  stagingDir: string;
  startedAt: number;
  /** Added with the kernel engine: the engine used, why, and for the kernel's capture the pass-through globs. */
  engine?: { used: 'preload' | 'kernel'; why: string; requested: 'preload' | 'kernel' | 'auto'; passThrough?: string[] };
}

/** Where main keeps its picture of the roots from before the command, for a post step that stands in for it. */
export function savedDiskCheck(session: Session): string {
  return path.join(session.stagingDir, 'disk-before.json');
}

const sessionKey = 'memfs-session';
const finishedKey = 'memfs-finished';
const postKey = 'isPost';

/** First thing main does: whatever happens next, the post step of this job must not run the command again. */
export function markMainStarted(): void {
  core.saveState(postKey, 'true');
}

export function saveSession(session: Session): void {
  core.saveState(sessionKey, JSON.stringify(session));
}

export function markFinished(): void {
  core.saveState(finishedKey, 'true');
}

export function isPostStep(): boolean {
  return core.getState(postKey) === 'true';
}

export function loadSession(): { session?: Session; finished: boolean } {
  const saved = core.getState(sessionKey);
  return { session: saved ? (JSON.parse(saved) as Session) : undefined, finished: core.getState(finishedKey) === 'true' };
}

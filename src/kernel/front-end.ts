// What a front end (the CLI; the action later) calls to run a command under the kernel engine: the plan from its
// options, and the change set from what the launcher captured. Kept apart from cli/ so that both front ends share it.
import { withoutInheritedPreloadVariables } from '../frontend/preload-variables.js';
import { readConfig, thisMachine } from '../preload/config.js';
import type { CaptureGap, ChangeSet, RootInfo } from '../changes/types.js';
import type { EngineChoice } from './engine-choice.js';
import { askLauncher, kernelFolders, startKernelRun, type KernelRun } from './run-kernel.js';
import { changeSetOfCapture, readCaptureFile } from './capture.js';

export type { KernelRun } from './run-kernel.js';

export interface KernelFrontEndOptions {
  roots: RootInfo[];
  command: string[];
}

/**
 * Starts the command under the kernel engine. `preloadEnv` is the environment the preload engine would have given the
 * command: its MEMFS_* variables say the roots, the pass-through paths and the quota (the tmpfs's size), read with the
 * preload's own rules; the command itself gets the caller's environment without any of them.
 */
export function startKernelEngine(options: KernelFrontEndOptions, engine: Extract<EngineChoice, { engine: 'kernel' }>,
  preloadEnv: NodeJS.ProcessEnv, spoolDir: string): KernelRun {
  const read = readConfig(preloadEnv, thisMachine);
  if (read.disabled) throw new Error('the overlay configuration is disabled');
  return startKernelRun({
    way: engine.way, programs: engine.programs, caller: engine.caller,
    command: options.command, cwd: process.cwd(), env: withoutInheritedPreloadVariables(process.env),
    roots: options.roots, passThrough: read.config.passThrough, sizeBytes: read.config.quotaBytes, spoolDir,
  });
}

/** The change set of a kernel run: its upper layer read into the fold's model, or a gap saying why there is none. */
export function kernelChangeSet(kernel: KernelRun, options: KernelFrontEndOptions): ChangeSet {
  const capture = kernel.capture();
  return capture ? kernel.changeSet(capture) : uncaptured(options.roots);
}

/** The same from the spool alone (the action, whose post step may stand in for a killed main step). */
export function kernelChangeSetOfSpool(spoolDir: string, roots: RootInfo[], passThrough: string[]): ChangeSet {
  const { capture: captureDir, provenance: provenanceDir } = kernelFolders(spoolDir);
  const capture = readCaptureFile(captureDir);
  return capture ? changeSetOfCapture(capture, { captureDir, roots, passThrough, provenanceDir }) : uncaptured(roots);
}

function uncaptured(roots: RootInfo[]): ChangeSet {
  const gap: CaptureGap = { reason: 'other', detail: 'the kernel engine ended before it could copy its upper layer out: what the command changed is unknown (the disk was not changed)' };
  return { roots: roots.slice(), writers: [], changes: [], gaps: [gap] };
}

/**
 * For a post step after a killed main step: a launcher still running (its command outlived the step) is asked to end
 * the command, and given `timeoutMs` to capture; true once its capture is there. Its namespace, and every mount in
 * it, ends with it.
 */
export async function stopKernelRun(spoolDir: string, timeoutMs = 10_000): Promise<boolean> {
  const captureDir = kernelFolders(spoolDir).capture;
  if (readCaptureFile(captureDir)) return true;
  askLauncher(spoolDir, 'SIGTERM');
  for (const started = Date.now(); Date.now() - started < timeoutMs; ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (readCaptureFile(captureDir)) return true;
  }
  return false;
}

/** The pass-through globs the preload would use, from the environment the preload engine would give the command. */
export function passThroughOf(preloadEnv: NodeJS.ProcessEnv): string[] {
  const read = readConfig(preloadEnv, thisMachine);
  return read.disabled ? [] : read.config.passThrough;
}

/** The command's own exit, as the launcher recorded it (unshare and sudo only pass on a code). */
export function kernelExit(kernel: KernelRun): { code: number | null; signal: string | null } | undefined {
  return kernel.capture()?.exit;
}

/**
 * The command's environment under the kernel engine, from the one the preload engine would give it: the same
 * variables (the runner's tokens already withheld), without the preload — no MEMFS_* of the front end's, and the
 * caller's own NODE_OPTIONS.
 */
export function withoutPreload(preloadEnv: Record<string, string>, callerNodeOptions: string | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(withoutInheritedPreloadVariables(preloadEnv))) if (value !== undefined) env[name] = value;
  if (callerNodeOptions === undefined) delete env.NODE_OPTIONS;
  else env.NODE_OPTIONS = callerNodeOptions;
  return env;
}

/** The tmpfs's size, from the quota the preload engine would use (1 GiB by default); undefined: unlimited. */
export function quotaOf(preloadEnv: NodeJS.ProcessEnv): number | undefined {
  const read = readConfig(preloadEnv, thisMachine);
  return read.disabled ? undefined : read.config.quotaBytes;
}

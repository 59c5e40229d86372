// What a front end (the CLI; the action later) calls to run a command under the kernel engine: the plan from its
// options, and the change set from what the launcher captured. Kept apart from cli/ so that both front ends share it.
import { withoutInheritedPreloadVariables } from '../frontend/preload-variables.js';
import { readConfig, thisMachine } from '../preload/config.js';
import type { CaptureGap, ChangeSet, RootInfo } from '../changes/types.js';
import type { EngineChoice } from './engine-choice.js';
import { startKernelRun, type KernelRun } from './run-kernel.js';

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
  if (capture) return kernel.changeSet(capture);
  const gap: CaptureGap = { reason: 'other', detail: 'the kernel engine ended before it could copy its upper layer out: what the command changed is unknown (the disk was not changed)' };
  return { roots: options.roots.slice(), writers: [], changes: [], gaps: [gap] };
}

/** The command's own exit, as the launcher recorded it (unshare and sudo only pass on a code). */
export function kernelExit(kernel: KernelRun): { code: number | null; signal: string | null } | undefined {
  return kernel.capture()?.exit;
}

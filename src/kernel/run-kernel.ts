// The front end's side of a kernel-engine run: write the launcher's plan, start it in its namespaces, pass signals on,
// and read back what it captured. The command's environment carries no preload: every program of the command, Node
// or not, sees the same overlay because the kernel gives it to them.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ChangeSet, RootInfo } from '../changes/types.js';
import { changeSetOfCapture, readCaptureFile } from './capture.js';
import { signalFileName, type CaptureFile, type LaunchPlan } from './plan.js';
import { namespaceCommand, wayDetails, type Caller, type Programs, type WayIn } from './ways-in.js';
import { withPreload } from '../preload/node-options.js';
import { recordVariable, type RecordConfig } from '../recorder/record-config.js';

export interface KernelRunSetup {
  way: WayIn;
  programs: Programs;
  caller: Caller;
  command: string[];
  cwd: string;
  /** The command's environment, as it gets it. */
  env: NodeJS.ProcessEnv;
  roots: RootInfo[];
  /** Absolute pass-through globs and paths, as the preload reads them (config.ts). */
  passThrough: string[];
  /** The tmpfs's size: the memory the run's changes may hold; undefined: the kernel's default (half the RAM). */
  sizeBytes: number | undefined;
  spoolDir: string;
}

export interface KernelRun {
  child: ChildProcess;
  /** Asks the launcher to pass a signal on to the command (unshare and sudo pass nothing on). */
  signal(signal: NodeJS.Signals): void;
  /** After the child's exit: what the launcher captured; undefined when it never got as far. */
  capture(): CaptureFile | undefined;
  changeSet(capture: CaptureFile): ChangeSet;
}

/** Where a run's launcher works in the spool: found again from the spool alone (the action's post step does). */
export function kernelFolders(spoolDir: string): { work: string; staging: string; capture: string; provenance: string } {
  const work = path.join(spoolDir, 'kernel');
  return { work, staging: path.join(work, 'staging'), capture: path.join(work, 'capture'), provenance: path.join(work, 'provenance') };
}

/** Asks a running launcher to pass a signal on to the command (unshare and sudo pass nothing on). */
export function askLauncher(spoolDir: string, signal: NodeJS.Signals): void {
  try {
    fs.writeFileSync(path.join(kernelFolders(spoolDir).capture, signalFileName), signal);
  } catch {
    // the launcher is gone already
  }
}

export function startKernelRun(setup: KernelRunSetup): KernelRun {
  const { work, staging: stagingDir, capture: captureDir, provenance: provenanceDir } = kernelFolders(setup.spoolDir);
  fs.mkdirSync(work); // one run per spool
  fs.mkdirSync(stagingDir);
  fs.mkdirSync(captureDir);
  fs.mkdirSync(provenanceDir);
  const outermost = outermostRoots(setup.roots.map((r) => r.path));
  const env = withRecorder(definedOnly(setup.env), setup.programs.recorder, { folder: provenanceDir, roots: setup.roots.map((r) => r.path) });
  const plan: LaunchPlan = {
    stagingDir, sizeBytes: setup.sizeBytes, roots: outermost,
    allRoots: setup.roots.map((r) => r.path), passThrough: setup.passThrough,
    ...wayDetails(setup.way, setup.caller),
    programs: { mount: setup.programs.mount, unshare: setup.programs.unshare, setpriv: setup.programs.setpriv },
    command: setup.command, cwd: setup.cwd, env, captureDir,
  };
  const planFile = path.join(work, 'plan.json');
  fs.writeFileSync(planFile, JSON.stringify(plan), { mode: 0o600 });
  const [program, ...args] = namespaceCommand(setup.way, setup.programs, planFile) as [string, ...string[]];
  // unshare and sudo run with this process's environment; only the launcher hands the command its own.
  const child = spawn(program, args, { stdio: 'inherit', env: process.env });
  return {
    child,
    signal: (signal) => askLauncher(setup.spoolDir, signal),
    capture: () => readCaptureFile(captureDir),
    changeSet: (capture) => changeSetOfCapture(capture, { captureDir, roots: setup.roots, passThrough: setup.passThrough, provenanceDir }),
  };
}

/** Roots inside another root are covered by its overlay: one overlay each for the others. */
export function outermostRoots(roots: string[]): string[] {
  return [...new Set(roots)].filter((root) => !roots.some((other) => other !== root && root.startsWith(other === '/' ? '/' : other + '/'))).sort();
}

function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) out[key] = value;
  return out;
}

/**
 * The command's environment with the recording preload in front of its NODE_OPTIONS (the user's own kept after it)
 * and where it records: every Node process of the command then says which paths it changed (src/recorder/).
 */
export function withRecorder(env: Record<string, string>, recorder: string | undefined, config: RecordConfig): Record<string, string> {
  if (recorder === undefined) return env;
  return { ...env, NODE_OPTIONS: withPreload(recorder, env.NODE_OPTIONS), [recordVariable]: JSON.stringify(config) };
}

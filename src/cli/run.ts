// `memfs-action run`: the command under the overlay, then — when it failed, or when asked — its changes folded,
// exported and summarised. The story: prepare the spool, run, capture, report, exit with the command's code.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { startDiskCheck } from '../changes/disk-check.js';
import { exportChangeSet } from '../changes/export.js';
import { foldJournals } from '../changes/fold.js';
import { createSpool, removeSpool } from '../changes/spool.js';
import type { ChangeSet, DiskCheck } from '../changes/types.js';
import { withoutInheritedPreloadVariables } from '../frontend/preload-variables.js';
import { configToEnv } from '../preload/config.js';
import { shimsForCommand } from '../shim/command-path.js';
import { renderJobSummary } from '../report/job-summary.js';
import { renderDiskChanges, renderTerminalReport } from '../report/terminal.js';
import type { ReportInput } from '../report/types.js';
import type { RunOptions } from './options.js';
import { findPreload } from './preload-path.js';
import { gitIgnoreHint } from './git-hint.js';
import { makeStaging, publish } from './out-dir.js';
import { withPreload } from '../preload/node-options.js';
import { chooseEngine, KernelEngineUnavailable, type EngineChoice } from '../kernel/engine-choice.js';
import { startKernelEngine, kernelExit, kernelChangeSet, type KernelRun } from '../kernel/front-end.js';

export interface CommandOutcome {
  /** The code to exit with: the command's, 128+N for a signal N, 130 after Ctrl-C. */
  exitCode: number;
  /** What the reports show: null when a signal ended the command. */
  reportedExitCode: number | null;
  interrupted: boolean;
  durationMs: number;
}

export interface RunIo {
  /** Where the summary and the CLI's own messages go (the command keeps stdout to itself). */
  log(text: string): void;
  color: boolean;
}

export async function runCommand(options: RunOptions, io: RunIo): Promise<number> {
  const preload = findPreload();
  const spoolDir = createSpool({ limitBytes: options.spoolLimitBytes });
  let shims: ReturnType<typeof shimsForCommand> | undefined;
  try {
    const env = commandEnvironment(options, preload, spoolDir);
    let engine: EngineChoice;
    try {
      engine = chooseEngine(options.engine, { spoolDir, roots: options.roots.map((r) => r.path) });
    } catch (error) {
      if (!(error instanceof KernelEngineUnavailable)) throw error;
      io.log(`memfs-action: --engine kernel: ${error.message}. Use --engine preload (or auto, which falls back to it).\n`);
      return 2;
    }
    if (options.engine !== 'preload') io.log(`memfs-action: ${engine.why}.\n`);
    // In the spool, removed with it; elsewhere only when the spool's filesystem cannot hold programs.
    if (engine.engine === 'preload') shims = shimsForCommand(env, preload, [spoolDir, os.tmpdir()]);
    // The disk as the command finds it: taken last, so that nothing this front end wrote before counts.
    const diskCheck = startDiskCheck({ roots: options.roots, env, ownFolders: [options.outDir] });
    const kernel = engine.engine === 'kernel' ? startKernelEngine(options, engine, env, spoolDir) : undefined;
    const outcome = kernel ? withCommandExit(await superviseCommand(kernel.child, 'unshare', kernel.signal), kernel) : await runUnderOverlay(options.command, env);
    const disk = diskCheck.finish(); // before the export writes anything
    const commandLine = options.command.join(' ');
    const failed = outcome.exitCode !== 0;
    const shouldExport = options.exportWhen === 'always' || (options.exportWhen === 'on-failure' && failed);
    if (!shouldExport) {
      reportWithoutExport(options, outcome, disk, io);
      return outcome.exitCode;
    }
    const engineNote = options.engine !== 'preload' ? [`Engine: ${engine.why}.`] : [];
    capture(options, spoolDir, commandLine, outcome, disk, io, kernel, engineNote);
    return outcome.exitCode;
  } finally {
    removeSpool(spoolDir);
    shims?.remove();
  }
}

/**
 * A run that exports nothing still says what changed on the real disk: the command's result does not make a write
 * that escaped the overlay any less real. "Stayed in memory" is said only when nothing did.
 */
function reportWithoutExport(options: RunOptions, outcome: CommandOutcome, disk: DiskCheck, io: RunIo): void {
  const escaped = disk.changed.length;
  const onDisk = `${escaped} ${escaped === 1 ? 'path' : 'paths'} under the roots changed on the real disk during the run, outside the overlay`;
  if (outcome.exitCode !== 0) {
    io.log(`memfs-action: the command failed (exit code ${outcome.exitCode}); nothing exported (--export never)${escaped > 0 ? `; ${onDisk}:` : '.'}\n`);
  } else if (escaped === 0) {
    io.log('memfs-action: the command passed; what it wrote stayed in memory (--export always keeps a copy).\n');
  } else {
    io.log(`memfs-action: the command passed; what its Node processes wrote stayed in memory, but ${onDisk}:\n`);
  }
  const changeSet: ChangeSet = { roots: options.roots, writers: [], changes: [], gaps: [], disk };
  io.log(renderDiskChanges(changeSet, { color: io.color, width: terminalWidth(), fullList: '--export always lists them all in manifest.json' }));
}

function capture(options: RunOptions, spoolDir: string, command: string, outcome: CommandOutcome, disk: DiskCheck, io: RunIo,
  kernel: KernelRun | undefined, engineNote: string[]): void {
  const warnings: string[] = [...engineNote];
  if (outcome.interrupted) warnings.push('The run was interrupted (Ctrl-C): files still open in a process that did not exit cleanly may be missing.');
  let changeSet: ChangeSet;
  try {
    changeSet = { ...(kernel ? kernelChangeSet(kernel, options) : foldJournals({ spoolDir, roots: options.roots })), disk };
  } catch (error) {
    io.log(`memfs-action: could not collect the changes: ${(error as Error).message}\n`);
    io.log(renderDiskChanges({ roots: options.roots, writers: [], changes: [], gaps: [], disk }, { color: io.color, fullList: 'not exported' }));
    return;
  }
  const report: ReportInput = { changeSet, command, exitCode: outcome.reportedExitCode, durationMs: outcome.durationMs, warnings };
  const plan = options.outPlan ?? { path: options.outDir };
  let staging: string | undefined;
  let hint: string | undefined;
  try {
    // Written aside, then renamed into place: never half an export at --out, never mixed with another run's.
    staging = makeStaging(plan);
    const result = exportChangeSet(changeSet, {
      outDir: staging, command, exitCode: outcome.reportedExitCode, durationMs: outcome.durationMs,
      includeTransient: options.includeTransient, exclude: options.exclude,
      renderSummary: (exported) => renderJobSummary({ ...report, changeSet: exported, exportDir: options.outDir }),
    });
    if (result.changeSet) report.changeSet = result.changeSet;
    const published = publish(staging, plan);
    staging = undefined;
    report.exportDir = published.dir;
    if (published.note) warnings.push(published.note);
    hint = gitIgnoreHint(published.dir);
  } catch (error) {
    warnings.push(`The export failed: ${(error as Error).message}`);
  } finally {
    changeSet.content?.close?.(); // the journals' descriptors, before the spool is removed
    if (staging !== undefined) fs.rmSync(staging, { recursive: true, force: true });
  }
  io.log(renderTerminalReport(report, { color: io.color, width: terminalWidth() }) + '\n');
  if (hint !== undefined) io.log(`memfs-action: ${hint}\n`);
}

/** The report goes to stderr: wrapped to its width on a terminal, one line per sentence in a log or a pipe. */
function terminalWidth(): number | undefined {
  return process.stderr.isTTY ? Math.max(60, process.stderr.columns || 100) : undefined;
}

function commandEnvironment(options: RunOptions, preload: string, spoolDir: string): NodeJS.ProcessEnv {
  return {
    ...withoutInheritedPreloadVariables(process.env), // every MEMFS_* the command sees is set here
    ...configToEnv({
      roots: options.roots.map((r) => r.path),
      passThrough: options.passThrough,
      spoolDir,
      ...(options.spoolLimitBytes !== undefined ? { spoolLimitBytes: options.spoolLimitBytes } : {}),
    }),
    ...(options.quota !== undefined ? { MEMFS_QUOTA: options.quota } : {}),
    NODE_OPTIONS: withPreload(preload, process.env.NODE_OPTIONS),
  };
}

function runUnderOverlay(command: string[], env: NodeJS.ProcessEnv): Promise<CommandOutcome> {
  const [program, ...args] = command as [string, ...string[]];
  const child = args.length === 0 ? spawn(program, { shell: true, stdio: 'inherit', env }) : spawn(program, args, { stdio: 'inherit', env });
  return superviseCommand(child, program, (signal) => child.kill(signal));
}

/** Under the kernel engine the command's own end is what the launcher recorded (the namespace's tools pass a code). */
function withCommandExit(outcome: CommandOutcome, kernel: KernelRun): CommandOutcome {
  const exit = kernelExit(kernel);
  if (!exit) return outcome;
  if (exit.code !== null) return { ...outcome, exitCode: outcome.interrupted ? 130 : exit.code, reportedExitCode: exit.code };
  const number = os.constants.signals[exit.signal as NodeJS.Signals] ?? 0;
  return { ...outcome, exitCode: outcome.interrupted ? 130 : 128 + number, reportedExitCode: null };
}

/** Waits for the command, passing interrupts and terminations on through `pass`. */
function superviseCommand(child: ChildProcess, program: string, pass: (signal: NodeJS.Signals) => void): Promise<CommandOutcome> {
  const started = performance.now();

  return new Promise((resolve) => {
    let interrupted = false;
    let interrupts = 0;
    // Ctrl-C in a terminal reaches the whole foreground group, the command included: let it wind down, and export
    // what it made visible. A second Ctrl-C, or a SIGINT sent to us alone, is passed on; a third kills.
    const onInterrupt = () => {
      interrupted = true;
      interrupts++;
      if (interrupts === 1 && process.stdin.isTTY) return;
      pass(interrupts >= 3 ? 'SIGKILL' : 'SIGINT');
    };
    // Asked to stop (a CI timeout, a closed terminal): pass it on, and still export what the command left.
    const onTerminate = (signal: NodeJS.Signals) => pass(signal);
    process.on('SIGINT', onInterrupt);
    process.on('SIGTERM', onTerminate);
    process.on('SIGHUP', onTerminate);
    const finish = (outcome: Omit<CommandOutcome, 'durationMs' | 'interrupted'>) => {
      process.off('SIGINT', onInterrupt);
      process.off('SIGTERM', onTerminate);
      process.off('SIGHUP', onTerminate);
      const exitCode = interrupted ? 130 : outcome.exitCode;
      resolve({ ...outcome, exitCode, interrupted, durationMs: performance.now() - started });
    };
    child.on('error', (error) => {
      process.stderr.write(`memfs-action: could not start ${program}: ${error.message}\n`);
      finish({ exitCode: 127, reportedExitCode: 127 });
    });
    child.on('exit', (code, signal) => {
      if (code !== null) return finish({ exitCode: code, reportedExitCode: code });
      const number = signal ? (os.constants.signals[signal] ?? 0) : 0;
      finish({ exitCode: 128 + number, reportedExitCode: null });
    });
  });
}

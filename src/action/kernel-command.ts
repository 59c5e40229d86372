// The action's command under the kernel engine: the same script file and shell as a plain step, started by the
// launcher inside its namespace (src/kernel/), its output streamed to the step log; the result from what the
// launcher recorded. A cancel's SIGINT/SIGTERM reaches the command through the launcher.
import type { EngineChoice } from '../kernel/engine-choice.js';
import { passThroughOf, quotaOf, withoutPreload } from '../kernel/front-end.js';
import { startKernelRun } from '../kernel/run-kernel.js';
import type { RootInfo } from '../changes/types.js';
import type { CommandResult } from './command.js';

export async function runKernelCommand(o: {
  engine: Extract<EngineChoice, { engine: 'kernel' }>;
  argv: string[];
  cwd: string;
  /** The environment the preload engine would give the command: its MEMFS_* say the roots' pass-through and quota. */
  preloadEnv: Record<string, string>;
  roots: RootInfo[];
  spoolDir: string;
}): Promise<CommandResult> {
  const started = Date.now();
  const run = startKernelRun({
    way: o.engine.way, programs: o.engine.programs, caller: o.engine.caller,
    command: o.argv, cwd: o.cwd, env: withoutPreload(o.preloadEnv, process.env.NODE_OPTIONS),
    roots: o.roots, passThrough: passThroughOf(o.preloadEnv), sizeBytes: quotaOf(o.preloadEnv), spoolDir: o.spoolDir,
  });
  const pass = (signal: NodeJS.Signals) => run.signal(signal);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, pass);
  try {
    await new Promise<void>((resolve, reject) => {
      run.child.on('error', reject);
      run.child.on('exit', () => resolve());
    });
  } finally {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.off(signal, pass);
  }
  const exit = run.capture()?.exit;
  return { exitCode: exit?.code ?? (exit ? null : run.child.exitCode), durationMs: Date.now() - started };
}

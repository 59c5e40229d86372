// Runs the user's command the way a `run:` step would — a script file handed to the shell — with its output streamed
// live to the step log, and returns its exit code instead of throwing on failure.
import * as exec from '@actions/exec';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export interface CommandResult {
  /** null when the shell did not report one (killed by a signal). */
  exitCode: number | null;
  durationMs: number;
}

export async function runCommand(o: {
  script: string;
  shell: string[];
  cwd: string;
  env: Record<string, string>;
  scriptDir: string;
}): Promise<CommandResult> {
  const argv = scriptCommand(o);
  const started = Date.now();
  const exitCode = await exec.exec(argv[0], argv.slice(1), { cwd: o.cwd, env: o.env, ignoreReturnCode: true });
  return { exitCode: Number.isInteger(exitCode) ? exitCode : null, durationMs: Date.now() - started };
}

/** Writes the script file and returns the shell's argv that runs it, `{0}` replaced by the file. */
export function scriptCommand(o: { script: string; shell: string[]; scriptDir: string }): string[] {
  const scriptPath = path.join(o.scriptDir, 'command.sh');
  writeFileSync(scriptPath, `${o.script}\n`, { mode: 0o700 });
  return o.shell.map((arg) => arg.replaceAll('{0}', scriptPath));
}

// `--engine preload|kernel|auto`: which engine runs the command, and why, in words the log and the summary show.
// `kernel` fails with what is missing when no way in works; `auto` then falls back to the preload and says why.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { currentCaller, findProgram, probeWaysIn, wayLabels, type Attempt, type Caller, type Programs, type WayIn } from './ways-in.js';

export type EngineRequest = 'preload' | 'kernel' | 'auto';
export const engineRequests: readonly EngineRequest[] = ['preload', 'kernel', 'auto'];

export type EngineChoice =
  | { engine: 'preload'; why: string }
  | { engine: 'kernel'; way: WayIn; programs: Programs; caller: Caller; why: string };

/** `kernel` asked for where no way in works; each front end words it with its own flag or input. */
export class KernelEngineUnavailable extends Error {
  override readonly name = 'KernelEngineUnavailable';
  constructor(readonly whyNot: string) {
    super(`the kernel's overlay cannot be set up here: ${whyNot}`);
  }
}

export interface ChoiceContext {
  /** The run's spool: the probe's scratch folders go there, and it must lie outside the roots. */
  spoolDir: string;
  roots: string[];
  env?: NodeJS.ProcessEnv;
}

export function chooseEngine(request: EngineRequest, context: ChoiceContext): EngineChoice {
  if (request === 'preload') return { engine: 'preload', why: 'the default engine' };
  const found = kernelEngineOrWhyNot(context);
  if ('way' in found) {
    const how = `${request === 'auto' ? 'auto chose the kernel engine' : 'kernel engine'}: overlayfs on a tmpfs in a private mount namespace, entered ${wayLabels[found.way]}`;
    return { engine: 'kernel', way: found.way, programs: found.programs, caller: found.caller, why: how };
  }
  if (request === 'kernel') throw new KernelEngineUnavailable(found.whyNot);
  return { engine: 'preload', why: `auto chose the preload engine: the kernel's overlay cannot be set up here (${found.whyNot})` };
}

function kernelEngineOrWhyNot(context: ChoiceContext): { way: WayIn; programs: Programs; caller: Caller } | { whyNot: string } {
  if (process.platform !== 'linux') return { whyNot: `overlayfs in a mount namespace is Linux only (this is ${process.platform})` };
  const env = context.env ?? process.env;
  const missing: string[] = [];
  const need = (name: string): string => {
    const found = findProgram(name, env);
    if (found === undefined) missing.push(name);
    return found ?? name;
  };
  const programs: Programs = {
    node: process.execPath, launcher: findKernelLauncher(), recorder: findRecorder(), mount: need('mount'), unshare: need('unshare'), setpriv: need('setpriv'),
    sudo: findProgram('sudo', env),
  };
  if (missing.length > 0) return { whyNot: `${missing.join(', ')} not found on PATH (util-linux)` };
  const spoolRoot = context.roots.find((root) => context.spoolDir === root || context.spoolDir.startsWith(root + '/'));
  if (spoolRoot !== undefined) return { whyNot: `the spool ${context.spoolDir} lies inside the root ${spoolRoot} (no room in /dev/shm?)` };
  const caller = currentCaller();
  const attempts = probeWaysIn(programs, caller, context.spoolDir, env);
  const working = attempts.find((a) => a.ok);
  if (working) return { way: working.way, programs, caller };
  return { whyNot: describeAttempts(attempts) };
}

export function describeAttempts(attempts: Attempt[]): string {
  return attempts.map((a) => `entering ${wayLabels[a.way]}: ${a.ok ? 'works' : a.reason ?? 'failed'}`).join('; ');
}

/** dist/kernel-launcher.mjs ships next to dist/cli.mjs; from source it is the repository's built one. */
export function findKernelLauncher(moduleUrl: string = import.meta.url): string {
  const candidates = [new URL('./kernel-launcher.mjs', moduleUrl), new URL('../../dist/kernel-launcher.mjs', moduleUrl)].map((u) => fileURLToPath(u));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`kernel-launcher.mjs was not found next to the CLI (${path.dirname(candidates[0]!)}); rebuild with "npm run build".`);
  return found;
}

/** dist/recorder.cjs, the recording preload, beside the launcher; undefined when it was not built (no provenance). */
export function findRecorder(moduleUrl: string = import.meta.url): string | undefined {
  return [new URL('./recorder.cjs', moduleUrl), new URL('../../dist/recorder.cjs', moduleUrl)].map((u) => fileURLToPath(u)).find((p) => existsSync(p));
}

// `memfs-action run …` read into one typed object before anything runs. Every bad value stops here with a message
// that names the flag and what it accepts (exit code 2), the way the action treats its inputs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ENV, configToEnv, readConfig, thisMachine } from '../preload/config.js';
import { exportExclusions } from '../changes/secret-files.js';
import type { RootInfo } from '../changes/types.js';
import { preloadProblems } from '../frontend/preload-variables.js';
import { checkOutDir, type OutDirPlan } from './out-dir.js';
import { engineRequests, type EngineRequest } from '../kernel/engine-choice.js';

export type ExportWhen = 'on-failure' | 'always' | 'never';
const exportWhens: readonly ExportWhen[] = ['on-failure', 'always', 'never'];

export interface RunOptions {
  outDir: string;
  /** What the check before the run found at --out (out-dir.ts); undefined with --export never. */
  outPlan?: OutDirPlan;
  roots: RootInfo[];
  passThrough: string[];
  exportWhen: ExportWhen;
  /** As MEMFS_QUOTA takes it; undefined: the preload's default. */
  quota: string | undefined;
  /** What the run's spool may hold (MEMFS_SPOOL_LIMIT); undefined: no cap beyond the free space it keeps. */
  spoolLimitBytes: number | undefined;
  /** The secret-file patterns (unless --include-secret-files) and the user's --exclude patterns. */
  exclude: string[];
  includeTransient: boolean;
  /** One element: a shell command line. More: a program and its arguments, run without a shell. */
  command: string[];
  /** Which engine runs the command (src/kernel/engine-choice.ts). */
  engine: EngineRequest;
}

export type Invocation = { kind: 'help' } | { kind: 'version' } | { kind: 'run'; options: RunOptions };

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const usage = `Usage: memfs-action run [options] -- <command> [args…]
       memfs-action --version | --help

Runs <command> with every Node process it starts writing to an in-memory copy-on-write overlay: the real disk
stays exactly as it was. When the command fails, what it changed is exported to a folder and summarised.
One argument after -- runs through the shell ("npm test && npm run lint"); several run as a program and its
arguments. The exit code is the command's (130 after Ctrl-C, 128+N when a signal N ended it).

Options:
  --out DIR             Folder for the export (files/, transient/, manifest.json, summary.md).
                        Default: ./memfs-report. It must be new, empty or hold an earlier export (which
                        is replaced); checked before the command runs. A run that finds it taken by
                        another run meanwhile exports beside it (DIR-2, …).
  --force               Let the export replace a folder --out names even when it holds other files
                        (they are deleted). Never a file, a link, or a folder holding a root.
  --root PATH           A folder whose writes stay in memory. Repeat for several. Default: the working
                        directory and the temp dir.
  --pass-through GLOB   A path or glob that stays on the real disk (relative: below every root; no slash:
                        at any depth). Repeat for several. Added to the defaults (node_modules/, coverage/, …).
  --export WHEN         on-failure (default), always, or never.
  --exclude GLOB        Never export the content of matching files (still listed in the manifest).
                        Relative to a root; no slash: at any depth. Repeat for several. Added to the
                        secret files never exported by default (.env*, *.pem, *.key, id_rsa*, .npmrc,
                        .netrc, .git-credentials, .aws/credentials, … see docs/configuration.md).
  --include-secret-files
                        Export the content of those secret files too.
  --no-transient        Do not keep the content of files made and removed during the run.
  --quota SIZE          Memory the overlay may hold per process, e.g. 512m, 2g, or unlimited. Default: 1g.
                        A write beyond it fails with ENOSPC.
  --spool-limit SIZE    What the journals of all processes together may hold, e.g. 2g. Default: no cap,
                        but at least max(256m, 5 %) of the spool's filesystem (RAM for /dev/shm) stays free.
                        A write beyond it fails with ENOSPC.
  --engine ENGINE       preload (default): the overlay lives in every Node process; kernel: Linux's
                        overlayfs on a tmpfs in a private mount namespace, for every program of the command
                        (root, a user namespace or passwordless sudo); auto: kernel where it can be set up,
                        else preload. See docs/kernel-engine.md.
  -h, --help            Show this help.
  --version             Print the version.

Exit codes: the command's; 2 for a usage error (nothing was run).

Example: memfs-action run -- npm test
`;

export function parseInvocation(argv: string[], cwd = process.cwd(), callerEnv: NodeJS.ProcessEnv = process.env): Invocation {
  const [subcommand, ...rest] = argv;
  if (subcommand === undefined) throw new UsageError('no command given; write memfs-action run -- <command>, e.g. memfs-action run -- npm test (see --help).');
  if (subcommand === '-h' || subcommand === '--help' || subcommand === 'help') return { kind: 'help' };
  if (subcommand === '--version' || subcommand === '-v' || subcommand === 'version') return { kind: 'version' };
  if (subcommand !== 'run') throw new UsageError(`unknown command "${subcommand}"; the only command is "run" (see --help).`);
  const separator = rest.indexOf('--');
  const ours = separator === -1 ? rest : rest.slice(0, separator);
  let parsed;
  try {
    parsed = parseArgs({
      args: ours,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string' },
        root: { type: 'string', multiple: true },
        'pass-through': { type: 'string', multiple: true },
        export: { type: 'string' },
        exclude: { type: 'string', multiple: true },
        'no-transient': { type: 'boolean' },
        'include-secret-files': { type: 'boolean' },
        quota: { type: 'string' },
        'spool-limit': { type: 'string' },
        force: { type: 'boolean' },
        engine: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '.');
    throw new UsageError(`${message} Options go before "--", the command after it (see --help).`);
  }
  if (parsed.values.help) return { kind: 'help' };
  if (parsed.values.version) return { kind: 'version' };
  const command = separator === -1 ? parsed.positionals : [...parsed.positionals, ...rest.slice(separator + 1)];
  if (command.length === 0 || command[0] === '') throw new UsageError('no command given: write it after "--", e.g. memfs-action run -- npm test');

  const exportWhen = (parsed.values.export ?? 'on-failure') as ExportWhen;
  if (!exportWhens.includes(exportWhen)) {
    throw new UsageError(`--export: "${parsed.values.export}" is not one of ${exportWhens.join(', ')}.`);
  }
  const engine = (parsed.values.engine ?? 'preload') as EngineRequest;
  if (!engineRequests.includes(engine)) throw new UsageError(`--engine: "${parsed.values.engine}" is not one of ${engineRequests.join(', ')}.`);
  const outDir = path.resolve(cwd, parsed.values.out ?? 'memfs-report');
  if (parsed.values.out === '') throw new UsageError('--out: an empty path is not a folder; give a folder, e.g. --out ./memfs-report');
  const roots = labelRoots((parsed.values.root ?? []).map((root) => checkedRoot(root, cwd)), cwd);
  const passThrough = parsed.values['pass-through'] ?? [];
  for (const glob of passThrough) if (glob.trim() === '') throw new UsageError('--pass-through: an empty pattern matches nothing; remove it or give a path or glob.');
  const { spoolLimitBytes } = checkWithPreloadRules(roots, passThrough, parsed.values.quota, parsed.values['spool-limit'], callerEnv);
  const exclude = exportExclusions(parsed.values.exclude ?? [], parsed.values['include-secret-files'] === true);
  let outPlan: OutDirPlan | undefined;
  if (exportWhen !== 'never') {
    // Before the run, not after it: a --out that cannot take the export must not cost the capture.
    const checked = checkOutDir(outDir, { force: parsed.values.force === true, keep: [...roots.map((r) => r.path), fs.realpathSync(cwd), path.resolve(cwd)] });
    if ('problem' in checked) throw new UsageError(`--out: ${checked.problem}.`);
    outPlan = checked;
  }
  return {
    kind: 'run',
    options: {
      outDir, outPlan, roots, passThrough, exportWhen, quota: parsed.values.quota, spoolLimitBytes, exclude,
      includeTransient: !parsed.values['no-transient'], command, engine,
    },
  };
}

function checkedRoot(root: string, cwd: string): string {
  const absolute = path.resolve(cwd, root);
  let real: string;
  try {
    real = fs.realpathSync(absolute);
  } catch {
    throw new UsageError(`--root: "${root}" does not exist; give an existing folder.`);
  }
  if (!fs.statSync(real).isDirectory()) throw new UsageError(`--root: "${root}" is not a folder; give an existing folder.`);
  if (real === '/') throw new UsageError('--root: "/" cannot be a root (Node itself and every tool would run from memory); give a project or temp folder.');
  return real;
}

/** The preload reads the same values in every process: check them here with its own rules, before anything runs. */
function checkWithPreloadRules(roots: RootInfo[], passThrough: string[], quota: string | undefined,
  spoolLimit: string | undefined, callerEnv: NodeJS.ProcessEnv): { spoolLimitBytes: number | undefined } {
  const flagOf: Record<string, string> = {
    [ENV.quota]: '--quota', [ENV.spoolLimit]: '--spool-limit', [ENV.passThrough]: '--pass-through', [ENV.roots]: '--root',
    [ENV.codeCache]: `${ENV.codeCache} (from your environment; unset it or fix it)`,
  };
  if (spoolLimit?.trim() === '') throw new UsageError('--spool-limit: an empty value is not a size; give one, e.g. 2g, or leave the flag out.');
  const env = {
    ...(callerEnv[ENV.codeCache] !== undefined ? { [ENV.codeCache]: callerEnv[ENV.codeCache] } : {}),
    ...configToEnv({ roots: roots.map((r) => r.path), passThrough }),
    ...(quota !== undefined ? { [ENV.quota]: quota } : {}),
    ...(spoolLimit !== undefined ? { [ENV.spoolLimit]: spoolLimit } : {}),
  };
  const problems = preloadProblems(env).map(({ variable, problem }) => `${flagOf[variable] ?? variable}: ${problem}`);
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  const result = readConfig(env, thisMachine);
  return { spoolLimitBytes: result.disabled ? undefined : result.config.spoolLimitBytes };
}

/** The temp dir as the command's processes will see it, or undefined when it does not exist. */
function realTempDir(): string | undefined {
  try {
    return fs.realpathSync(os.tmpdir());
  } catch {
    return undefined;
  }
}

/** The roots, labelled for the export's top folders: the working directory is "workspace", the temp dir "tmp". */
export function labelRoots(paths: string[], cwd: string): RootInfo[] {
  const workspace = fs.realpathSync(cwd);
  const temp = realTempDir();
  if (paths.length === 0 && temp === undefined) {
    throw new UsageError(`the temp dir "${os.tmpdir()}" (TMPDIR) does not exist, and it is a root by default: create it, set TMPDIR to an existing folder, or name the roots with --root.`);
  }
  const chosen = [...new Set(paths.length > 0 ? paths : [workspace, temp!])];
  const used = new Set<string>();
  return chosen.map((p) => {
    const wanted = p === workspace ? 'workspace' : p === temp ? 'tmp' : path.basename(p).replace(/[^\w.-]/g, '_') || 'root';
    let label = wanted;
    for (let n = 2; used.has(label); n++) label = `${wanted}-${n}`;
    used.add(label);
    return { label, path: p };
  });
}

// The `node` the command finds first on its PATH: a POSIX sh script that puts the preload back into NODE_OPTIONS when
// a script replaced it (`NODE_OPTIONS=--experimental-vm-modules jest`), restores the run's MEMFS_* variables when a
// program started it with an environment of its own, and execs the node the user's PATH would have found without it.
// The preload itself hands itself on to the children and workers Node starts (src/preload/reach.ts); this catches the
// processes a shell or any other program starts by the name `node`. A node run by its absolute path (or through a
// PATH that puts another node first) passes it by: docs/configuration.md says what then stays on disk.
import { accessSync, chmodSync, constants, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { quoteForNodeOptions } from '../preload/node-options.js';

/** The names a Node is started by: `nodejs` is Debian's older name, shimmed only where the PATH has one. */
const nodeNames = ['node', 'nodejs'] as const;

export interface NodeShims {
  /** The folder to put first on the command's PATH; private (0700) to the user who runs memfs-action. */
  dir: string;
  /** Each name shimmed, and the real program its shim runs. */
  shims: Array<{ name: string; target: string }>;
}

export interface ShimSettings {
  /** Absolute path of the preload (dist/preload.cjs). */
  preloadPath: string;
  /** The run's MEMFS_* variables, set by the shim where the environment lacks them. */
  variables: Readonly<Record<string, string>>;
}

/**
 * Writes the shims into a fresh folder under the first of `parents` that can hold programs (a filesystem mounted
 * noexec, as /dev/shm sometimes is, cannot: its folder is removed and the next parent tried). Undefined when the
 * PATH has no node (the command cannot start one by name either) or no parent can hold programs.
 */
export function createNodeShims(parents: string[], pathValue: string | undefined, settings: ShimSettings): NodeShims | undefined {
  const targets = nodeNames.flatMap((name) => {
    const target = findOnPath(name, pathValue);
    return target === undefined ? [] : [{ name, target }];
  });
  if (targets.length === 0) return undefined;
  for (const parent of parents) {
    let dir: string | undefined;
    try {
      dir = mkdtempSync(path.join(parent, 'memfs-bin-'));
      for (const { name, target } of targets) {
        const file = path.join(dir, name);
        writeFileSync(file, shimScript({ ...settings, target }), { mode: 0o700 });
        chmodSync(file, 0o700); // whatever the umask
        accessSync(file, constants.X_OK); // EACCES on a noexec mount
      }
      return { dir, shims: targets };
    } catch {
      if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    }
  }
  return undefined;
}

/** The command's PATH with the shims first. */
export function pathWithShims(shims: NodeShims, pathValue: string | undefined): string {
  return pathValue ? `${shims.dir}${path.delimiter}${pathValue}` : shims.dir;
}

/**
 * The first executable regular file `name` in the PATH's folders, as a shell would find it. Relative folders ("",
 * ".", "node_modules/.bin") are skipped: they name another folder in every working directory, and the shim must exec
 * one fixed program.
 */
export function findOnPath(name: string, pathValue: string | undefined): string | undefined {
  for (const folder of (pathValue ?? '').split(path.delimiter)) {
    if (!path.isAbsolute(folder)) continue;
    const candidate = path.join(folder, name);
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not there, or not executable: the shell would go on too
    }
  }
  return undefined;
}

/** The shim's text: POSIX sh (dash included), every baked-in value single-quoted. */
export function shimScript(o: ShimSettings & { target: string }): string {
  const requirePreload = `--require ${quoteForNodeOptions(o.preloadPath)}`;
  const lines = [
    '#!/bin/sh',
    '# memfs-action: the real node, with the run\'s in-memory overlay preloaded (see docs/configuration.md).',
    `preload=${shellQuote(o.preloadPath)}`,
    '# The preload first; the options a script set itself after it.',
    'case ${NODE_OPTIONS-} in',
    '  *"$preload"*) ;;',
    `  *) NODE_OPTIONS=${shellQuote(requirePreload)}"\${NODE_OPTIONS:+ $NODE_OPTIONS}"; export NODE_OPTIONS ;;`,
    'esac',
    '# The run\'s configuration where the environment lost it; a variable that is set, even empty, is kept.',
  ];
  for (const [name, value] of Object.entries(o.variables)) {
    if (!/^[A-Z_][A-Z0-9_]*$/.test(name)) throw new Error(`memfs-action: ${JSON.stringify(name)} is not a variable name a shell can set.`);
    lines.push(`[ -n "\${${name}+set}" ] || { ${name}=${shellQuote(value)}; export ${name}; }`);
  }
  lines.push(`exec ${shellQuote(o.target)} "$@"`, '');
  return lines.join('\n');
}

/** One word for sh, whatever the value holds: single quotes keep everything but a single quote, which goes as '\''. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}

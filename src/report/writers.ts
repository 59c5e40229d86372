// Who wrote a path, said briefly: a row of a report names the test file, or else a short label of the process (its
// runner and worker, or its script), never its whole command line; the command is said once per process, in the
// list of processes (and in manifest.json).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChangeSet, RootInfo, Writer } from '../changes/types.js';
import { shorten } from './html.js';

export interface ProcessRow {
  pid: number;
  label: string;
  /** The test files of the process's writes, relative to their root, in the order the manifest lists them. */
  testFiles: string[];
  command: string;
}

/** Runners whose worker processes write for the tests, recognised by the script they run. */
const runners: [RegExp, string, RegExp?][] = [
  [/\/node_modules\/vitest\//, 'vitest', /\/workers?\/|forks|threads/],
  [/\/node_modules\/(jest-worker|jest-runner|jest-cli|jest)\//, 'jest', /jest-worker|processChild/],
  [/\/node_modules\/mocha\/|\/\.bin\/_?mocha$/, 'mocha', /worker/],
  [/\/node_modules\/ava\//, 'ava', /worker/],
  [/\/node_modules\/(tap|@tapjs\/[^/]+)\//, 'tap'],
];

const evalOptions = new Set(['-e', '--eval', '-p', '--print']);
/** Options of node that take their value as the next argument. */
const optionsWithValue = new Set(['-r', '--require', '--import', '--loader', '--experimental-loader', '-C', '--conditions',
  '--test-reporter', '--test-reporter-destination', '--test-name-pattern', '--env-file', '--input-type', '--stack-size']);

/**
 * A few words for a process: "vitest worker", "node --test", "node -e", "node scripts/build.js", "tsc". The command is
 * argv joined by spaces, so a path with spaces is taken apart: the label is a name, not a command to run again.
 */
export function processLabel(command: string, roots: RootInfo[] = []): string {
  const [program = '', ...args] = command.split(' ').filter((word) => word !== '');
  const programName = /(^|\/)(node|nodejs)(\.exe)?$/.test(program) ? 'node' : path.posix.basename(program);
  let script: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (evalOptions.has(arg) || /^--(eval|print)=/.test(arg)) return `${programName} ${arg.startsWith('--') ? arg.replace(/=.*/, '') : arg}`;
    if (arg.startsWith('-')) {
      if (optionsWithValue.has(arg)) i++;
      continue;
    }
    script = arg;
    break;
  }
  if (script !== undefined) {
    for (const [pattern, runner, worker] of runners) {
      if (pattern.test(script)) return worker?.test(script) ? `${runner} worker` : runner;
    }
  }
  if (args.includes('--test')) return `${programName} --test`;
  if (script === undefined) return programName;
  const nodeModules = /\/node_modules\/(\.bin\/[^/]+|@[^/]+\/[^/]+|[^/]+)/.exec(script);
  if (nodeModules) return nodeModules[1]!.replace(/^\.bin\//, '');
  return `${programName} ${shortPath(relativeToRoot(roots, script))}`;
}

/** A label is a few words: a long script path keeps its last folders and its name ("…/scripts/build.js"). */
const longestLabelPath = 60;

function shortPath(file: string): string {
  if (file.length <= longestLabelPath) return file;
  const segments = file.split('/');
  let kept = segments.pop()!;
  if (kept.length > longestLabelPath) return shorten(kept, longestLabelPath);
  while (segments.length > 0 && segments.at(-1)!.length + kept.length + 3 <= longestLabelPath) kept = `${segments.pop()}/${kept}`;
  return `…/${kept}`;
}

/** A row's "written by": the test file when the journal knew it, else the process's label. */
export function writerLabel(changeSet: ChangeSet, index: number | undefined): string {
  if (index === undefined) return '';
  const writer = changeSet.writers[index];
  if (!writer) return '';
  return writer.testFile ? relativeToRoot(changeSet.roots, writer.testFile) : writerName(writer, changeSet.roots);
}

/** The kernel engine's stand-in for every program the recording preload does not run in is no command to label. */
const notNodeLabel = 'not Node';

function writerName(writer: Writer, roots: RootInfo[]): string {
  return writer.notNode ? notNodeLabel : processLabel(writer.command, roots);
}

/** One row per process (the manifest's writers[] has one per process and test file), in the manifest's order. */
export function processRows(changeSet: ChangeSet): ProcessRow[] {
  const byPid = new Map<number, ProcessRow>();
  for (const writer of changeSet.writers) {
    let row = byPid.get(writer.pid);
    if (!row) {
      row = { pid: writer.pid, label: writerName(writer, changeSet.roots), testFiles: [], command: writer.command };
      byPid.set(writer.pid, row);
    }
    addTestFile(row, changeSet.roots, writer);
  }
  return [...byPid.values()];
}

function addTestFile(row: ProcessRow, roots: RootInfo[], writer: Writer): void {
  if (!writer.testFile) return;
  const file = relativeToRoot(roots, writer.testFile);
  if (!row.testFiles.includes(file)) row.testFiles.push(file);
}

export function relativeToRoot(roots: RootInfo[], location: string): string {
  // Stack frames of ESM test files name them as file: URLs.
  let absolutePath = location;
  if (location.startsWith('file://')) {
    try {
      absolutePath = fileURLToPath(location);
    } catch {
      // Not a path this platform can read: shown as it is.
    }
  }
  for (const root of roots) {
    const prefix = root.path.endsWith('/') ? root.path : `${root.path}/`;
    if (absolutePath.startsWith(prefix)) return absolutePath.slice(prefix.length);
  }
  return absolutePath;
}

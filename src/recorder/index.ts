// The kernel engine's recording preload (dist/recorder.cjs): under `--engine kernel` the kernel's overlay keeps every
// change, but cannot say who made it. NODE_OPTIONS="--require <abs>/dist/recorder.cjs" loads this into every Node
// process of the command; it has no overlay and changes nothing a call does — it notes which process and test file
// changed which path inside the roots (watch-fs.ts) in a small journal of its own (provenance-writer.ts), which the
// capture joins with the upper layer (src/kernel/provenance.ts): each change gets its writer, and files Node made and
// removed during the run are listed as transient.
//
// It hands itself on as the overlay's preload does (src/preload/hand-on.ts): a child process started with an
// environment of its own (`env: { PATH }`, no NODE_OPTIONS) or a worker given an `env` object gets the recorder in
// front of its NODE_OPTIONS and MEMFS_RECORD, so that its changes are its own, not "not Node". child_process and
// worker_threads are patched when the program first reaches them (when-reached.ts), or at start when Node loaded them
// already (a forked child). As in the overlay's preload, before Node 22.15 an ES module's `import` of them is not seen
// (loading them at every start would cost each process milliseconds): such a module's children are then "not Node".
//
// MEMFS_RECORD holds {"folder": <where the journals go>, "roots": [<absolute roots>]} (run-kernel.ts sets it). Absent
// or unreadable: this does nothing (a recording is an extra, never a reason to stop the user's process).
import { fileURLToPath } from 'node:url';
import { path } from '../platform/builtins.js';
import { handOnToChildProcesses, handOnToWorkers, type Inheritance } from '../preload/hand-on.js';
import { ProvenanceWriter } from './provenance-writer.js';
import { recordVariable, type RecordConfig } from './record-config.js';
import { watchFs } from './watch-fs.js';
import { alreadyLoaded, whenReached } from './when-reached.js';

/** Per thread, shared by every copy of this file: a second --require installs nothing twice. */
const INSTALLED = Symbol.for('memfs-action.recorder.installed');

function readConfig(text: string | undefined): RecordConfig | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(text) as Partial<RecordConfig>;
    const absolute = (value: unknown): value is string => typeof value === 'string' && path.isAbsolute(value);
    if (!absolute(parsed.folder) || !Array.isArray(parsed.roots) || !parsed.roots.every(absolute)) return undefined;
    return { folder: parsed.folder, roots: parsed.roots.map((root) => path.resolve(root)) };
  } catch {
    return undefined;
  }
}

/** An empty, `.` or `..` segment, or a trailing slash: what only path.resolve spells plainly. */
const needsResolving = /\/\.{0,2}(?:\/|$)/;

/** The absolute path a string names; path.resolve only when it must (it costs a process writing in a loop). */
function absolute(p: string): string {
  const joined = p.charCodeAt(0) === 47 /* / */ ? p : `${process.cwd()}/${p}`;
  return needsResolving.test(joined) ? path.resolve(joined) : joined;
}

/** The absolute path a path argument (string, Buffer, file: URL) names; undefined for a descriptor or anything else. */
function pathOf(raw: unknown): string | undefined {
  if (typeof raw === 'string') return absolute(raw);
  if (Buffer.isBuffer(raw)) return absolute(raw.toString('utf8'));
  if (raw instanceof URL) return raw.protocol === 'file:' ? fileURLToPath(raw) : undefined;
  return undefined;
}

function main(): void {
  const global = globalThis as Record<symbol, unknown>;
  if (global[INSTALLED]) return;
  Object.defineProperty(global, INSTALLED, { value: true, enumerable: false });
  const config = readConfig(process.env[recordVariable]);
  if (!config) return;
  const prefixes = config.roots.map((root) => (root.endsWith('/') ? root : `${root}/`));
  const writer = new ProvenanceWriter(config.folder);
  process.on('exit', () => writer.flush());
  watchFs({
    inRoots(raw) {
      const target = pathOf(raw);
      if (target === undefined) return undefined;
      return config.roots.includes(target) || prefixes.some((prefix) => target.startsWith(prefix)) ? target : undefined;
    },
    note: (op, target, to) => writer.note(op, target, to),
  });
  // This file, as bundled (dist/recorder.cjs is CommonJS); unknown when run from the sources, which nothing hands on.
  const recorderFile = typeof __filename === 'string' ? __filename : undefined;
  if (recorderFile !== undefined) handOn({ preloadPath: recorderFile, variables: [[recordVariable, process.env[recordVariable]!]] });
}

/** Children and workers get the recorder, when the program first reaches child_process or worker_threads. */
function handOn(inheritance: Inheritance): void {
  const onReach = (ids: string[], work: () => void) => (ids.some(alreadyLoaded) ? work() : whenReached(ids, work));
  onReach(['child_process', 'cluster'], () => handOnToChildProcesses(inheritance));
  onReach(['worker_threads'], () => handOnToWorkers(inheritance));
}

main();

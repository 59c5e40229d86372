// What the recording preload watches: every fs call that creates, changes, moves or removes a path by name — sync,
// callback and promise forms — noted once it has succeeded, with what Node returned. Calls on descriptors and
// FileHandles name no path: a file opened for writing is noted at its open. Nothing else of fs is touched; the call
// itself goes to Node unchanged (the kernel's overlay below does the work).
//
// fs.promises costs milliseconds to load, which most processes never pay: where every way to reach it is seen — the
// fs.promises getter, require('fs/promises'), process.getBuiltinModule, and an `import` of it (module.registerHooks,
// Node ≥ 22.15) — it is wrapped when the program first reaches it. Before 22.15 an ES module's `import … from
// 'node:fs/promises'` is seen by nothing, so it is wrapped at start, as the overlay's preload does there.
import { syncBuiltinESMExports } from 'node:module';
import type { ProvenanceOp } from '../changes/record.js';
import { fs } from '../platform/builtins.js';
import { keepName, seesImports, whenReached } from './when-reached.js';

export interface Noticer {
  /** The absolute path a call's path argument names, when it lies inside a root; undefined otherwise. */
  inRoots(raw: unknown): string | undefined;
  note(op: ProvenanceOp, target: string, to?: string): void;
}

/** What a successful call changed, from its arguments and its result. */
type Noting = (n: Noticer, args: unknown[], result: unknown) => void;

const at = (op: ProvenanceOp, index: number): Noting => (n, args) => {
  const target = n.inRoots(args[index]);
  if (target !== undefined) n.note(op, target);
};

const O_ACCMODE = 3;
const { O_CREAT, O_TRUNC, O_APPEND } = fs.constants;

/** Whether open's flags may change the file: anything but a plain read. */
function writes(flags: unknown): boolean {
  if (flags === undefined || flags === null) return false;
  if (typeof flags === 'number') return (flags & O_ACCMODE) !== 0 || (flags & (O_CREAT | O_TRUNC | O_APPEND)) !== 0;
  return !['r', 'rs', 'sr'].includes(String(flags));
}

const mkdir: Noting = (n, args, result) => {
  const recursive = typeof args[1] === 'object' && args[1] !== null && (args[1] as { recursive?: unknown }).recursive;
  const target = n.inRoots(args[0]);
  if (!recursive) {
    if (target !== undefined) n.note('mkdir', target);
    return;
  }
  // A recursive mkdir returns the first folder it made (undefined: it made none): each from there down was made.
  const first = n.inRoots(result);
  if (first === undefined || target === undefined) return;
  n.note('mkdir', first);
  for (let at = first.length; at < target.length; ) {
    const next = target.indexOf('/', at + 1);
    at = next === -1 ? target.length : next;
    n.note('mkdir', target.slice(0, at));
  }
};

const rename: Noting = (n, args) => {
  const from = n.inRoots(args[0]);
  const to = n.inRoots(args[1]);
  if (from !== undefined && to !== undefined) n.note('rename', from, to);
  else if (from !== undefined) n.note('remove', from);
  else if (to !== undefined) n.note('copy', to);
};

/** By the name Node's callback and promise forms share; the sync form is `${name}Sync`. */
const watched: Record<string, Noting> = {
  writeFile: at('write', 0),
  appendFile: at('write', 0),
  truncate: at('write', 0),
  open: (n, args) => {
    if (writes(args[1])) at('write', 0)(n, args, undefined);
  },
  copyFile: at('write', 1),
  cp: at('copy', 1),
  mkdir,
  mkdtemp: (n, _args, result) => at('mkdir', 0)(n, [result], undefined),
  rm: at('remove', 0),
  rmdir: at('remove', 0),
  unlink: at('remove', 0),
  rename,
  link: at('link', 1),
  symlink: at('symlink', 1),
  chmod: at('metadata', 0),
  lchmod: at('metadata', 0),
  chown: at('metadata', 0),
  lchown: at('metadata', 0),
  utimes: at('metadata', 0),
  lutimes: at('metadata', 0),
};

type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;
type Members = Record<string, unknown>;

export function watchFs(n: Noticer): void {
  const members = fs as unknown as Members;
  for (const [name, noting] of Object.entries(watched)) {
    replace(members, `${name}Sync`, (original) => function (this: unknown, ...args: unknown[]) {
      const result = Reflect.apply(original, this, args);
      safely(() => noting(n, args, result));
      return result;
    });
    replace(members, name, (original) => function (this: unknown, ...args: unknown[]) {
      const last = args.length - 1;
      const callback = args[last];
      if (typeof callback !== 'function') return Reflect.apply(original, this, args);
      args[last] = function (this: unknown, error: unknown, ...rest: unknown[]) {
        if (!error) safely(() => noting(n, args, rest[0]));
        return Reflect.apply(callback as AnyFunction, this, [error, ...rest]);
      };
      return Reflect.apply(original, this, args);
    });
  }
  watchPromisesWhenReached(n);
  syncBuiltinESMExports();
}

let promisesWatched = false;

/** `sync`: false when watchFs syncs the ES module exports itself right after (one pass over them at start, not two). */
function watchPromises(n: Noticer, sync = true): void {
  if (promisesWatched) return;
  promisesWatched = true;
  const promises = (fs as unknown as { promises: Members }).promises;
  for (const [name, noting] of Object.entries(watched)) {
    replace(promises, name, (original) => function (this: unknown, ...args: unknown[]) {
      const result = Reflect.apply(original, this, args) as Promise<unknown>;
      return result.then((value) => {
        safely(() => noting(n, args, value));
        return value;
      });
    });
  }
  if (sync) syncBuiltinESMExports();
}

function watchPromisesWhenReached(n: Noticer): void {
  const descriptor = Object.getOwnPropertyDescriptor(fs, 'promises');
  const get = descriptor?.get;
  if (!descriptor || get === undefined || !seesImports()) return watchPromises(n, false);
  Object.defineProperty(fs, 'promises', {
    ...descriptor,
    get: function promises() {
      watchPromises(n);
      return get.call(fs);
    },
  });
  whenReached(['fs/promises'], () => watchPromises(n));
}

function replace(members: Members, name: string, wrap: (original: AnyFunction) => AnyFunction): void {
  const original = members[name];
  if (typeof original !== 'function') return; // lchmod: macOS only
  members[name] = keepName(original as AnyFunction, wrap(original as AnyFunction));
}

/** Recording must never change what the program sees: a fault of the recorder is swallowed. */
function safely(work: () => void): void {
  try {
    work();
  } catch {
    // nothing recorded for this call
  }
}

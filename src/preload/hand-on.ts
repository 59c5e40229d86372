// How a preload hands itself on to the processes and threads a program starts. A child process started with an
// environment of its own (`env: {}`, `{ PATH }`, a NODE_OPTIONS the program replaced) and a worker thread given an
// `env` object would run without it: Node takes a worker's --require from the NODE_OPTIONS of that object, not from
// the parent's. So every child process and worker gets the preload in front of its NODE_OPTIONS (the user's own
// options kept after it) and the run's MEMFS_* variables it lacks. A child that is not Node gets them too, harmlessly:
// it may be a shell that runs node.
//
// Where: ChildProcess.prototype.spawn, which every asynchronous API (spawn, exec, execFile, fork) calls with the
// environment already turned into the list the kernel gets (`envPairs`); spawnSync, execSync and execFileSync, whose
// common inner function is out of reach, each at its options' `env`; worker_threads.Worker at its options.
//
// Two preloads use it: the overlay's (reach.ts, which also writes its journal at each hand-over) and the kernel
// engine's recorder (src/recorder/), which loads into every process and so imports nothing more than this.
import { syncBuiltinESMExports } from 'node:module';
import { loadBuiltin } from '../platform/builtins.js';
import { loadsPreload, withPreload } from './node-options.js';

/** What a child must have: the preload's file, and the run's MEMFS_* variables as this process got them. */
export interface Inheritance {
  preloadPath: string;
  variables: ReadonlyArray<readonly [name: string, value: string]>;
}

/** What the caller does around a start: the overlay's preload writes its journal first and looks again after. */
export interface StartMoments {
  /** Right before a child or worker starts. */
  before(): void;
  /** When a synchronous child has ended. */
  after(): void;
  /** The ChildProcess an asynchronous start made. */
  started(child: object): void;
}

const noMoments: StartMoments = { before() {}, after() {}, started() {} };

type Lookup = (name: string) => string | undefined;

/** The variables to set in a child's environment so that it runs under the preload; empty when it already does. */
export function missingFrom(inheritance: Inheritance, lookup: Lookup): Array<[string, string]> {
  const missing: Array<[string, string]> = [];
  const nodeOptions = lookup('NODE_OPTIONS');
  if (!loadsPreload(nodeOptions, inheritance.preloadPath)) missing.push(['NODE_OPTIONS', withPreload(inheritance.preloadPath, nodeOptions)]);
  // Only what is unset: a child given its own MEMFS_QUOTA, or MEMFS_DISABLE, keeps it.
  for (const [name, value] of inheritance.variables) if (lookup(name) === undefined) missing.push([name, value]);
  return missing;
}

/** An environment object with what it lacks added; the same object when it lacks nothing (never changed in place). */
export function inheritedEnv<T extends Record<string, unknown>>(inheritance: Inheritance, env: T): T {
  const missing = missingFrom(inheritance, (name) => {
    const value = env[name];
    return value === undefined || value === null ? undefined : String(value);
  });
  return missing.length === 0 ? env : { ...env, ...Object.fromEntries(missing) };
}

/** The same for the kernel's list of "NAME=value" strings. */
export function inheritedEnvPairs(inheritance: Inheritance, pairs: readonly string[]): string[] | undefined {
  const present = new Map<string, string>();
  for (const pair of pairs) {
    if (!pair.startsWith('NODE_OPTIONS=') && !pair.startsWith('MEMFS_')) continue;
    const equals = pair.indexOf('=');
    if (equals !== -1) present.set(pair.slice(0, equals), pair.slice(equals + 1));
  }
  const missing = missingFrom(inheritance, (name) => present.get(name));
  if (missing.length === 0) return undefined;
  const replaced = new Set(missing.map(([name]) => name));
  const kept = pairs.filter((pair) => !replaced.has(pair.slice(0, pair.indexOf('='))));
  return [...kept, ...missing.map(([name, value]) => `${name}=${value}`)];
}

type AnyFunction = (...args: unknown[]) => unknown;

/** Patches child_process (loading it): every child it starts from now on inherits the preload. */
export function handOnToChildProcesses(inheritance: Inheritance, moments: StartMoments = noMoments): void {
  const childProcess = loadBuiltin('node:child_process') as Record<string, unknown> & { ChildProcess: { prototype: { spawn: AnyFunction } } };
  const proto = childProcess.ChildProcess.prototype;
  const spawn = proto.spawn;
  proto.spawn = keepName(spawn, function (this: unknown, options: unknown) {
    const pairs = (options as { envPairs?: unknown } | null)?.envPairs;
    const inherited = Array.isArray(pairs) ? inheritedEnvPairs(inheritance, pairs as string[]) : undefined;
    moments.before();
    const result = Reflect.apply(spawn, this, [inherited ? { ...(options as object), envPairs: inherited } : options]);
    moments.started(this as object);
    return result;
  });
  // (file, args?, options?) and (command, options?): where the options are, as Node tells them apart.
  const afterArgs = (args: unknown[]) => (args[1] == null || Array.isArray(args[1]) ? 2 : typeof args[1] === 'object' ? 1 : -1);
  for (const [name, optionsAt] of [['spawnSync', afterArgs], ['execFileSync', afterArgs], ['execSync', () => 1]] as const) {
    const original = childProcess[name] as AnyFunction;
    childProcess[name] = keepName(original, function (this: unknown, ...args: unknown[]) {
      const at = optionsAt(args);
      const options = args[at] as { env?: Record<string, unknown> | null } | undefined | null;
      if (at !== -1 && (options == null || typeof options === 'object')) {
        const env = options?.env || process.env;
        const inherited = inheritedEnv(inheritance, env);
        if (inherited !== env) {
          args = [...args];
          args[at] = { ...options, env: inherited };
        }
      }
      moments.before();
      try {
        return Reflect.apply(original, this, args);
      } finally {
        moments.after();
      }
    });
  }
  syncBuiltinESMExports();
}

/** Patches worker_threads (loading it): every worker given an `env` object from now on inherits the preload. */
export function handOnToWorkers(inheritance: Inheritance, moments: StartMoments = noMoments): void {
  const workerThreads = loadBuiltin('node:worker_threads') as { Worker: new (...args: unknown[]) => unknown };
  const { Worker } = workerThreads;
  // A Proxy, not a subclass: the class stays itself to instanceof, subclasses and its statics.
  workerThreads.Worker = new Proxy(Worker, {
    construct(target, args, newTarget) {
      const options = args[1] as { env?: unknown } | undefined | null;
      const env = options?.env;
      // No env: the worker shares this thread's options and a copy of process.env; SHARE_ENV (a symbol): process.env.
      if (env !== null && typeof env === 'object') {
        const inherited = inheritedEnv(inheritance, env as Record<string, unknown>);
        if (inherited !== env) args = [args[0], { ...options, env: inherited }, ...args.slice(2)];
      }
      moments.before();
      return Reflect.construct(target, args, newTarget) as object;
    },
  });
  syncBuiltinESMExports();
}

function keepName<F extends AnyFunction>(original: AnyFunction, wrapper: F): F {
  Object.defineProperty(wrapper, 'name', { value: original.name });
  Object.defineProperty(wrapper, 'length', { value: original.length });
  return wrapper;
}

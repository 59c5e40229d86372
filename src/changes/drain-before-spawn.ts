// Close-to-open consistency with journals that a writer thread empties: a process (or worker thread) started by this
// one replays the spool at its start, so every frame still in a ring must be in its file before it starts. Every
// public way to start one drains first: the functions of node:child_process that start a process, `new Worker()`,
// and process.send (a parent that hears from this process may start the next one). Reading the spool from this
// process (replay, fold) drains too.
//
// The wrappers are Proxies of the originals: same name, length, own properties (util.promisify.custom included),
// same `this`, same return values and errors; they only drain first. They must be in place before a program can keep
// a reference to the original (`const { execFileSync } = require('node:child_process')` at the top of a test file),
// so node:child_process is wrapped when it is first loaded (it is not loaded here: that costs milliseconds in every
// process), and node:worker_threads, which the preload loads anyway, when the journal opens.
import Module, { createRequire, syncBuiltinESMExports } from 'node:module';

type Drain = () => void;
const drains = new Set<Drain>();

/** Registers a journal's drain; returns what unregisters it. */
export function registerDrain(drain: Drain): () => void {
  drains.add(drain);
  return () => drains.delete(drain);
}

/** Writes every frame this thread's journals still hold to their files. Never throws. */
export function drainAllJournals(): void {
  for (const drain of drains) {
    try {
      drain();
    } catch {
      // A journal that cannot drain has marked itself broken; starting the child must go on.
    }
  }
}

const spawningFunctions = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const;
const promisifyCustom = Symbol.for('nodejs.util.promisify.custom');
const wrappedMarker = Symbol.for('memfs-action.drain-before-spawn');
const originals = new WeakMap<object, unknown>();

/** The function or class behind a draining wrapper (itself for anything else). */
export function originalOf<T>(value: T): T {
  return (originals.get(value as object) as T | undefined) ?? value;
}

/**
 * A function that drains, then calls the original with the same `this` and arguments. It carries the original's own
 * properties (name, length, util.promisify.custom — itself wrapped: exec and execFile promisify to their own
 * function, which calls the original directly). Not a Proxy: a Proxy must report a read-only property as it is.
 */
function drainingFunction<F extends (...args: never[]) => unknown>(original: F, made = new Map<unknown, unknown>()): F {
  const wrapper = function (this: unknown, ...args: unknown[]) {
    drainAllJournals();
    return Reflect.apply(original, this, args);
  };
  // util.promisify marks what it returns as its own promisified form: such cycles map to the wrappers.
  made.set(original, wrapper);
  for (const key of Reflect.ownKeys(original)) {
    const descriptor = Object.getOwnPropertyDescriptor(original, key)!;
    if (key === 'prototype' || key === 'arguments' || key === 'caller') continue;
    if (key === promisifyCustom && typeof descriptor.value === 'function') {
      descriptor.value = made.get(descriptor.value) ?? drainingFunction(descriptor.value as (...args: never[]) => unknown, made);
    }
    Object.defineProperty(wrapper, key, descriptor);
  }
  Object.setPrototypeOf(wrapper, Object.getPrototypeOf(original));
  Object.defineProperty(wrapper, wrappedMarker, { value: true });
  originals.set(wrapper, original);
  return wrapper as unknown as F;
}

function drainingClass<C extends abstract new (...args: never[]) => unknown>(original: C): C {
  const wrapper = new Proxy(original, {
    construct(target, args, newTarget) {
      drainAllJournals();
      return Reflect.construct(target, args, newTarget);
    },
    get(target, property, receiver) {
      if (property === wrappedMarker) return true;
      return Reflect.get(target, property, receiver);
    },
  });
  originals.set(wrapper, original);
  return wrapper;
}

const isWrapped = (value: unknown): boolean =>
  typeof value === 'function' && (value as unknown as Record<symbol, unknown>)[wrappedMarker] === true;

/** Replaces a module's exported functions in place, keeping each property's attributes. */
function wrapExports(exports: Record<string, unknown>, names: readonly string[], wrap: (f: never) => unknown): boolean {
  let changed = false;
  for (const name of names) {
    const descriptor = Object.getOwnPropertyDescriptor(exports, name);
    if (!descriptor || typeof descriptor.value !== 'function' || isWrapped(descriptor.value)) continue;
    if (!descriptor.writable && !descriptor.configurable) continue;
    Object.defineProperty(exports, name, { ...descriptor, value: wrap(descriptor.value as never) });
    changed = true;
  }
  return changed;
}

let childProcessWrapped = false;

function wrapChildProcess(exports: unknown): void {
  if (childProcessWrapped || typeof exports !== 'object' || exports === null) return;
  childProcessWrapped = true;
  // ESM importers hold live bindings to the builtin's facade: sync it so that they call the wrappers too.
  if (wrapExports(exports as Record<string, unknown>, spawningFunctions, drainingFunction)) syncBuiltinESMExports();
}

function wrapWorkerThreads(exports: unknown): void {
  if (typeof exports !== 'object' || exports === null) return;
  wrapExports(exports as Record<string, unknown>, ['Worker'], drainingClass);
}

function wrapProcessSend(): void {
  const descriptor = Object.getOwnPropertyDescriptor(process, 'send');
  if (!descriptor || typeof descriptor.value !== 'function' || isWrapped(descriptor.value)) return;
  Object.defineProperty(process, 'send', { ...descriptor, value: drainingFunction(descriptor.value) });
}

const isChildProcess = (id: unknown) => id === 'child_process' || id === 'node:child_process';

interface ModuleInternals {
  _load: (request: string, parent: unknown, isMain: boolean) => unknown;
}

let installed = false;

/**
 * Puts the draining wrappers in place (once per thread): worker_threads and process.send now, child_process now if it
 * is loaded, else the moment it is (through require, or process.getBuiltinModule). An ESM `import` of it bypasses
 * both: `wrapLoadedChildProcess` covers that case when a ring starts.
 */
export function installDrainBeforeSpawn(): void {
  if (installed) return;
  installed = true;
  const getBuiltin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  const load = getBuiltin ?? createRequire(process.execPath);
  wrapWorkerThreads(load('node:worker_threads'));
  wrapProcessSend();
  if (isBuiltinLoaded('child_process')) return wrapChildProcess(load('node:child_process'));

  const loader = Module as unknown as ModuleInternals;
  const originalLoad = loader._load;
  const loadHook = function (this: unknown, request: string, parent: unknown, isMain: boolean) {
    // eslint-disable-next-line prefer-rest-params
    const exports = Reflect.apply(originalLoad, this, arguments);
    if (isChildProcess(request)) {
      wrapChildProcess(exports);
      // Nothing else to watch for: give the loader back when nobody hooked it after us.
      if (loader._load === loadHook) loader._load = originalLoad;
    }
    return exports;
  };
  loader._load = loadHook;
  if (getBuiltin) {
    const descriptor = Object.getOwnPropertyDescriptor(process, 'getBuiltinModule');
    if (descriptor && typeof descriptor.value === 'function') {
      Object.defineProperty(process, 'getBuiltinModule', {
        ...descriptor,
        value: new Proxy(getBuiltin, {
          apply(target, thisArg, args) {
            const exports = Reflect.apply(target, thisArg, args);
            if (isChildProcess(args[0])) wrapChildProcess(exports);
            return exports;
          },
        }),
      });
    }
  }
}

/** When a ring starts: node:child_process loaded through an ESM import gets its wrappers now (loading it if needed). */
export function wrapLoadedChildProcess(): void {
  if (childProcessWrapped) return;
  const getBuiltin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  wrapChildProcess((getBuiltin ?? createRequire(process.execPath))('node:child_process'));
}

function isBuiltinLoaded(name: string): boolean {
  const list = (process as { moduleLoadList?: string[] }).moduleLoadList;
  return Array.isArray(list) && list.includes(`NativeModule ${name}`);
}

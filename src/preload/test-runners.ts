// The running test of each runner the preload recognises, for the journal (changes/running-test.ts). Each hook only
// looks: it never changes what the runner does, and a runner whose internals moved on is simply not recognised.
// - vitest: its worker state (`globalThis.__vitest_worker__.current`, read at each change); its setter is watched
//   once a test of that state made a change, to learn the outcome when vitest moves on from the test.
// - node:test: a Test is an AsyncResource, whose async context its function runs in: the test's store (an
//   AsyncLocalStorage) is put into that context just before, so it also reaches the test's timers and promises.
//   Installed when node:test is first reached, or at start in a process that runs a test file.
// - jest (jest-circus): the test runs in a VM context, but jest-circus gives each test event to the environment's
//   handleTestEvent, which the environment class (jest-environment-node, or any jest-environment-* module) gets when its module loads.
// - mocha: the Runner's own events ('test', 'test end'), seen through its emit.
// What each can and cannot tell is in docs/manifest.md ("test").
import { Module } from 'node:module';
import { loadBuiltin } from '../platform/builtins.js';
import { whenBuiltinReached } from '../node/first-reach.js';
import { testFileScore } from '../changes/test-file.js';
import { addTestSource, nameSeparator, testEnded, type RunningTest } from '../changes/running-test.js';

export function installTestRunners(): void {
  addTestSource(vitestTest);
  // An ES module's import of node:test reaches no hook before Node 22.15: a process that runs a test file (a child
  // of `node --test`, or `node x.test.mjs`) is watched from the start, which costs one wrapped method.
  if (process.env.NODE_TEST_CONTEXT !== undefined || mainScriptIsTest()) watchNodeTest();
  else whenBuiltinReached(['test'], watchNodeTest);
  // Only in jest's and mocha's own processes (their bins, jest's workers, mocha's parallel workers), and only until
  // the runner's module has loaded: a wrapper of Module._load is a frame under the code of every module it loads.
  if (/jest|mocha/.test(process.argv[1] ?? '')) watchModuleLoads();
}

function mainScriptIsTest(): boolean {
  const script = process.argv[1];
  return script !== undefined && testFileScore(script) > 0;
}

// ---- vitest ----

interface VitestTask {
  type?: string;
  name?: string;
  suite?: VitestTask;
  filepath?: string;
  result?: { state?: string };
}

const vitestTests = new WeakMap<object, RunningTest>();
const watchedStates = new WeakSet<object>();

function vitestTest(): RunningTest | undefined {
  const state = (globalThis as { __vitest_worker__?: { current?: VitestTask } }).__vitest_worker__;
  const task = state?.current;
  if (task === undefined || task === null || task.type !== 'test') return undefined;
  watchVitestEnds(state!);
  let test = vitestTests.get(task);
  if (test === undefined) {
    const names = [String(task.name)];
    // The file is a suite too (it has a filepath): not part of the name.
    for (let suite = task.suite; suite && suite.filepath === undefined; suite = suite.suite) names.unshift(String(suite.name));
    test = {
      name: names.join(nameSeparator),
      outcome: () => (task.result?.state === 'fail' ? 'failed' : task.result?.state === 'pass' ? 'passed' : undefined),
    };
    vitestTests.set(task, test);
  }
  return test;
}

/** vitest sets `current` to the test's suite once the test's result is final (onAfterRunTask): that is its end. */
function watchVitestEnds(state: { current?: VitestTask }): void {
  if (watchedStates.has(state)) return;
  watchedStates.add(state);
  const own = Object.getOwnPropertyDescriptor(state, 'current');
  if (!own || !own.configurable || !('value' in own) || !own.writable) return;
  let current = own.value as VitestTask | undefined;
  Object.defineProperty(state, 'current', {
    configurable: true,
    enumerable: own.enumerable,
    get: () => current,
    set(next: VitestTask | undefined) {
      const previous = current;
      current = next;
      const ended = previous !== next && previous ? vitestTests.get(previous) : undefined;
      if (ended !== undefined) testEnded(ended);
    },
  });
}

// ---- node:test ----

interface NodeTestInternals {
  name: unknown;
  parent: NodeTestInternals | null;
  passed: unknown;
  error: unknown;
  subtests: unknown;
  constructor: { name?: string };
}

function watchNodeTest(): void {
  const { AsyncResource, AsyncLocalStorage } = loadBuiltin('node:async_hooks') as typeof import('node:async_hooks');
  const base = AsyncResource.prototype as object;
  const runInAsyncScope = AsyncResource.prototype.runInAsyncScope;
  // Made at the first test: an AsyncLocalStorage switches on async tracking, which no other process should pay for.
  let storage: InstanceType<typeof AsyncLocalStorage<RunningTest>> | undefined;
  const tests = new WeakMap<object, RunningTest>();
  const entered = new WeakSet<object>();
  const patched = new WeakSet<object>();

  /**
   * The test's store is put into the test's own async context, which runInAsyncScope enters to run its function: a
   * resource made inside that context and inside storage.run carries both, and its context replaces the test's (the
   * store on the resource with async_hooks, Node < 24 by default; the context frame after). No function of ours is
   * on the stack while the test runs, so its errors' stacks stay as they are.
   */
  const enter = (resource: object) => {
    if (entered.has(resource) || !isNodeTest(resource)) return;
    entered.add(resource);
    const test = nodeTestOf(resource, tests);
    if (test === undefined) return;
    if (storage === undefined) {
      const made = (storage = new AsyncLocalStorage<RunningTest>());
      addTestSource(() => made.getStore());
    }
    const inTest = storage;
    let carrier: object | undefined;
    Reflect.apply(runInAsyncScope, resource, [() => inTest.run(test, () => (carrier = new AsyncResource('MEMFS_TEST')))]);
    const key = (inTest as { kResourceStore?: unknown }).kResourceStore;
    const slot = typeof key === 'symbol' ? key : Object.getOwnPropertySymbols(carrier!).find((symbol) => symbol.description === 'context_frame');
    if (slot !== undefined) (resource as unknown as Record<symbol, unknown>)[slot] = (carrier as Record<symbol, unknown>)[slot];
  };

  /** Test and Suite each get their run arguments just before they run their function: the moment to enter. */
  const patchClass = (prototype: object) => {
    for (let owner: object | null = prototype; owner !== null && owner !== base; owner = Object.getPrototypeOf(owner)) {
      if (patched.has(owner) || !Object.hasOwn(owner, 'getRunArgs')) continue;
      patched.add(owner);
      const getRunArgs = (owner as { getRunArgs: (...args: unknown[]) => unknown }).getRunArgs;
      if (typeof getRunArgs !== 'function') continue;
      Object.defineProperty(owner, 'getRunArgs', {
        ...Object.getOwnPropertyDescriptor(owner, 'getRunArgs'),
        value: {
          getRunArgs(this: object, ...args: unknown[]): unknown {
            const result = Reflect.apply(getRunArgs, this, args);
            try {
              enter(this);
            } catch {
              // Attribution is lost, never the test.
            }
            return result;
          },
        }.getRunArgs,
      });
    }
  };

  // node:test's classes are internal: each makes itself known by assigning its `fn` in its constructor, which an
  // accessor on AsyncResource.prototype sees (and turns into the own property the assignment would have made).
  Object.defineProperty(base, 'fn', {
    configurable: true,
    enumerable: false,
    get: () => undefined,
    set(this: object, value: unknown) {
      Object.defineProperty(this, 'fn', { value, writable: true, enumerable: true, configurable: true });
      const prototype = Object.getPrototypeOf(this) as object | null;
      if (prototype !== null && !patched.has(prototype) && typeof (prototype as { getRunArgs?: unknown }).getRunArgs === 'function' &&
        typeof (prototype as { createSubtest?: unknown }).createSubtest === 'function') patchClass(prototype);
    },
  });
}

function isNodeTest(value: unknown): value is NodeTestInternals {
  return typeof value === 'object' && value !== null && 'subtests' in value && 'passed' in value && 'parent' in value &&
    typeof (value as { name?: unknown }).name === 'string';
}

/** Hooks (before, beforeEach…) keep the test of where they were declared; the root test has no name of its own. */
function nodeTestOf(test: NodeTestInternals, tests: WeakMap<object, RunningTest>): RunningTest | undefined {
  if (test.parent === null || test.constructor?.name === 'TestHook') return undefined;
  let known = tests.get(test);
  if (known === undefined) {
    const names: string[] = [];
    for (let t: NodeTestInternals | null = test; t !== null && t.parent !== null; t = t.parent) names.unshift(String(t.name));
    known = {
      name: names.join(nameSeparator),
      outcome: () => (test.passed === true ? 'passed' : test.error !== null && test.error !== undefined ? 'failed' : undefined),
    };
    tests.set(test, known);
  }
  return known;
}

// ---- jest and mocha: their modules, as they load ----

function watchModuleLoads(): void {
  const internals = Module as unknown as { _load: (request: unknown, ...rest: unknown[]) => unknown };
  const load = internals._load;
  const wrapped = {
    _load(this: unknown, request: unknown, ...rest: unknown[]): unknown {
      const exports = Reflect.apply(load, this, [request, ...rest]);
      if (typeof request === 'string') {
        const found = request.includes('jest-environment-') ? watchJestEnvironment(exports) : request.includes('mocha') && watchMocha(exports);
        // Done: the test files load without this frame (unless someone wrapped it since, who keeps calling it).
        if (found && internals._load === wrapped) internals._load = load;
      }
      return exports;
    },
  }._load;
  for (const key of Reflect.ownKeys(load)) {
    if (key !== 'length' && key !== 'name' && key !== 'prototype') {
      try {
        Object.defineProperty(wrapped, key, Object.getOwnPropertyDescriptor(load, key)!);
      } catch {
        // Not copyable: left out.
      }
    }
  }
  internals._load = wrapped;
}

const patched = new WeakSet<object>();

interface JestTestEntry {
  name?: unknown;
  parent?: JestTestEntry;
  errors?: unknown[];
}

let jestRunning: JestTest | undefined;
const jestTests = new WeakMap<object, JestTest>();

/** true when `exports` is a jest environment class, now watched. */
function watchJestEnvironment(exports: unknown): boolean {
  const candidates = [(exports as { TestEnvironment?: unknown })?.TestEnvironment, (exports as { default?: unknown })?.default, exports];
  const environment = candidates.find((c): c is { prototype: Record<string, unknown> } =>
    typeof c === 'function' && typeof (c as { prototype?: { getVmContext?: unknown } }).prototype?.getVmContext === 'function');
  if (environment === undefined) return false;
  if (patched.has(environment.prototype)) return true;
  patched.add(environment.prototype);
  const prototype = environment.prototype;
  const own = prototype.handleTestEvent;
  Object.defineProperty(prototype, 'handleTestEvent', {
    configurable: true,
    writable: true,
    value: function handleTestEvent(this: unknown, event: { name?: string; test?: JestTestEntry }, state: unknown) {
      jestEvent(event);
      return typeof own === 'function' ? Reflect.apply(own, this, [event, state]) : undefined;
    },
  });
  if (!jestSourceAdded) {
    jestSourceAdded = true;
    addTestSource(() => jestRunning);
  }
  return true;
}

let jestSourceAdded = false;

/** A jest test: its outcome is what test_done said. */
class JestTest implements RunningTest {
  done: 'failed' | 'passed' | undefined;
  constructor(readonly name: string) {}
  outcome(): 'failed' | 'passed' | undefined {
    return this.done;
  }
}

function jestEvent(event: { name?: string; test?: JestTestEntry }): void {
  const entry = event?.test;
  if (entry === undefined || entry === null) return;
  if (event.name === 'test_start') {
    const names = [String(entry.name)];
    // The root block (its parent is none) holds the file's tests: not part of the name.
    for (let block = entry.parent; block?.parent; block = block.parent) names.unshift(String(block.name));
    const test = new JestTest(names.join(nameSeparator));
    jestTests.set(entry, test);
    jestRunning = test;
  } else if (event.name === 'test_done') {
    const test = jestTests.get(entry);
    if (test === undefined) return;
    test.done = Array.isArray(entry.errors) && entry.errors.length > 0 ? 'failed' : 'passed';
    if (jestRunning === test) jestRunning = undefined;
    testEnded(test);
  }
}

interface MochaTest {
  titlePath?: () => unknown[];
  title?: unknown;
  state?: unknown;
}

let mochaRunning: RunningTest | undefined;

/** true when `exports` is mocha's (it has the Runner), now watched. */
function watchMocha(exports: unknown): boolean {
  const runner = (exports as { Runner?: { prototype?: { emit?: unknown } } } | undefined)?.Runner;
  const prototype = runner?.prototype as { emit: (event: unknown, ...args: unknown[]) => boolean } | undefined;
  if (prototype === undefined || typeof prototype.emit !== 'function') return false;
  if (patched.has(prototype)) return true;
  patched.add(prototype);
  const emit = prototype.emit;
  const tests = new WeakMap<object, RunningTest>();
  const watched = function (this: unknown, event: unknown, ...args: unknown[]) {
    const entry = args[0] as MochaTest | undefined;
    if ((event === 'test' || event === 'test end') && typeof entry === 'object' && entry !== null) {
      let test = tests.get(entry);
      if (test === undefined) {
        const path = typeof entry.titlePath === 'function' ? entry.titlePath() : [entry.title];
        test = {
          name: path.map(String).join(nameSeparator),
          outcome: () => (entry.state === 'failed' ? 'failed' : entry.state === 'passed' ? 'passed' : undefined),
        };
        tests.set(entry, test);
      }
      if (event === 'test') mochaRunning = test;
      else {
        if (mochaRunning === test) mochaRunning = undefined;
        testEnded(test);
      }
    }
    return Reflect.apply(emit, this, [event, ...args]);
  };
  // As a method of the class would be (EventEmitter's emit it hides is not enumerable either).
  Object.defineProperty(prototype, 'emit', { value: watched, writable: true, configurable: true, enumerable: false });
  addTestSource(() => mochaRunning);
  return true;
}

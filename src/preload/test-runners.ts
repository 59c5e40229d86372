// The running test of each runner the preload recognises, for the journal (changes/running-test.ts). Each hook only
// looks: it never changes what the runner does, and a runner whose internals moved on is simply not recognised.
// - vitest: its worker state (`globalThis.__vitest_worker__.current`, read at each change); its setter is watched
//   once a test of that state made a change, to learn the outcome when vitest moves on from the test.
// - node:test: every test and suite function runs through AsyncResource.prototype.runInAsyncScope (a Test is an
//   AsyncResource): wrapped there, the function runs inside an AsyncLocalStorage holding its test, which also reaches
//   its timers and promises. Installed when node:test is first reached, or at start in a child of `node --test`.
// - jest (jest-circus): the test runs in a VM context, but jest-circus gives each test event to the environment's
//   handleTestEvent, which the environment class (jest-environment-node, -jsdom) gets when its module loads.
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
  watchModuleLoads();
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
  const prototype = AsyncResource.prototype as { runInAsyncScope: (fn: (...args: unknown[]) => unknown, thisArg?: unknown, ...args: unknown[]) => unknown };
  const runInAsyncScope = prototype.runInAsyncScope;
  // Made at the first test: an AsyncLocalStorage switches on async tracking, which no other process should pay for.
  let storage: InstanceType<typeof AsyncLocalStorage<RunningTest>> | undefined;
  const tests = new WeakMap<object, RunningTest>();
  prototype.runInAsyncScope = function (this: unknown, fn, thisArg, ...args) {
    const test = isNodeTest(this) ? nodeTestOf(this, tests) : undefined;
    if (test === undefined || typeof fn !== 'function') return Reflect.apply(runInAsyncScope, this, [fn, thisArg, ...args]);
    if (storage === undefined) {
      const made = (storage = new AsyncLocalStorage<RunningTest>());
      addTestSource(() => made.getStore());
    }
    const inTest = storage;
    // Entered inside the resource's scope: with async_hooks (Node < 24) the store is kept on the current resource,
    // which runInAsyncScope replaces by the test's own.
    const withinTest = function (this: unknown, ...fnArgs: unknown[]) {
      return inTest.run(test, () => Reflect.apply(fn, this, fnArgs));
    };
    const result = Reflect.apply(runInAsyncScope, this, [withinTest, thisArg, ...args]);
    // node:test says pass or fail a few microtasks after the function settles; then the journal may ask.
    const ended = () => setImmediate(() => testEnded(test)).unref();
    if (result !== null && typeof result === 'object' && typeof (result as Promise<unknown>).then === 'function') {
      (result as Promise<unknown>).then(ended, ended);
    } else ended();
    return result;
  };
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
        if (request.includes('jest-environment-')) watchJestEnvironment(exports);
        else if (request.includes('mocha')) watchMocha(exports);
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

function watchJestEnvironment(exports: unknown): void {
  const candidates = [(exports as { TestEnvironment?: unknown })?.TestEnvironment, (exports as { default?: unknown })?.default, exports];
  const environment = candidates.find((c): c is { prototype: Record<string, unknown> } =>
    typeof c === 'function' && typeof (c as { prototype?: { getVmContext?: unknown } }).prototype?.getVmContext === 'function');
  if (environment === undefined || patched.has(environment.prototype)) return;
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

function watchMocha(exports: unknown): void {
  const runner = (exports as { Runner?: { prototype?: { emit?: unknown } } } | undefined)?.Runner;
  const prototype = runner?.prototype as { emit: (event: unknown, ...args: unknown[]) => boolean } | undefined;
  if (prototype === undefined || typeof prototype.emit !== 'function' || patched.has(prototype)) return;
  patched.add(prototype);
  const emit = prototype.emit;
  const tests = new WeakMap<object, RunningTest>();
  prototype.emit = function (this: unknown, event: unknown, ...args: unknown[]) {
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
  addTestSource(() => mochaRunning);
}

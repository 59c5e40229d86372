// Which test a recognised runner is running when a change is made (node:test, vitest, jest, mocha): the preload's
// runner hooks (src/preload/test-runners.ts) register a source each, the journal asks at every change. Nothing is
// registered in a process that never loads a runner, and asking then costs one length check.
//
// No cache per synchronous run (as test-file.ts has): every source answers with a property read, a module variable
// or an AsyncLocalStorage lookup, cheaper than scheduling the forgetting of a cache.

/** One test, as the same object for as long as it runs: the journal numbers tests by identity. */
export interface RunningTest {
  /** The full name, suite > test. */
  readonly name: string;
  /** What the runner says of it so far: undefined while it runs (or when the runner does not say). */
  outcome(): 'failed' | 'passed' | undefined;
}

type Source = () => RunningTest | undefined;
type Listener = (test: RunningTest) => void;

const sources: Source[] = [];
const listeners: Listener[] = [];

export function addTestSource(source: Source): void {
  sources.push(source);
}

/** The test running now, as the first source that knows one says; undefined outside tests or runners. */
export function currentTest(): RunningTest | undefined {
  for (let i = 0; i < sources.length; i++) {
    try {
      const test = sources[i]!();
      if (test !== undefined) return test;
    } catch {
      // A runner's internals changed under us: attribution is lost, never the write.
    }
  }
  return undefined;
}

/** The journal listens: it records the outcome of the tests its changes named. */
export function onTestEnded(listener: Listener): void {
  listeners.push(listener);
}

/** A runner hook saw a test end: its outcome() is final now. */
export function testEnded(test: RunningTest): void {
  for (const listener of listeners) {
    try {
      listener(test);
    } catch {
      // As above: never the runner's problem.
    }
  }
}

/** Separator of a test's name from the names of the suites around it, as vitest and node:test print them. */
export const nameSeparator = ' > ';

// Which test file made a write: the first frame of the call stack whose file looks like a test. Taken once per
// path and journal, from structured call sites (no stack string is formatted), so it stays cheap.

/** Named like a test wherever it lies: x.test.js, x.spec.ts, anything in a __tests__ folder. */
const testNamePatterns = [/\.(test|spec)\.[cm]?[jt]sx?$/, /(^|\/)__tests__\//];
/**
 * Test-like only below the working directory: a file in a test/, tests/ or spec/ folder, or a file named test.js,
 * tests.js or spec.js (the whole suite of many small packages, often at their root).
 */
const testPlacePatterns = [/(^|\/)(tests?|spec)\//, /(^|\/)(tests?|spec)\.[cm]?[jt]sx?$/];

/**
 * How strongly a file looks like a test: 2 by its name (x.test.js, __tests__/), 1 by its place (test/, a test.js
 * below the working directory), else 0.
 */
export function testFileScore(file: string, cwd = process.cwd()): 0 | 1 | 2 {
  if (file.startsWith('node:') || file.includes('/node_modules/')) return 0;
  if (testNamePatterns.some((pattern) => pattern.test(file))) return 2;
  // Places count only below the working directory: a project that itself lies under some /home/ci/test/ must not
  // make every frame look like a test.
  const relative = file.startsWith(cwd + '/') ? file.slice(cwd.length + 1) : undefined;
  return relative !== undefined && testPlacePatterns.some((pattern) => pattern.test(relative)) ? 1 : 0;
}

export function looksLikeTestFile(file: string, cwd = process.cwd()): boolean {
  return testFileScore(file, cwd) > 0;
}

function fileOf(site: NodeJS.CallSite): string | undefined {
  const name = site.getFileName() ?? site.getScriptNameOrSourceURL?.();
  if (!name) return undefined;
  return name.startsWith('file://') ? decodeURIComponent(new URL(name).pathname) : name;
}

const maxFrames = 60;

/**
 * Capturing a stack costs microseconds, as much as an in-memory write: the answer is reused until the current
 * synchronous run of JavaScript ends (the next tick or microtask), during which the running test cannot change.
 * A loop writing a thousand files pays once. Only tests of different files interleaved inside one microtask
 * queue drain could be mixed up, which runners that isolate test files per worker never do.
 */
let cached: { file: string | undefined } | undefined;
const forget = () => {
  cached = undefined;
};

export function testFileOfCurrentRun(): string | undefined {
  if (cached) return cached.file;
  cached = { file: testFileOnStack() ?? mainScriptIfTest() };
  process.nextTick(forget);
  queueMicrotask(forget);
  return cached.file;
}

/**
 * A write made in a callback, a timer or a stream's handler has no test on its stack. When the process's main script
 * is a test file — `node --test` runs each file as the main script of its own process, as does `node x.test.js` —
 * that is the test it runs. Decided once per process: argv does not change.
 */
let mainScript: { file: string | undefined } | undefined;

function mainScriptIfTest(): string | undefined {
  if (mainScript) return mainScript.file;
  const script = process.argv[1];
  mainScript = { file: script && testFileScore(script, process.cwd()) > 0 ? script : undefined };
  return mainScript.file;
}

const scoreOfName = new Map<string, { file: string; score: 0 | 1 | 2 }>();

/**
 * The test file on the current call stack, or undefined when none shows. A frame named like a test wins over a
 * nearer frame that only lies in a test folder (test/support/helpers.js is called by the test, it is not the test).
 */
export function testFileOnStack(): string | undefined {
  const savedPrepare = Error.prepareStackTrace;
  const savedLimit = Error.stackTraceLimit;
  let sites: NodeJS.CallSite[] = [];
  try {
    Error.stackTraceLimit = maxFrames;
    Error.prepareStackTrace = (_error, callSites) => callSites;
    const holder: { stack?: unknown } = {};
    Error.captureStackTrace(holder, testFileOnStack);
    sites = holder.stack as NodeJS.CallSite[];
  } catch {
    return undefined;
  } finally {
    Error.prepareStackTrace = savedPrepare;
    Error.stackTraceLimit = savedLimit;
  }
  let byFolder: string | undefined;
  for (const site of sites) {
    const name = site.getFileName();
    if (!name) continue;
    let known = scoreOfName.get(name);
    if (!known) {
      const file = fileOf(site)!;
      known = { file, score: testFileScore(file, process.cwd()) };
      // The working directory may change; names are few (the files of the program), so this stays small.
      if (scoreOfName.size < 10_000) scoreOfName.set(name, known);
    }
    if (known.score === 2) return known.file;
    if (known.score === 1) byFolder ??= known.file;
  }
  return byFolder;
}

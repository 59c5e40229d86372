// Which test file made a write: the first frame of the call stack whose file looks like a test. Taken once per
// path and journal, from structured call sites (no stack string is formatted), so it stays cheap.

const testFilePatterns = [
  /\.(test|spec)\.[cm]?[jt]sx?$/,
  /(^|\/)__tests__\//,
  /(^|\/)tests?\//,
  /(^|\/)spec\//,
];

/**
 * Folder names (test/, spec/) count only below the working directory: a project that itself lies under some
 * /home/ci/test/ must not make every frame look like a test.
 */
export function looksLikeTestFile(file: string, cwd = process.cwd()): boolean {
  if (file.startsWith('node:') || file.includes('/node_modules/')) return false;
  const relative = file.startsWith(cwd + '/') ? file.slice(cwd.length + 1) : undefined;
  if (relative === undefined) return testFilePatterns.slice(0, 2).some((pattern) => pattern.test(file));
  return testFilePatterns.some((pattern) => pattern.test(relative));
}

function fileOf(site: NodeJS.CallSite): string | undefined {
  const name = site.getFileName() ?? site.getScriptNameOrSourceURL?.();
  if (!name) return undefined;
  return name.startsWith('file://') ? decodeURIComponent(new URL(name).pathname) : name;
}

const maxFrames = 60;

/** The test file on the current call stack, or undefined when none shows. */
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
  const cwd = process.cwd();
  for (const site of sites) {
    const file = fileOf(site);
    if (file && looksLikeTestFile(file, cwd)) return file;
  }
  return undefined;
}

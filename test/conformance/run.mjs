#!/usr/bin/env node
// Runs a public test suite plainly, then with the preload first in NODE_OPTIONS, and optionally a third time as
// users run it — the whole preloaded pass as ONE command under the CLI — and reports, test by test, what the overlay
// changed, plus whether the real disk under the roots (the suite's folder and the temp dir) is exactly what it was
// before each overlaid pass. The suites are never part of this repository: bring them in next to it
// (docs/compatibility.md says from where) and pass the folder.
//
//   node test/conformance/run.mjs --mode node     --preload dist/preload.cjs [--cli dist/cli.mjs] [--node BIN] [--jobs 2] [--out r.json] DIR
//   node test/conformance/run.mjs --mode fs-extra --preload dist/preload.cjs [--cli dist/cli.mjs] [--node BIN] [--out r.json] DIR
//   node test/conformance/run.mjs --mode tap      --preload dist/preload.cjs [--cli dist/cli.mjs] [--node BIN] [--out r.json] DIR
//
// --mode node: Node's own fs tests (DIR holds test/common, test/fixtures, test/parallel, test/sequential). Each file
//   runs alone as `node <its "// Flags:" header> FILE` from DIR, with TEST_THREAD_ID set per parallel job; exit 0 is
//   a pass, "1..0 # Skipped" on stdout a skip.
// --mode fs-extra: fs-extra's suite (its dependencies installed in DIR): what `node test.js --reporter tap` runs
//   (mocha over lib/**/*.test.js, given as an explicit list), one result per TAP line, then `node test.mjs`.
// --mode tap: a package tested with tap ≥ 18 (its dependencies installed, built if it needs it): `tap --reporter=tap`
//   from DIR, which runs one process per test file; one result per test file (tap's top-level TAP lines), plus one
//   for the run's exit code (tap's coverage check fails the run when a file's coverage drops). Each file's assertions
//   are counted too (its leaf "ok" lines, as tap's closing "# { total, pass }" counts them), and the assertions that
//   fail in an overlaid pass but not plainly are listed by file, subtest and name.
// --spool gives each test file (node mode) or the run (fs-extra, tap) a journal spool (a fresh folder, mode 0700):
//   Node children a test starts then see what it wrote before. --only REGEXP narrows the test files (node mode).
// --cli PATH/TO/cli.mjs adds a third pass: `node cli.mjs run --export always --out <tmp> -- node run.mjs --driver …`,
//   one spool for the whole run as users get it. The driver (this script with --driver) runs exactly the commands
//   the preloaded pass runs (same flags, TEST_THREAD_ID per job, timeout, parallelism), in the environment the CLI
//   gives it, and prints each command's raw result (code, signal, stdout, stderr, ms) as a JSON line on its stdout.
//   Why stdout: everything the driver writes under the cwd or the temp dir stays in memory, and a file under a
//   pass-through would also be a real write the disk check has to excuse; the CLI hands its own stdout to the
//   command (stdio inherit) and prints its summary on stderr, so the driver's stdout reaches this script untouched and
//   writes nothing anywhere. The driver also samples the spool (MEMFS_SPOOL) every 250 ms for its peak size. This
//   script then checks the export (manifest.json parses, counts agree with its changes and with files/, the gaps) and
//   times the CLI from the driver's last line to its exit: the fold, the export and the report.
//   --engine preload|kernel|auto is handed to that CLI pass (under the kernel engine the spool holds no journal), and
//   so is --quota (the kernel engine sizes its tmpfs by it: Node's tests that ask statfs for 2 GiB free skip below).
// --skip-bare leaves out the bare-preload pass (with --cli: plainly, then under the CLI only), for a slow suite whose
//   bare-preload figures are known already.
// The disk check counts apart what went to the preload's default pass-through paths (coverage/, test-results/, …:
// tap's .tap/coverage and .tap/test-results): those reach the disk on purpose.
// Exit code: 0 when every test that passes plainly passes under the preload (and under the CLI), the disk is
// unchanged and the export is sound; 1 otherwise.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: options, positionals } = parseArgs({
  options: {
    mode: { type: 'string' },
    preload: { type: 'string' },
    cli: { type: 'string' },
    engine: { type: 'string' },
    quota: { type: 'string' },
    node: { type: 'string', default: process.execPath },
    jobs: { type: 'string', default: '2' },
    timeout: { type: 'string', default: '30' },
    only: { type: 'string' },
    out: { type: 'string' },
    spool: { type: 'boolean', default: false },
    'skip-bare': { type: 'boolean', default: false },
    driver: { type: 'boolean', default: false },
  },
  allowPositionals: true,
});

function fail(message) {
  process.stderr.write(`conformance: ${message}\n`);
  process.exit(2);
}
if (positionals.length !== 1) fail('give exactly one suite folder');
if (!['node', 'fs-extra', 'tap'].includes(options.mode)) fail('--mode must be node, fs-extra or tap');
if (!options.preload && !options.driver) fail('--preload must name the built preload (dist/preload.cjs)');
const suiteDir = fs.realpathSync(positionals[0]);
const preload = options.preload && fs.realpathSync(options.preload);
const cli = options.cli && fs.realpathSync(options.cli);
const jobs = Math.max(1, Number(options.jobs));
const timeoutMs = Number(options.timeout) * 1000;

// ---- running commands ----

function run(command, args, { cwd, env, timeout = timeoutMs }) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ms: Math.round(performance.now() - started),
      });
    });
  });
}

async function inParallel(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async (_, worker) => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index], worker);
      }
    }),
  );
  return results;
}

/**
 * The environment of one pass: a private temp dir, and the preload first in NODE_OPTIONS when asked. The driver
 * (under the CLI) takes its environment as the CLI made it.
 */
let spools = 0;
function environment(tmpdir, withPreload) {
  if (options.driver) return { ...process.env };
  const env = { ...process.env, TMPDIR: tmpdir };
  for (const name of Object.keys(env)) if (name.startsWith('MEMFS_')) delete env[name];
  if (withPreload && options.spool) {
    env.MEMFS_SPOOL = path.join(path.dirname(tmpdir), `spool-${++spools}`);
    fs.mkdirSync(env.MEMFS_SPOOL, { mode: 0o700 });
  }
  const userOptions = (process.env.NODE_OPTIONS ?? '').trim();
  if (withPreload) env.NODE_OPTIONS = `--require ${JSON.stringify(preload)}${userOptions ? ` ${userOptions}` : ''}`;
  else if (userOptions) env.NODE_OPTIONS = userOptions;
  else delete env.NODE_OPTIONS;
  return env;
}

function tail(text, lines = 12) {
  return text.trim().split('\n').slice(-lines).join('\n');
}

// ---- what a suite runs, and what its output means ----
// A plan is a list of stages, run one after the other; a stage's commands run `parallel` at a time. Each mode turns
// the raw results of its commands (in plan order) into test results { name, status, ms?, detail? }: the same code
// reads the plain pass, the preloaded pass and the driver's lines under the CLI.

const modes = {
  node: { plan: nodePlan, interpret: interpretNode },
  'fs-extra': { plan: fsExtraPlan, interpret: interpretFsExtra },
  tap: { plan: tapPlan, interpret: interpretTap },
};

function nodeTestFiles() {
  const pick = (folder, pattern) =>
    fs.existsSync(path.join(suiteDir, folder))
      ? fs.readdirSync(path.join(suiteDir, folder)).filter((f) => pattern.test(f)).sort().map((f) => `${folder}/${f}`)
      : [];
  const only = options.only ? new RegExp(options.only) : undefined;
  const keep = (f) => !only || only.test(f);
  return {
    parallel: pick('test/parallel', /^test-(fs-|file|filehandle-).*\.(js|mjs)$/).filter(keep),
    sequential: pick('test/sequential', /^test-fs-.*\.(js|mjs)$/).filter(keep),
  };
}

function flagsOf(file) {
  const head = fs.readFileSync(path.join(suiteDir, file), 'utf8').slice(0, 4000);
  const match = /^\/\/ Flags:(.*)$/m.exec(head);
  return match ? match[1].trim().split(/\s+/).filter(Boolean) : [];
}

function nodePlan() {
  const { parallel, sequential } = nodeTestFiles();
  // Each file is its own run: with --spool, its own spool.
  const command = (file) => ({ name: file, args: [...flagsOf(file), file], threadId: true, ownEnvironment: true });
  return [
    { parallel: jobs, commands: parallel.map(command) },
    { parallel: 1, commands: sequential.map(command) },
  ];
}

function interpretNode(raws) {
  return raws.map((r) => {
    const status = r.code === 0 ? (/^1\.\.0 # Skipped/m.test(r.stdout) ? 'skipped' : 'passed') : 'failed';
    return { name: r.name, status, ms: r.ms, detail: status === 'failed' ? tail(`${r.stderr}\n${r.stdout}`) + (r.signal ? `\n(killed: ${r.signal})` : '') : undefined };
  });
}

function fsExtraPlan() {
  // test.js finds the test files with klaw and stops reading a chunk at its first directory (`return` inside its
  // 'readable' loop), so how many files it adds depends on stream timing: give mocha the same explicit list instead.
  const mocha = path.join(suiteDir, 'node_modules/mocha/bin/mocha.js');
  return [{
    parallel: 1,
    commands: [
      { name: 'mocha', args: [mocha, '--reporter', 'tap', '--timeout', '30000', ...fsExtraTestFiles()], timeout: 20 * timeoutMs },
      { name: 'test.mjs (ESM exports)', args: ['test.mjs'] },
    ],
  }];
}

function interpretFsExtra([tap, esm], tmpdir) {
  const results = [];
  let current;
  for (const line of tap.stdout.split('\n')) {
    const match = /^(not ok|ok) \d+ (.*?)(\s+# (SKIP|TODO).*)?$/.exec(line);
    if (match) {
      current = { name: match[2].replaceAll(tmpdir, '$TMPDIR'), status: match[3] ? 'skipped' : match[1] === 'ok' ? 'passed' : 'failed' };
      if (current.status === 'failed') current.detail = '';
      results.push(current);
    } else if (current?.status === 'failed' && line.startsWith('  ') && current.detail.split('\n').length < 12) {
      current.detail += `${line.trim()}\n`;
    }
  }
  if (results.length === 0) results.push({ name: 'test.js (mocha)', status: 'failed', detail: tail(tap.stderr + tap.stdout) });
  results.push({ name: esm.name, status: esm.code === 0 ? 'passed' : 'failed', detail: esm.code === 0 ? undefined : tail(esm.stderr + esm.stdout) });
  return results;
}

function fsExtraTestFiles() {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.test.js')) files.push(path.relative(suiteDir, full));
    }
  };
  walk(path.join(suiteDir, 'lib'));
  return files.sort();
}

function tapPlan() {
  // node_modules/.bin/tap is a link to tap's run script: run it with the chosen node, not the one on PATH.
  const bin = fs.realpathSync(path.join(suiteDir, 'node_modules/.bin/tap'));
  return [{ parallel: 1, commands: [{ name: 'tap', args: [bin, '--reporter=tap'], timeout: 60 * timeoutMs }] }];
}

function interpretTap([tap]) {
  const results = [];
  let current;
  for (const line of tap.stdout.split('\n')) {
    // Top-level lines only: one per test file ("ok 3 - test/fs.ts # time=4584.484ms").
    const match = /^(not ok|ok) \d+ - (.*?)(?: # (SKIP|TODO)\b.*| # time=([\d.]+)ms)?$/.exec(line);
    if (match) {
      current = { name: match[2], status: match[3] ? 'skipped' : match[1] === 'ok' ? 'passed' : 'failed', ms: match[4] ? Math.round(Number(match[4])) : undefined };
      results.push(current);
    }
  }
  // The failures' details: the indented "not ok" lines of a failing file and their diagnostics.
  let file;
  const details = new Map();
  for (const line of tap.stdout.split('\n')) {
    const subtest = /^# Subtest: (.*)$/.exec(line);
    if (subtest) file = subtest[1];
    else if (file && /^\s+not ok /.test(line)) details.set(file, [...(details.get(file) ?? []), line.trim()]);
  }
  for (const r of results) if (r.status === 'failed') r.detail = (details.get(r.name) ?? []).slice(0, 12).join('\n');
  const perFile = assertionsPerFile(tap.stdout);
  for (const r of results) r.assertions = perFile.get(r.name);
  results.push({
    name: '(the tap run: exit code 0)',
    status: tap.code === 0 ? 'passed' : 'failed',
    detail: tap.code === 0 ? undefined : `exit code ${tap.code}${tap.signal ? `, ${tap.signal}` : ''}\n${tail(tap.stderr, 20)}`,
  });
  return results;
}

/**
 * A file's assertions, counted as tap counts them in its closing "# { total: …, pass: … }" line: the leaf "ok" lines,
 * not those that close a subtest. A line closes a subtest when the line before it (YAML diagnostics aside) is indented
 * deeper: the subtest's own lines. Failing assertions are listed by their subtest path (at most 20 per file).
 */
function assertionsPerFile(stdout) {
  const files = new Map();
  let file;
  let previousIndent = 0;
  let inYaml = false;
  const subtests = [];
  for (const line of stdout.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const indent = line.length - line.trimStart().length;
    if (inYaml) {
      if (trimmed === '...') inYaml = false;
      continue;
    }
    if (trimmed === '---') {
      inYaml = true;
      continue;
    }
    const top = /^# Subtest: (.*)$/.exec(line);
    if (top) {
      file = { passed: 0, failed: 0, skipped: 0, failures: [] };
      files.set(top[1], file);
      subtests.length = 0;
    } else if (file && indent > 0) {
      const subtest = /^# Subtest: (.*)$/.exec(trimmed);
      const result = /^(not ok|ok) \d+(?: - (.*?))?(?: # (SKIP|TODO)\b.*| # time=[\d.]+ms)?$/.exec(trimmed);
      if (subtest) subtests[indent / 4 - 1] = subtest[1];
      else if (result && previousIndent <= indent) {
        const status = result[3] ? 'skipped' : result[1] === 'ok' ? 'passed' : 'failed';
        file[status]++;
        if (status === 'failed' && file.failures.length < 20) file.failures.push([...subtests.slice(0, indent / 4 - 1), result[2] ?? ''].join(' > '));
      }
    }
    previousIndent = indent;
  }
  return files;
}

/**
 * Runs a plan; `environmentOf()` gives a command its environment (a fresh one each call), `onResult` sees each raw
 * result as it ends. Raw results come back in plan order.
 */
async function execute(plan, environmentOf, onResult = () => {}) {
  let shared;
  const raws = [];
  let index = 0;
  for (const stage of plan) {
    const base = index;
    index += stage.commands.length;
    const done = await inParallel(stage.commands, stage.parallel, async (command, worker) => {
      const env = command.ownEnvironment ? environmentOf() : (shared ??= environmentOf());
      const commandEnv = command.threadId ? { ...env, TEST_THREAD_ID: String(worker) } : env;
      const raw = { index: base + stage.commands.indexOf(command), name: command.name, ...(await run(options.node, command.args, { cwd: suiteDir, env: commandEnv, timeout: command.timeout })) };
      onResult(raw);
      return raw;
    });
    raws.push(...done);
  }
  return raws;
}

async function runSuite(withPreload, tmpdir) {
  const { plan, interpret } = modes[options.mode];
  return interpret(await execute(plan(), () => environment(tmpdir, withPreload)), tmpdir);
}

// ---- the driver: the preloaded pass as one command, run by the CLI ----

const driverMark = 'memfs-conformance-driver ';

/** The spool's size, as du counts it (allocated blocks: journals can be sparse) and as their lengths add up. */
function spoolSize(spool) {
  const size = { bytes: 0, apparentBytes: 0, journals: 0 };
  const walk = (dir) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      try {
        const s = fs.lstatSync(full);
        size.bytes += s.blocks * 512;
        size.apparentBytes += s.size;
        if (entry.name.endsWith('.journal')) size.journals++;
        if (entry.isDirectory()) walk(full);
      } catch {
        // a journal renamed over by its compaction between the listing and the stat
      }
    }
  };
  walk(spool);
  return size;
}

async function drive() {
  const say = (record) => process.stdout.write(`${driverMark}${JSON.stringify(record)}\n`);
  const spool = process.env.MEMFS_SPOOL;
  const peak = { bytes: 0, apparentBytes: 0, journals: 0 };
  const sample = () => {
    if (!spool) return;
    const now = spoolSize(spool);
    for (const key of Object.keys(peak)) peak[key] = Math.max(peak[key], now[key]);
    return now;
  };
  const sampler = setInterval(sample, 250);
  await execute(modes[options.mode].plan(), () => environment(undefined, true), (raw) => say({ type: 'result', ...raw }));
  clearInterval(sampler);
  const final = sample();
  say({ type: 'spool', spool, peak, final });
  say({ type: 'done' });
}

/** The third pass: `cli.mjs run --export always` around the driver; returns the test results and what the CLI did. */
async function runUnderCli(tmpdir, outDir) {
  const driverArgs = [
    fileURLToPath(import.meta.url), '--driver', '--mode', options.mode, '--node', options.node, '--jobs', String(jobs),
    '--timeout', options.timeout, ...(options.only ? ['--only', options.only] : []), suiteDir,
  ];
  const args = [cli, 'run', ...(options.engine ? ['--engine', options.engine] : []), ...(options.quota ? ['--quota', options.quota] : []), '--export', 'always', '--out', outDir, '--', options.node, ...driverArgs];
  const started = performance.now();
  const raws = [];
  let spool;
  let doneAt;
  const outcome = await new Promise((resolve) => {
    const child = spawn(options.node, args, { cwd: suiteDir, env: environment(tmpdir, false), stdio: ['ignore', 'pipe', 'pipe'] });
    let pending = '';
    const other = [];
    const err = [];
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text) => {
      pending += text;
      let newline;
      while ((newline = pending.indexOf('\n')) !== -1) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        if (!line.startsWith(driverMark)) {
          other.push(line);
          continue;
        }
        const record = JSON.parse(line.slice(driverMark.length));
        if (record.type === 'result') raws.push(record);
        else if (record.type === 'spool') spool = record;
        else if (record.type === 'done') doneAt = performance.now();
      }
    });
    child.stderr.on('data', (chunk) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGTERM'), 120 * timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr: Buffer.concat(err).toString('utf8'), otherStdout: other.join('\n') });
    });
  });
  const exitedAt = performance.now();
  raws.sort((a, b) => a.index - b.index);
  return {
    results: modes[options.mode].interpret(raws, tmpdir),
    ms: Math.round(exitedAt - started),
    commandMs: doneAt === undefined ? undefined : Math.round(doneAt - started),
    afterCommandMs: doneAt === undefined ? undefined : Math.round(exitedAt - doneAt),
    exitCode: outcome.code,
    signal: outcome.signal,
    summary: outcome.stderr,
    otherStdout: outcome.otherStdout,
    spool,
  };
}

/** What a sound export holds: a manifest that parses, counts that agree with its changes and with the files it wrote. */
function checkExport(outDir, roots) {
  const problems = [];
  const manifestPath = path.join(outDir, 'manifest.json');
  if (!fs.existsSync(manifestPath)) return { problems: [`no ${manifestPath}`] };
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    return { problems: [`manifest.json does not parse: ${error.message}`] };
  }
  if (manifest.schemaVersion !== 1) problems.push(`schemaVersion ${manifest.schemaVersion}`);
  const changes = manifest.changes ?? [];
  // counts (docs/manifest.md): every entry of changes[] by kind, and counts.directories the folders among them.
  const byKind = {};
  const directoriesByKind = {};
  for (const c of changes) {
    byKind[c.change] = (byKind[c.change] ?? 0) + 1;
    if (c.type === 'directory') directoriesByKind[c.change] = (directoriesByKind[c.change] ?? 0) + 1;
  }
  const { directories = {}, ...counts } = manifest.counts ?? {};
  for (const kind of new Set([...Object.keys(byKind), ...Object.keys(counts)])) {
    if ((byKind[kind] ?? 0) !== (counts[kind] ?? 0)) problems.push(`counts.${kind} is ${counts[kind]}, changes[] holds ${byKind[kind] ?? 0}`);
  }
  for (const kind of new Set([...Object.keys(directoriesByKind), ...Object.keys(directories)])) {
    if ((directoriesByKind[kind] ?? 0) !== (directories[kind] ?? 0)) {
      problems.push(`counts.directories.${kind} is ${directories[kind]}, changes[] holds ${directoriesByKind[kind] ?? 0} folders`);
    }
  }
  const labels = new Map((manifest.roots ?? []).map((r) => [r.label, r.path]));
  for (const [label, rootPath] of Object.entries(roots)) {
    if (labels.get(label) !== rootPath) problems.push(`root ${label} is ${labels.get(label)}, expected ${rootPath}`);
  }
  const listedFiles = new Set();
  for (const c of changes) {
    if (!labels.has(c.root)) problems.push(`${c.path}: root ${c.root} is not among the roots`);
    if (c.exportedAs) {
      listedFiles.add(c.exportedAs);
      const exported = path.join(outDir, c.exportedAs);
      if (!fs.existsSync(exported)) problems.push(`${c.exportedAs} is listed but missing`);
      else if (c.sha256 && createHash('sha256').update(fs.readFileSync(exported)).digest('hex') !== c.sha256) problems.push(`${c.exportedAs}: sha256 differs from the manifest`);
    }
    if (c.writers?.some((w) => !manifest.writers?.[w])) problems.push(`${c.path}: a writer index out of range`);
  }
  let filesOnDisk = 0;
  for (const top of ['files', 'transient']) {
    const walk = (dir) => {
      if (!fs.existsSync(dir)) return;
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else {
          filesOnDisk++;
          if (!listedFiles.has(path.relative(outDir, full))) problems.push(`${path.relative(outDir, full)} is in the export but not in the manifest`);
        }
      }
    };
    walk(path.join(outDir, top));
  }
  // Where the changes are: the first two segments of each path under its root, the largest ten.
  const places = new Map();
  for (const c of changes) {
    const place = `${c.root}/${c.relativePath.split('/').slice(0, 2).join('/')}`;
    places.set(place, (places.get(place) ?? 0) + 1);
  }
  return {
    problems: problems.slice(0, 50),
    problemCount: problems.length,
    counts: manifest.counts,
    changes: changes.length,
    exportedFiles: filesOnDisk,
    writers: manifest.writers?.length ?? 0,
    exitCode: manifest.exitCode,
    durationMs: manifest.durationMs,
    where: [...places].sort((a, b) => b[1] - a[1]).slice(0, 10),
    gaps: manifest.gaps ?? [],
  };
}

// ---- the disk check ----

function snapshot(root) {
  const entries = new Map();
  const walk = (dir) => {
    let names;
    try {
      names = fs.readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const full = path.join(dir, name);
      const s = fs.lstatSync(full, { bigint: true });
      const entry = { mode: s.mode.toString(8), size: s.size.toString(), mtimeNs: s.mtimeNs.toString() };
      if (s.isFile()) entry.sha256 = createHash('sha256').update(fs.readFileSync(full)).digest('hex');
      if (s.isSymbolicLink()) entry.target = fs.readlinkSync(full);
      entries.set(path.relative(root, full), entry);
      if (s.isDirectory()) walk(full);
    }
  };
  walk(root);
  return entries;
}

function diff(before, after) {
  const changes = [];
  for (const [p, entry] of before) {
    const now = after.get(p);
    if (!now) changes.push(`deleted ${p}`);
    else if (JSON.stringify(now) !== JSON.stringify(entry)) changes.push(`changed ${p}`);
  }
  for (const p of after.keys()) if (!before.has(p)) changes.push(`created ${p}`);
  return changes;
}

// The preload's default pass-through list (src/preload/config.ts), which reaches the disk on purpose: coverage and
// test reports CI reads after the run (tap's .tap/coverage and .tap/test-results among them), caches of the tools.
const passThroughSegment = /^(node_modules|coverage|\.nyc_output|test-results|test-reports|junit.*\.xml)$/;
const tmpPassThroughTop = /^(jest_.*|node-compile-cache|tsx-.*|v8-compile-cache.*)$/;
function passedThrough(where, relativePath) {
  const segments = relativePath.split(path.sep);
  return segments.some((s) => passThroughSegment.test(s)) || (where === 'tmp' && tmpPassThroughTop.test(segments[0]));
}

/**
 * Runs `pass` and returns its outcome with the changes it made to the real disk under the suite and its temp dir:
 * `diskChanges` must be empty; `passThroughChanges` went to the default pass-through paths, as they should.
 */
async function checkingTheDisk(tmpdir, pass) {
  const before = { suite: snapshot(suiteDir), tmp: snapshot(tmpdir) };
  const outcome = await pass();
  const after = { suite: snapshot(suiteDir), tmp: snapshot(tmpdir) };
  const all = ['suite', 'tmp'].flatMap((where) => diff(before[where], after[where]).map((c) => [where, c]));
  const pathOf = (c) => c.slice(c.indexOf(' ') + 1);
  const through = all.filter(([where, c]) => passedThrough(where, pathOf(c)));
  // A folder holding a pass-through folder that was made or removed has a new mtime on the disk: that is all.
  const onlyItsMtime = (where, p) => {
    const { mtimeNs: _a, ...was } = before[where].get(p) ?? {};
    const { mtimeNs: _b, ...is } = after[where].get(p) ?? {};
    return was.mode?.startsWith('4') && JSON.stringify(was) === JSON.stringify(is);
  };
  const isPassThrough = ([where, c]) =>
    passedThrough(where, pathOf(c)) ||
    (c.startsWith('changed ') && onlyItsMtime(where, pathOf(c)) && through.some(([w, t]) => w === where && pathOf(t).startsWith(`${pathOf(c)}${path.sep}`)));
  return {
    ...outcome,
    diskChanges: all.filter((c) => !isPassThrough(c)).map(([where, c]) => `${where}: ${c}`),
    passThroughChanges: all.filter(isPassThrough).map(([where, c]) => `${where}: ${c}`),
  };
}

// ---- the passes and the comparison ----

function counts(results) {
  const c = { passed: 0, failed: 0, skipped: 0 };
  for (const r of results) c[r.status]++;
  return c;
}

/** tap mode: the assertions of every file added up; undefined in the other modes. */
function assertionCounts(results) {
  const withCounts = results.filter((r) => r.assertions);
  if (withCounts.length === 0) return undefined;
  const c = { passed: 0, failed: 0, skipped: 0 };
  for (const { assertions } of withCounts) for (const key of Object.keys(c)) c[key] += assertions[key];
  return c;
}

/** tap mode: the failing assertions of `other` ("file > subtest > assertion") that do not fail in `reference`. */
function newFailures(reference, other) {
  const failing = (results) => results.flatMap((r) => (r.assertions?.failures ?? []).map((f) => `${r.name} > ${f}`));
  const before = new Set(failing(reference));
  return failing(other).filter((f) => !before.has(f));
}

/** Tests that pass in `reference` but not in `other`. */
function lost(reference, other) {
  const byName = new Map(other.map((r) => [r.name, r]));
  return reference
    .filter((r) => r.status === 'passed' && byName.get(r.name)?.status !== 'passed')
    .map((r) => ({ name: r.name, status: byName.get(r.name)?.status ?? 'missing', detail: byName.get(r.name)?.detail }));
}

/** Tests whose status differs between the preloaded pass and the pass under the CLI, with the failing side's detail. */
function differing(preloaded, underCli) {
  const before = new Map(preloaded.map((r) => [r.name, r]));
  const after = new Map(underCli.map((r) => [r.name, r]));
  return [...new Set([...before.keys(), ...after.keys()])]
    .filter((name) => before.get(name)?.status !== after.get(name)?.status)
    .map((name) => {
      const preload = before.get(name)?.status ?? 'missing';
      const cli = after.get(name)?.status ?? 'missing';
      return { name, preload, cli, detail: (cli === 'passed' ? before : after).get(name)?.detail };
    });
}

async function main() {
  const version = (await run(options.node, ['--version'], { cwd: suiteDir, env: process.env })).stdout.trim();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-conformance-'));
  const plainTmp = path.join(work, 'plain-tmp');
  const preloadTmp = path.join(work, 'preload-tmp');
  const cliTmp = path.join(work, 'cli-tmp');
  const cliOut = path.join(work, 'cli-out');
  for (const dir of [plainTmp, preloadTmp, cliTmp]) fs.mkdirSync(dir);

  let started = performance.now();
  const plain = await runSuite(false, plainTmp);
  const plainMs = Math.round(performance.now() - started);

  started = performance.now();
  const bare = options['skip-bare'] ? undefined : await checkingTheDisk(preloadTmp, async () => ({ results: await runSuite(true, preloadTmp) }));
  const { results: preloaded, diskChanges, passThroughChanges } = bare ?? { results: [], diskChanges: [], passThroughChanges: [] };
  const preloadMs = Math.round(performance.now() - started);

  const plainByName = new Map(plain.map((r) => [r.name, r]));
  const report = {
    mode: options.mode,
    node: version,
    suite: suiteDir,
    spool: options.spool,
    plain: { ...counts(plain), ms: plainMs, assertions: assertionCounts(plain) },
    preload: bare && { ...counts(preloaded), ms: preloadMs, assertions: assertionCounts(preloaded), newFailures: newFailures(plain, preloaded) },
    regressions: bare ? lost(plain, preloaded) : [],
    passOnlyUnderPreload: preloaded.filter((r) => r.status === 'passed' && plainByName.get(r.name)?.status === 'failed').map((r) => r.name),
    failingPlainly: plain.filter((r) => r.status === 'failed').map((r) => r.name),
    diskChanges,
    passThroughChanges,
  };

  let cliResults;
  if (cli) {
    const underCli = await checkingTheDisk(cliTmp, () => runUnderCli(cliTmp, cliOut));
    cliResults = underCli.results;
    const exportCheck = checkExport(cliOut, { workspace: suiteDir, tmp: fs.realpathSync(cliTmp) });
    report.cli = {
      ...counts(underCli.results),
      assertions: assertionCounts(underCli.results),
      newFailures: newFailures(plain, underCli.results),
      ms: underCli.ms,
      commandMs: underCli.commandMs,
      afterCommandMs: underCli.afterCommandMs,
      exitCode: underCli.exitCode,
      signal: underCli.signal,
      spool: underCli.spool,
      summary: underCli.summary,
      otherStdout: underCli.otherStdout || undefined,
      regressions: lost(plain, underCli.results),
      differFromPreload: bare ? differing(preloaded, underCli.results) : [],
      diskChanges: underCli.diskChanges,
      passThroughChanges: underCli.passThroughChanges,
      export: exportCheck,
    };
  }
  // Every test's result of each pass, for a later look at what differs.
  report.results = { plain, preload: bare && preloaded, cli: cliResults };
  if (options.out) fs.writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
  fs.rmSync(work, { recursive: true, force: true });

  const indent = (text) => (text ?? '').split('\n').map((l) => `      ${l}`).join('\n');
  const assertionsOf = (a) => (a ? `; assertions ${a.passed} passed, ${a.failed} failed, ${a.skipped} skipped` : '');
  const line = (label, c) => `${label}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped${assertionsOf(c.assertions)} (${(c.ms / 1000).toFixed(1)} s)`;
  const failuresLine = (label, failures) => {
    if (failures === undefined || failures.length === 0) return;
    console.log(`assertions that fail ${label} but not plainly: ${failures.length} (up to 20 per file)`);
    for (const f of failures.slice(0, 40)) console.log(`  ${f}`);
  };
  console.log(`${options.mode} suite on Node ${version}`);
  console.log(line('plainly      ', report.plain));
  if (bare) console.log(line(`under preload${options.spool ? ' (spool per file/run)' : ''}`, report.preload));
  else console.log('under preload: not run (--skip-bare)');
  if (report.cli) console.log(line('under the CLI', report.cli));
  if (bare) {
    console.log(`pass plainly but not under the preload: ${report.regressions.length}`);
    for (const r of report.regressions) console.log(`  ${r.name} (${r.status})\n${indent(r.detail)}`);
    failuresLine('under the preload', report.preload.newFailures);
    console.log(`disk under the roots after the preloaded pass: ${diskChanges.length === 0 ? 'unchanged' : `${diskChanges.length} changes`}`);
    for (const c of diskChanges.slice(0, 50)) console.log(`  ${c}`);
  }
  const passThroughLine = (changes) => {
    if (changes.length === 0) return;
    const places = [...new Set(changes.map((c) => c.replace(/^(\w+): \w+ /, '$1: ').split(path.sep).slice(0, 2).join(path.sep)))];
    console.log(`  and ${changes.length} changes under default pass-through paths, as meant: ${places.slice(0, 5).join(', ')}`);
  };
  passThroughLine(passThroughChanges);
  let cliSound = true;
  if (report.cli) {
    const c = report.cli;
    const e = c.export;
    console.log(`under the CLI: exit code ${c.exitCode}${c.signal ? ` (${c.signal})` : ''}; the command ${((c.commandMs ?? NaN) / 1000).toFixed(1)} s, then the fold, export and report ${((c.afterCommandMs ?? NaN) / 1000).toFixed(1)} s`);
    if (c.spool?.final) {
      const mib = (n) => `${(n / 1048576).toFixed(1)} MiB`;
      console.log(`  spool: peak ${mib(c.spool.peak.bytes)} on disk (${mib(c.spool.peak.apparentBytes)} of journal lengths), ${c.spool.final.journals} journals at the end (${mib(c.spool.final.bytes)})`);
    } else console.log(`  spool: ${c.spool ? 'none (kernel engine: no journals)' : 'the driver reported no size (it did not finish?)'}`);
    console.log(`  export: ${e.changes ?? 0} changes ${JSON.stringify(e.counts ?? {})}, ${e.exportedFiles ?? 0} files exported, ${e.writers ?? 0} writers; ${e.problems.length === 0 ? 'sound' : `${e.problemCount ?? e.problems.length} problems`}`);
    for (const p of e.problems) console.log(`    ${p}`);
    if (e.where) console.log(`  where: ${e.where.map(([place, n]) => `${place} ${n}`).join(', ')}`);
    console.log(`  gaps: ${e.gaps?.length ?? 0}`);
    for (const g of e.gaps ?? []) console.log(`    ${g.reason}${g.pid ? ` pid ${g.pid}` : ''}: ${g.detail}${g.command ? `\n      ${g.command}` : ''}`);
    console.log(`pass plainly but not under the CLI: ${c.regressions.length}`);
    for (const r of c.regressions) console.log(`  ${r.name} (${r.status})`);
    failuresLine('under the CLI', c.newFailures);
    console.log(`differ between the bare preload and the CLI: ${c.differFromPreload.length}`);
    for (const r of c.differFromPreload) console.log(`  ${r.name}: preload ${r.preload}, CLI ${r.cli}\n${indent(r.detail)}`);
    console.log(`disk under the roots after the CLI pass: ${c.diskChanges.length === 0 ? 'unchanged' : `${c.diskChanges.length} changes`}`);
    for (const d of c.diskChanges.slice(0, 50)) console.log(`  ${d}`);
    passThroughLine(c.passThroughChanges);
    if (c.otherStdout) console.log(`  other output on the CLI's stdout:\n${indent(tail(c.otherStdout))}`);
    cliSound = c.regressions.length === 0 && c.diskChanges.length === 0 && e.problems.length === 0 && c.spool !== undefined;
  }
  process.exitCode = report.regressions.length === 0 && diskChanges.length === 0 && cliSound ? 0 : 1;
}

if (options.driver) await drive();
else await main();

#!/usr/bin/env node
// Runs a public test suite twice — plainly, then with the preload first in NODE_OPTIONS — and reports, test by test,
// what the preload changed, plus whether the real disk under the roots (the suite's folder and the temp dir) is
// exactly what it was before the preloaded run. The suites are never part of this repository: bring them in next to
// it (shared/research/conformance.md says from where) and pass the folder.
//
//   node test/conformance/run.mjs --mode node     --preload dist/preload.cjs [--node BIN] [--jobs 2] [--out r.json] DIR
//   node test/conformance/run.mjs --mode fs-extra --preload dist/preload.cjs [--node BIN] [--out r.json] DIR
//
// --mode node: Node's own fs tests (DIR holds test/common, test/fixtures, test/parallel, test/sequential). Each file
//   runs alone as `node <its "// Flags:" header> FILE` from DIR, with TEST_THREAD_ID set per parallel job; exit 0 is
//   a pass, "1..0 # Skipped" on stdout a skip.
// --mode fs-extra: fs-extra's suite (its dependencies installed in DIR): what `node test.js --reporter tap` runs
//   (mocha over lib/**/*.test.js, given as an explicit list), one result per TAP line, then `node test.mjs`.
// --spool gives each test file (node mode) or the run (fs-extra) a journal spool, as the action and the CLI do: Node
//   children a test starts then see what it wrote before. --only REGEXP narrows the test files (node mode). Exit code: 0 when every test that passes plainly passes under the
// preload and the disk is unchanged, 1 otherwise.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: options, positionals } = parseArgs({
  options: {
    mode: { type: 'string' },
    preload: { type: 'string' },
    node: { type: 'string', default: process.execPath },
    jobs: { type: 'string', default: '2' },
    timeout: { type: 'string', default: '30' },
    only: { type: 'string' },
    out: { type: 'string' },
    spool: { type: 'boolean', default: false },
  },
  allowPositionals: true,
});

function fail(message) {
  process.stderr.write(`conformance: ${message}\n`);
  process.exit(2);
}
if (positionals.length !== 1) fail('give exactly one suite folder');
if (!['node', 'fs-extra'].includes(options.mode)) fail('--mode must be node or fs-extra');
if (!options.preload) fail('--preload must name the built preload (dist/preload.cjs)');
const suiteDir = fs.realpathSync(positionals[0]);
const preload = fs.realpathSync(options.preload);
const jobs = Math.max(1, Number(options.jobs));
const timeoutMs = Number(options.timeout) * 1000;

// ---- running one command ----

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

/** The environment of one pass: a private temp dir, and the preload first in NODE_OPTIONS when asked. */
let spools = 0;
function environment(tmpdir, withPreload) {
  const env = { ...process.env, TMPDIR: tmpdir };
  for (const name of Object.keys(env)) if (name.startsWith('MEMFS_')) delete env[name];
  if (withPreload && options.spool) {
    env.MEMFS_SPOOL = path.join(path.dirname(tmpdir), `spool-${++spools}`);
    fs.mkdirSync(env.MEMFS_SPOOL);
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

// ---- Node's own tests ----

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

async function runNodeSuite(withPreload, tmpdir) {
  const { parallel, sequential } = nodeTestFiles();
  const one = async (file, worker) => {
    const env = { ...environment(tmpdir, withPreload), TEST_THREAD_ID: String(worker) };
    const r = await run(options.node, [...flagsOf(file), file], { cwd: suiteDir, env });
    const status = r.code === 0 ? (/^1\.\.0 # Skipped/m.test(r.stdout) ? 'skipped' : 'passed') : 'failed';
    return { name: file, status, ms: r.ms, detail: status === 'failed' ? tail(`${r.stderr}\n${r.stdout}`) + (r.signal ? `\n(killed: ${r.signal})` : '') : undefined };
  };
  const results = await inParallel(parallel, jobs, one);
  results.push(...(await inParallel(sequential, 1, one)));
  return results;
}

// ---- fs-extra's suite ----

async function runFsExtraSuite(withPreload, tmpdir) {
  const env = environment(tmpdir, withPreload);
  // test.js finds the test files with klaw and stops reading a chunk at its first directory (`return` inside its
  // 'readable' loop), so how many files it adds depends on stream timing: give mocha the same explicit list instead.
  const mocha = path.join(suiteDir, 'node_modules/mocha/bin/mocha.js');
  const tap = await run(options.node, [mocha, '--reporter', 'tap', '--timeout', '30000', ...fsExtraTestFiles()], {
    cwd: suiteDir,
    env,
    timeout: 20 * timeoutMs,
  });
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
  const esm = await run(options.node, ['test.mjs'], { cwd: suiteDir, env });
  results.push({ name: 'test.mjs (ESM exports)', status: esm.code === 0 ? 'passed' : 'failed', detail: esm.code === 0 ? undefined : tail(esm.stderr + esm.stdout) });
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

// ---- the two passes and the comparison ----

function counts(results) {
  const c = { passed: 0, failed: 0, skipped: 0 };
  for (const r of results) c[r.status]++;
  return c;
}

async function main() {
  const version = (await run(options.node, ['--version'], { cwd: suiteDir, env: process.env })).stdout.trim();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-conformance-'));
  const plainTmp = path.join(work, 'plain-tmp');
  const preloadTmp = path.join(work, 'preload-tmp');
  fs.mkdirSync(plainTmp);
  fs.mkdirSync(preloadTmp);
  const runSuite = options.mode === 'node' ? runNodeSuite : runFsExtraSuite;

  let started = performance.now();
  const plain = await runSuite(false, plainTmp);
  const plainMs = Math.round(performance.now() - started);

  const suiteBefore = snapshot(suiteDir);
  const tmpBefore = snapshot(preloadTmp);
  started = performance.now();
  const preloaded = await runSuite(true, preloadTmp);
  const preloadMs = Math.round(performance.now() - started);
  const diskChanges = [
    ...diff(suiteBefore, snapshot(suiteDir)).map((c) => `suite: ${c}`),
    ...diff(tmpBefore, snapshot(preloadTmp)).map((c) => `tmp: ${c}`),
  ];

  const underPreload = new Map(preloaded.map((r) => [r.name, r]));
  const regressions = plain
    .filter((r) => r.status === 'passed' && underPreload.get(r.name)?.status !== 'passed')
    .map((r) => ({ name: r.name, status: underPreload.get(r.name)?.status ?? 'missing', detail: underPreload.get(r.name)?.detail }));
  const plainByName = new Map(plain.map((r) => [r.name, r]));
  const fixed = preloaded.filter((r) => r.status === 'passed' && plainByName.get(r.name)?.status === 'failed').map((r) => r.name);

  const report = {
    mode: options.mode,
    node: version,
    suite: suiteDir,
    plain: { ...counts(plain), ms: plainMs },
    preload: { ...counts(preloaded), ms: preloadMs },
    regressions,
    passOnlyUnderPreload: fixed,
    failingPlainly: plain.filter((r) => r.status === 'failed').map((r) => r.name),
    diskChanges,
  };
  if (options.out) fs.writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
  fs.rmSync(work, { recursive: true, force: true });

  const line = (label, c) => `${label}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped (${(c.ms / 1000).toFixed(1)} s)`;
  console.log(`${options.mode} suite on Node ${version}`);
  console.log(line('plainly      ', report.plain));
  console.log(line('under preload', report.preload));
  console.log(`pass plainly but not under the preload: ${regressions.length}`);
  for (const r of regressions) console.log(`  ${r.name} (${r.status})\n${(r.detail ?? '').split('\n').map((l) => `      ${l}`).join('\n')}`);
  console.log(`disk under the roots: ${diskChanges.length === 0 ? 'unchanged' : `${diskChanges.length} changes`}`);
  for (const c of diskChanges.slice(0, 50)) console.log(`  ${c}`);
  process.exitCode = regressions.length === 0 && diskChanges.length === 0 ? 0 : 1;
}

await main();

// Starts a Node child or worker in each way a program can give it an environment of its own, each writing one file
// and reporting what it saw; prints the reports as one JSON array. argv[2]: "cjs" or "esm" (the ESM twin imports).
const { execFile, execFileSync, execSync, fork, spawn, spawnSync, exec } = require('node:child_process');
const { Worker } = require('node:worker_threads');

const node = JSON.stringify(process.execPath);
/** The child's program: write `<name>.txt`, report what it sees. */
const child = (name) => `
  const fs = require('fs');
  fs.writeFileSync(${JSON.stringify(`${name}.txt`)}, 'written by ${name}');
  const report = { name: ${JSON.stringify(name)}, spool: process.env.MEMFS_SPOOL ?? null, nodeOptions: process.env.NODE_OPTIONS ?? null,
    heapLimitMiB: require('v8').getHeapStatistics().heap_size_limit / 1048576 };
  if (require('worker_threads').isMainThread) process.stdout.write(JSON.stringify(report)); else require('worker_threads').parentPort.postMessage(report);`;

const onExit = (spawned) => new Promise((resolve, reject) => {
  let out = '';
  spawned.stdout.on('data', (data) => (out += data));
  spawned.on('error', reject).on('close', () => resolve(JSON.parse(out)));
});
const viaCallback = (start) => new Promise((resolve, reject) => start((error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout)))));

async function main() {
  const reports = [];
  const userOptions = '--max-old-space-size=200';
  reports.push(JSON.parse(execFileSync(process.execPath, ['-e', child('execFileSync-empty-env')], { env: {} })));
  reports.push(JSON.parse(spawnSync(process.execPath, ['-e', child('spawnSync-own-node-options')], { env: { PATH: process.env.PATH, NODE_OPTIONS: userOptions } }).stdout));
  reports.push(JSON.parse(execSync(`${node} -e "eval(process.env.PROGRAM)"`, { env: { PROGRAM: child('execSync-shell') } })));
  reports.push(await viaCallback((done) => execFile(process.execPath, ['-e', child('execFile-empty-env')], { env: {} }, done)));
  reports.push(await viaCallback((done) => exec(`${node} -e "eval(process.env.PROGRAM)"`, { env: { PROGRAM: child('exec-shell') } }, done)));
  reports.push(await onExit(spawn(process.execPath, ['-e', child('spawn-own-node-options')], { env: { NODE_OPTIONS: userOptions } })));
  reports.push(await onExit(fork('-', [], { env: {}, execArgv: ['-e', child('fork-empty-env')], stdio: 'pipe' })));
  reports.push(await new Promise((resolve, reject) => {
    new Worker(child('worker-empty-env'), { eval: true, env: {} }).on('message', resolve).on('error', reject);
  }));
  reports.push(await new Promise((resolve, reject) => {
    new Worker(child('worker-own-node-options'), { eval: true, env: { NODE_OPTIONS: '--no-deprecation' } }).on('message', resolve).on('error', reject);
  }));
  process.stdout.write(JSON.stringify(reports));
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});

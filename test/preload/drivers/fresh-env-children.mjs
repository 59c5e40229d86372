// The ES module twin of fresh-env-children.cjs: child_process and worker_threads reached by `import`, which only
// module.registerHooks (Node ≥ 22.15) lets the preload see before the program uses them.
import { execFileSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';

const child = (name) => `
  require('fs').writeFileSync(${JSON.stringify(`${name}.txt`)}, 'written by ${name}');
  const report = { name: ${JSON.stringify(name)}, spool: process.env.MEMFS_SPOOL ?? null };
  if (require('worker_threads').isMainThread) process.stdout.write(JSON.stringify(report)); else require('worker_threads').parentPort.postMessage(report);`;

const reports = [JSON.parse(execFileSync(process.execPath, ['-e', child('esm-execFileSync-empty-env')], { env: {} }))];
reports.push(await new Promise((resolve, reject) => {
  new Worker(child('esm-worker-empty-env'), { eval: true, env: {} }).on('message', resolve).on('error', reject);
}));
process.stdout.write(JSON.stringify(reports));

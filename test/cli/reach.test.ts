// The preload reaches every Node process of the command, however it is started: a script that sets NODE_OPTIONS
// itself (the usual `NODE_OPTIONS=--experimental-vm-modules jest`), by `npm run` or a plain command line, and a
// program that gives a child or a worker an environment of its own. What they write stays in memory, is reported and
// exported, and the options the user set still apply. On every Node: the command's PATH finds that Node first.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeBinaries } from '../support/node-versions.js';
import { useCliProject } from './cli-project.js';

const project = useCliProject('memfs-cli-reach-');

/** A program for `node -e` that writes `name` with what the process saw: its Node, NODE_OPTIONS and heap limit. */
const writer = (name: string) =>
  `require('fs').writeFileSync('${name}', JSON.stringify({ major: +process.versions.node.split('.')[0], nodeOptions: process.env.NODE_OPTIONS, ` +
  `heapLimitMiB: Math.round(require('v8').getHeapStatistics().heap_size_limit / 1048576) }))`;

const seen = (name: string) =>
  JSON.parse(fs.readFileSync(project.exported(name), 'utf8')) as { major: number; nodeOptions: string; heapLimitMiB: number };

describe.each(nodeBinaries())('on Node $major', ({ path: node, major }) => {
  const onThisNode = { env: { PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}` } };

  it('a package.json script that sets NODE_OPTIONS itself, run by npm, stays in memory and is reported', () => {
    fs.writeFileSync(path.join(project.dir, 'package.json'), JSON.stringify({
      name: 'reach', private: true,
      scripts: { test: `NODE_OPTIONS=--experimental-vm-modules node -e "${writer('by-npm.json')}" && exit 5` },
    }));
    const result = project.run(['run', '--', 'npm', 'test', '--silent'], onThisNode);
    expect(result.status).toBe(5);
    expect(fs.existsSync(path.join(project.dir, 'by-npm.json'))).toBe(false);
    expect(project.manifest().changes.map((c) => c.relativePath)).toEqual(['by-npm.json']);
    expect(seen('by-npm.json').major).toBe(major); // the shim ran the node the PATH had first without it
    expect(seen('by-npm.json').nodeOptions).toMatch(/^--require \S*preload\.cjs --experimental-vm-modules$/);
    expect(result.stderr).toContain('created   workspace/by-npm.json');
  });

  it('a command line that replaces NODE_OPTIONS stays in memory, and the options it set still apply', () => {
    project.script('write.cjs', writer('by-sh.json'));
    const result = project.run(['run', '--', 'NODE_OPTIONS=--max-old-space-size=200 node write.cjs; exit 3'], onThisNode);
    expect(result.status).toBe(3);
    expect(fs.existsSync(path.join(project.dir, 'by-sh.json'))).toBe(false);
    const { major: ran, nodeOptions, heapLimitMiB } = seen('by-sh.json');
    expect(ran).toBe(major);
    expect(nodeOptions).toMatch(/ --max-old-space-size=200$/);
    expect(heapLimitMiB).toBeLessThan(400); // 200 MiB and the young generation: the user's option took effect
  });

  it('a worker given env: {} and execFile(process.execPath, …, { env: {} }) stay in memory and are reported', () => {
    project.script('fresh-env.cjs', `
      const { execFile } = require('child_process');
      const { Worker } = require('worker_threads');
      new Worker(${JSON.stringify(writer('by-worker.json'))}, { eval: true, env: {} }).on('exit', () => {
        execFile(process.execPath, ['-e', ${JSON.stringify(writer('by-exec-file.json'))}], { env: {} }, (error) => {
          if (error) throw error;
          process.exitCode = 4;
        });
      });`);
    const result = project.run(['run', '--', 'node', 'fresh-env.cjs'], onThisNode);
    expect(result.status).toBe(4);
    expect(fs.existsSync(path.join(project.dir, 'by-worker.json'))).toBe(false);
    expect(fs.existsSync(path.join(project.dir, 'by-exec-file.json'))).toBe(false);
    expect(project.manifest().changes.map((c) => c.relativePath).sort()).toEqual(['by-exec-file.json', 'by-worker.json']);
  });
});

it('the node shim is gone with the run, and the command found it first on its PATH', () => {
  project.script('where.cjs', `require('fs').writeFileSync('path.txt', process.env.PATH); process.exitCode = 1`);
  const result = project.run(['run', '--', 'node where.cjs']);
  expect(result.status).toBe(1);
  const shimDir = fs.readFileSync(project.exported('path.txt'), 'utf8').split(path.delimiter)[0]!;
  expect(path.basename(shimDir)).toMatch(/^memfs-bin-/);
  expect(fs.existsSync(shimDir)).toBe(false);
});

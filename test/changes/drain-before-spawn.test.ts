// The draining wrappers of node:child_process and node:worker_threads: each drains the registered journals before it
// starts anything, and otherwise behaves as the function it wraps (same results, same errors, same own properties).
import * as childProcess from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { installDrainBeforeSpawn, originalOf, registerDrain } from '../../src/changes/drain-before-spawn.js';

const require = createRequire(import.meta.url);
const cp = require('node:child_process') as typeof childProcess;
const workerThreads = require('node:worker_threads') as typeof import('node:worker_threads');
let drains = 0;
let unregister: () => void = () => {};

beforeAll(() => {
  installDrainBeforeSpawn();
});

function countDrains(): void {
  drains = 0;
  unregister = registerDrain(() => drains++);
}

afterEach(() => unregister());

const node = process.execPath;

describe('drain before spawn', () => {
  it('drains before execFileSync starts the child, and returns what the original returns', () => {
    countDrains();
    const wrapped = cp.execFileSync(node, ['-p', '6 * 7'], { encoding: 'utf8' });
    expect(drains).toBe(1);
    expect(wrapped).toBe(originalOf(cp.execFileSync)(node, ['-p', '6 * 7'], { encoding: 'utf8' }));
  });

  it('replaces every function of child_process that starts a process, keeping its name and length', () => {
    for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const) {
      const wrapped = cp[name];
      const original = originalOf(wrapped);
      expect(wrapped).not.toBe(original);
      expect([wrapped.name, wrapped.length]).toEqual([original.name, original.length]);
    }
  });

  it('gives the ES module namespace the same wrappers as require', () => {
    expect(childProcess.execFileSync).toBe(cp.execFileSync);
    expect(childProcess.spawn).toBe(cp.spawn);
  });

  it('throws the error the original throws, with the same status and message', () => {
    const failing = () => cp.execFileSync(node, ['-e', 'process.exit(3)'], { stdio: 'ignore' });
    const originalFailing = () => originalOf(cp.execFileSync)(node, ['-e', 'process.exit(3)'], { stdio: 'ignore' });
    const caught = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return error as { status: number; message: string; constructor: unknown };
      }
      throw new Error('did not throw');
    };
    const [wrapped, original] = [caught(failing), caught(originalFailing)];
    expect([wrapped.status, wrapped.message, wrapped.constructor]).toEqual([original.status, original.message, original.constructor]);
  });

  it('drains before a promisified execFile starts its child, and resolves as the original does', async () => {
    countDrains();
    const result = await promisify(cp.execFile)(node, ['-p', '"out"']);
    expect(drains).toBe(1);
    expect(result).toEqual({ stdout: 'out\n', stderr: '' });
  });

  it('promisifies exec again and again (util.promisify marks its result as its own promisified form)', async () => {
    countDrains();
    const once = promisify(cp.exec);
    const twice = promisify(once) as typeof once;
    expect(twice).toBe(once);
    expect((await twice(`${JSON.stringify(node)} -p 1`)).stdout).toBe('1\n');
    // Node's exec calls the exported execFile: the second drain finds nothing left to write.
    expect(drains).toBeGreaterThan(0);
  });

  it('drains before an asynchronous spawn, which still returns a ChildProcess', async () => {
    countDrains();
    const child = cp.spawn(node, ['-e', '0'], { stdio: 'ignore' });
    expect(drains).toBe(1);
    expect(child).toBeInstanceOf(cp.ChildProcess);
    await new Promise((resolve) => child.on('exit', resolve));
  });

  it('drains before new Worker, whose instances are still Workers', async () => {
    countDrains();
    const worker = new workerThreads.Worker('0', { eval: true });
    expect(drains).toBe(1);
    expect(worker).toBeInstanceOf(workerThreads.Worker);
    expect(worker).toBeInstanceOf(originalOf(workerThreads.Worker));
    expect(workerThreads.Worker.name).toBe('Worker');
    await new Promise((resolve) => worker.on('exit', resolve));
  });

  it('drains before a subclass of Worker is constructed, and keeps the subclass', async () => {
    countDrains();
    class Named extends workerThreads.Worker {}
    const worker = new Named('0', { eval: true });
    expect(drains).toBe(1);
    expect(worker).toBeInstanceOf(Named);
    await new Promise((resolve) => worker.on('exit', resolve));
  });

  it('starts the child even when a drain throws', () => {
    unregister = registerDrain(() => {
      throw new Error('broken journal');
    });
    expect(cp.execFileSync(node, ['-p', '1'], { encoding: 'utf8' })).toBe('1\n');
  });
});

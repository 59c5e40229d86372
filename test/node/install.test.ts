// Installing the fs face: every member classified on every Node, originals' own properties kept, ESM named imports
// patched, nothing added to globalThis, real descriptors and paths outside the roots left to Node, watch emulated.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeBinaries } from '../support/node-versions.js';
import { parseJson, runChild, support } from './support/children.js';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'install-'));
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

function freshDir(name: string): string {
  const dir = path.join(base, name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

for (const node of nodeBinaries()) {
  describe(`installing on Node ${node.major}`, () => {
    it('classifies every member of fs and fs.promises this Node has in exactly one class', async () => {
      const report = parseJson(await runChild(node.path, [path.join(support, 'members-child.ts')])) as Record<string, string[]>;
      const unclassified = Object.entries(report).filter(([, classes]) => classes.length !== 1);
      expect(Object.keys(report).length).toBeGreaterThan(100);
      expect(unclassified).toEqual([]);
    });

    it('keeps the shape of every member (name, length, own properties, .native) and adds no global', async () => {
      const tag = `shape-${node.major}`;
      const [plain, patched] = await Promise.all([
        runChild(node.path, [path.join(support, 'install-child.ts'), 'plain', freshDir(`${tag}-a/root`), freshDir(`${tag}-a/out`)]),
        runChild(node.path, [path.join(support, 'install-child.ts'), 'patched', freshDir(`${tag}-b/root`), freshDir(`${tag}-b/out`)]),
      ]);
      const a = parseJson(plain);
      const b = parseJson(patched);
      expect(b.shapes).toEqual(a.shapes);
      expect(b.newGlobals).toEqual([]);
      expect(b.secondInstallIsNoOp).toBe(true);
      expect(b.promisifyCustomOnExists).toBe('function');
      expect(b.promisifiedRead).toEqual(['bytesRead', 'buffer']);
      expect(b.fileHandleIsGenuine).toBe(true);
      expect(b.constructedStream).toBe('in');
      expect(b.stdinIsRealFd).toBe(true);
      expect(b.writeToStdout).toBe(0);
    });

    it('writes inside a root stay in memory while paths outside it and pass-through paths reach the disk', async () => {
      const root = freshDir(`routing-${node.major}/root`);
      const outside = freshDir(`routing-${node.major}/out`);
      const result = await runChild(node.path, [path.join(support, 'install-child.ts'), 'patched', root, outside]);
      expect(result.code).toBe(0);
      expect(fs.existsSync(path.join(root, 'inside.txt'))).toBe(false);
      expect(fs.readFileSync(path.join(outside, 'outside.txt'), 'utf8')).toBe('out');
      expect(fs.readFileSync(path.join(root, 'kept-on-disk', 'kept.txt'), 'utf8')).toBe('kept');
    });

    it('lets ESM named imports of node:fs and node:fs/promises see the patched members', async () => {
      const root = freshDir(`esm-${node.major}`);
      const report = parseJson(await runChild(node.path, [path.join(support, 'esm-child.mjs'), root]));
      expect(report).toEqual({
        named: 'from esm',
        promisesNamed: 'from esm',
        promisesMember: 'from esm',
        sameAsDefault: true,
        dynamicImport: true,
        exists: true,
      });
      expect(fs.existsSync(path.join(root, 'esm-only-in-memory.txt'))).toBe(false);
    });

    it('reports fs.watch, fs.promises.watch and fs.watchFile events for overlay changes as inotify does for the disk', async () => {
      const [plain, patched] = await Promise.all([
        runChild(node.path, [path.join(support, 'watch-child.ts'), 'plain', freshDir(`watch-${node.major}-a`)]),
        runChild(node.path, [path.join(support, 'watch-child.ts'), 'patched', freshDir(`watch-${node.major}-b`)]),
      ]);
      const expected = parseJson(plain);
      expect(expected.events.length).toBeGreaterThan(0);
      expect(parseJson(patched)).toEqual(expected);
    });
  });
}

// Untouched paths inside a root are answered by the disk directly (one native call, src/node/untouched.ts): the
// answers equal plain Node's, and wherever the overlay holds state (a copied-up hard link, a symlink into a changed
// file, a renamed folder, a rewritten module) the overlay's answer wins.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeBinaries } from '../support/node-versions.js';
import { parseJson, runChild, support } from './support/children.js';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'untouched-'));
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

function rootWithFiles(name: string): string {
  const root = path.join(base, name);
  fs.mkdirSync(path.join(root, 'dir'), { recursive: true });
  fs.writeFileSync(path.join(root, 'a.txt'), 'on disk');
  fs.linkSync(path.join(root, 'a.txt'), path.join(root, 'a-link.txt'));
  fs.symlinkSync('a.txt', path.join(root, 'to-a'));
  fs.writeFileSync(path.join(root, 'dir/inner.txt'), 'inner');
  fs.writeFileSync(path.join(root, 'mod.js'), 'module.exports = "from disk";');
  fs.writeFileSync(path.join(root, 'late.js'), 'module.exports = "from disk";');
  return root;
}

for (const node of nodeBinaries()) {
  describe(`untouched paths inside a root on Node ${node.major}`, () => {
    const root = rootWithFiles(`node-${node.major}`);
    const report = runChild(node.path, [path.join(support, 'untouched-child.ts'), root]).then(parseJson);

    it('answers stat, lstat, exists, readFileSync(utf8), realpath and require exactly as plain Node does', async () => {
      const { plain, patched } = await report;
      expect(patched).toEqual(plain);
      expect(plain.missingQuiet).toBe('undefined');
      expect(plain.missingThrows.code).toBe('ENOENT');
      expect(plain.required).toBe('from disk');
    });

    it('answers from the overlay where it holds state, never from the disk', async () => {
      const { changed } = await report;
      expect(changed).toEqual({
        hardLinkSeesTheCopy: 'changed in memory',
        hardLinkSize: 'changed in memory'.length,
        symlinkSeesTheCopy: 'changed in memory',
        renamedRealpath: path.join(root, 'dir2/inner.txt'),
        renamedRealpathNative: path.join(root, 'dir2/inner.txt'),
        renamedContent: 'inner',
        oldNameGone: 'undefined',
        oldNameExists: false,
        moduleFromMemory: 'from memory',
      });
      expect(fs.readFileSync(path.join(root, 'a.txt'), 'utf8')).toBe('on disk');
    });
  });
}

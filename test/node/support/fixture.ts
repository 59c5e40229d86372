// The starting tree of every scenario, made on the real disk before the child starts.
import fs from 'node:fs';
import path from 'node:path';

export function makeFixture(dir: string): void {
  fs.mkdirSync(path.join(dir, 'dir', 'b'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'empty'));
  fs.writeFileSync(path.join(dir, 'file.txt'), 'disk content\n');
  fs.writeFileSync(path.join(dir, 'dir', 'a.txt'), 'a');
  fs.writeFileSync(path.join(dir, 'dir', 'b', 'c.txt'), 'c');
  fs.symlinkSync('file.txt', path.join(dir, 'link'));
  fs.symlinkSync('missing', path.join(dir, 'dangling'));
}

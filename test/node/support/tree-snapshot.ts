// A listing of a tree (path, type, mode, size, mtime, content) to prove the disk was left alone.
import fs from 'node:fs';
import path from 'node:path';

export function snapshotTree(root: string): string {
  const lines: string[] = [];
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const s = fs.lstatSync(full);
      const rel = path.relative(root, full);
      if (s.isDirectory()) {
        lines.push(`d ${rel} ${s.mode} ${s.mtimeMs}`);
        walk(full);
      } else if (s.isSymbolicLink()) lines.push(`l ${rel} -> ${fs.readlinkSync(full)}`);
      else lines.push(`f ${rel} ${s.mode} ${s.size} ${s.mtimeMs} ${fs.readFileSync(full).toString('base64')}`);
    }
  };
  walk(root);
  return lines.join('\n');
}

// Path → (type, mode, size, sha256) of everything under a folder, to show the real disk did not change.
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';

export function snapshotTree(root: string, skip: string[] = []): Map<string, string> {
  const entries = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const relative = path.relative(root, full);
      if (skip.includes(relative)) continue;
      const st = lstatSync(full);
      const mode = (st.mode & 0o7777).toString(8);
      if (st.isDirectory()) {
        entries.set(relative, `dir ${mode}`);
        walk(full);
      } else if (st.isSymbolicLink()) entries.set(relative, `link ${readlinkSync(full)}`);
      else entries.set(relative, `file ${mode} ${st.size} ${createHash('sha256').update(readFileSync(full)).digest('hex')}`);
    }
  };
  walk(root);
  return entries;
}

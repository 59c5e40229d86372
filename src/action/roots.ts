// The overlay's roots, decided by the action (not left to each process's own cwd, which a `cd` in the command would
// change) and labelled for the export's top folders: the working directory is `workspace`, the temp dir `tmp`.
import { realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RootInfo } from '../changes/types.js';

export function overlayRoots(o: { roots: string[]; workingDirectory: string }): RootInfo[] {
  const workspace = realpathSync(o.workingDirectory);
  const temp = realpathSync(tmpdir());
  const paths = [...new Set((o.roots.length > 0 ? o.roots : [workspace, temp]).map((p) => realpathSync(p)))];
  const used = new Set<string>();
  return paths.map((p) => {
    const wanted = p === workspace ? 'workspace' : p === temp ? 'tmp' : path.basename(p).replace(/[^\w.-]/g, '_') || 'root';
    let label = wanted;
    for (let n = 2; used.has(label); n++) label = `${wanted}-${n}`;
    used.add(label);
    return { label, path: p };
  });
}

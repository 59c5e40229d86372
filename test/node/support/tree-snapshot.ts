// A listing of a tree (path, type, mode, size, mtime, content) to prove the disk was left alone. Read by bytes: a
// name that is not UTF-8 would come back from a string readdir with U+FFFD and could not be looked at.
import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';

const slash = Buffer.from('/');

/** A name's text, or its bytes in hex when they are not UTF-8 (the text would lose them). */
function shown(bytes: Buffer): string {
  return isUtf8(bytes) ? bytes.toString('utf8') : `<${bytes.toString('hex')}>`;
}

export function snapshotTree(root: string): string {
  const lines: string[] = [];
  const walk = (dir: Buffer, rel: string) => {
    for (const name of fs.readdirSync(dir, 'buffer').sort(Buffer.compare)) {
      const full = Buffer.concat([dir, slash, name]);
      const path = rel === '' ? shown(name) : `${rel}/${shown(name)}`;
      const s = fs.lstatSync(full);
      if (s.isDirectory()) {
        lines.push(`d ${path} ${s.mode} ${s.mtimeMs}`);
        walk(full, path);
      } else if (s.isSymbolicLink()) lines.push(`l ${path} -> ${shown(fs.readlinkSync(full, 'buffer'))}`);
      else lines.push(`f ${path} ${s.mode} ${s.size} ${s.mtimeMs} ${fs.readFileSync(full).toString('base64')}`);
    }
  };
  walk(Buffer.from(root), '');
  return lines.join('\n');
}

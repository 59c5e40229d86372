// Turns whatever an fs call returned or threw into plain JSON that two runs can be compared on: the parts Node
// promises and both the disk and the overlay can match (not inode numbers, devices, times or fd numbers).
import fs from 'node:fs';

export function describe(value: unknown, root: string): unknown {
  const norm = (s: string) => s.split(root).join('<root>');
  if (value === undefined) return { undefined: true };
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return value;
  if (typeof value === 'bigint') return { bigint: String(value) };
  if (typeof value === 'string') return norm(value);
  if (Buffer.isBuffer(value)) return { buffer: norm(value.toString('utf8')) };
  if (ArrayBuffer.isView(value)) return { view: value.constructor.name, length: value.byteLength };
  if (value instanceof Error) {
    const e = value as Error & Record<string, unknown>;
    return {
      error: {
        name: e.name,
        code: e.code,
        message: norm(e.message),
        errno: e.errno,
        syscall: e.syscall,
        path: typeof e.path === 'string' ? norm(e.path) : e.path,
        dest: typeof e.dest === 'string' ? norm(e.dest) : e.dest,
        framed: typeof e.stack === 'string' && e.stack.includes('\n    at '),
        keys: Object.keys(e),
      },
    };
  }
  if (value instanceof fs.Stats || (value && typeof value === 'object' && value.constructor?.name === 'BigIntStats')) {
    const s = value as fs.Stats;
    return {
      stats: value.constructor.name,
      instanceOfStats: value instanceof fs.Stats,
      mode: String(s.mode),
      nlink: String(s.nlink),
      size: String(s.size),
      uid: String(s.uid),
      file: s.isFile(),
      dir: s.isDirectory(),
      link: s.isSymbolicLink(),
      keys: Object.keys(s),
    };
  }
  if (value instanceof fs.Dirent) {
    const d = value as fs.Dirent & { path?: string };
    return {
      dirent: describe(d.name, root),
      parentPath: describe(d.parentPath, root),
      path: 'path' in d ? describe(d.path, root) : 'absent',
      file: d.isFile(),
      dir: d.isDirectory(),
      link: d.isSymbolicLink(),
      keys: Object.keys(d),
    };
  }
  if (Array.isArray(value)) return value.map((v) => describe(v, root));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as object)) out[key] = describe((value as Record<string, unknown>)[key], root);
    return out;
  }
  return { type: typeof value };
}

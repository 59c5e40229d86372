// Two pictures of the roots (disk-picture.ts), before and after the command, compared: every path created, deleted or
// changed on the real disk in between. The overlay never writes there, so each one was made by something outside it.
import { isUnder, type DiskPicture } from './disk-picture.js';
import type { DiskAttribute, DiskChange, DiskCheck, EntryKind, RootInfo } from './types.js';

export function compareDiskPictures(before: DiskPicture, after: DiskPicture, roots: RootInfo[]): DiskCheck {
  // A folder either walk could not read hides what changed below it: none of that is reported, the folder is.
  const unreadable = new Map([...before.unreadable, ...after.unreadable]);
  const unknown = [...unreadable.keys()];
  const hidden = (absPath: string) => unknown.some((folder) => absPath !== folder && isUnder(absPath, folder));
  const changed: DiskChange[] = [];
  for (const root of roots) {
    const was = before.roots.get(root.label) ?? new Map<string, string>();
    const is = after.roots.get(root.label) ?? new Map<string, string>();
    const found: DiskChange[] = [];
    const note = (relativePath: string, change: DiskChange['change'], print: string, earlier?: string) => {
      const path = `${root.path}/${relativePath}`;
      if (hidden(path)) return;
      found.push({ path, root: root.label, relativePath, change, ...describe(print), ...(earlier ? { differs: differences(earlier, print) } : {}) });
    };
    for (const [relativePath, print] of is) {
      const earlier = was.get(relativePath);
      if (earlier === undefined) note(relativePath, 'created', print);
      else if (earlier !== print) note(relativePath, 'modified', print, earlier);
    }
    for (const [relativePath, print] of was) if (!is.has(relativePath)) note(relativePath, 'deleted', print);
    found.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
    for (const change of found) changed.push(change); // a loop: a deleted tree may have many thousands
  }
  const check: DiskCheck = { changed, unreadable: [...unreadable].map(([path, reason]) => ({ path, reason })) };
  const stoppedAt = before.stoppedAt ?? after.stoppedAt;
  if (stoppedAt !== undefined) {
    check.incomplete = `the roots hold more entries than the check walks (it stopped at ${stoppedAt}); what changed beyond is not known`;
  }
  return check;
}

interface Fields {
  kind: string;
  mode: string;
  inode: string;
  size?: string;
  mtime?: string;
  ctime?: string;
  target?: string;
}

/** The fields of a fingerprint (disk-picture.ts); the target is last, and may itself hold `|`. */
function fieldsOf(print: string): Fields {
  const parts = print.split('|');
  const fields: Fields = { kind: print.charAt(0), mode: parts[0]!.slice(1), inode: parts[1]! };
  if (parts.length > 2) {
    fields.size = parts[2];
    fields.mtime = parts[3];
    fields.ctime = parts[4];
    fields.target = parts.slice(5).join('|');
  }
  return fields;
}

const kinds: Record<string, EntryKind> = { f: 'file', d: 'directory', l: 'symlink', o: 'other' };

function describe(print: string): Pick<DiskChange, 'type' | 'size' | 'target'> {
  const fields = fieldsOf(print);
  const type = kinds[fields.kind] ?? 'other';
  if (type === 'file') return { type, size: Number(fields.size) };
  if (type === 'symlink') return { type, target: fields.target ?? '' };
  return { type };
}

function differences(earlier: string, now: string): DiskAttribute[] {
  const a = fieldsOf(earlier);
  const b = fieldsOf(now);
  if (a.kind !== b.kind) return ['type'];
  const differs: DiskAttribute[] = [];
  if (a.inode !== b.inode) differs.push('inode');
  if (a.mode !== b.mode) differs.push('mode');
  if (a.size !== b.size) differs.push('size');
  if (a.mtime !== b.mtime) differs.push('mtime');
  if (a.ctime !== b.ctime) differs.push('ctime');
  if (a.target !== b.target) differs.push('target');
  return differs;
}

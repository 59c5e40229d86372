// Who changed what under the kernel engine: the recording preload's journals (src/recorder/) read back and replayed in
// the machine's monotonic order, so that the capture (capture.ts) can give each change of the upper layer its writers
// and list what Node processes made and removed during the run (transient). The journals are input like any other:
// read only from the run's own folder, as regular files of bounded size, every record checked before it is used; one
// that does not parse ends its journal's reading and is reported as a gap.
import fs from 'node:fs';
import path from 'node:path';
import { decodeFrames, type BeginRecord, type ProvenanceOp } from '../changes/record.js';
import { commandLineOf } from '../changes/fold.js';
import type { CaptureGap, EntryKind, Writer } from '../changes/types.js';
import { provenanceSuffix } from '../recorder/record-config.js';

/** What the replay knows of one path. */
export interface PathProvenance {
  /** Indexes into writers, in the order they first changed the path (its old name's, for a moved one). */
  writers: number[];
  /** Who changed it last, as the recorder saw it; `removed`: that change was its removal. */
  last: number;
  removed: boolean;
  /** What a Node process made there, when one did (a write over a file the disk had counts too). */
  made?: EntryKind;
  /** A recursive copy: what is below it came with it. */
  copied: boolean;
  /** Wall time (ns since the epoch) of its latest change. */
  changedAtNs: bigint;
  /**
   * The latest removal of the path (or move away from it), kept when something is made there again: what the disk had
   * below a folder removed whole and then made anew went with that removal (Node 22+ removes a tree in one native
   * call, which names the folder only).
   */
  lastRemoval?: { writer: number; atNs: bigint };
}

export interface Provenance {
  writers: Writer[];
  paths: Map<string, PathProvenance>;
  gaps: CaptureGap[];
}

/** A journal larger than this is not read (a recording of that size would be a fault, or an attack). */
const maxJournalBytes = 256 * 1024 * 1024;
const ops = new Set<ProvenanceOp>(['write', 'mkdir', 'symlink', 'link', 'copy', 'metadata', 'remove', 'rename']);
const madeBy: Partial<Record<ProvenanceOp, EntryKind>> = { write: 'file', link: 'file', copy: 'file', mkdir: 'directory', symlink: 'symlink' };

interface Event {
  /** The machine's monotonic clock, which orders every process's changes. */
  t: bigint;
  /** The same moment as wall time (ns since the epoch), from the pair of clocks its journal's begin read together. */
  wallNs: bigint;
  order: number;
  writer: number;
  op: ProvenanceOp;
  path: string;
  to?: string;
}

/** The recording of a run (its folder of `.provenance` journals) replayed; undefined when the run recorded nothing. */
export function readProvenance(folder: string): Provenance | undefined {
  let names: string[];
  try {
    names = fs.readdirSync(folder).filter((name) => name.endsWith(provenanceSuffix)).sort();
  } catch {
    return undefined;
  }
  const writers = new WriterTable();
  const gaps: CaptureGap[] = [];
  const events: Event[] = [];
  for (const name of names) {
    const file = path.join(folder, name);
    const refuse = (why: string) => gaps.push({ reason: 'journal-unreadable', detail: `${file}: ${why}; who made the changes after it is not known` });
    let bytes: Buffer;
    try {
      const stat = fs.lstatSync(file);
      if (!stat.isFile() || stat.size > maxJournalBytes) {
        refuse(stat.isFile() ? `larger than ${maxJournalBytes} bytes` : 'not a regular file');
        continue;
      }
      bytes = fs.readFileSync(file);
    } catch (error) {
      refuse(`it could not be read (${(error as Error).message})`);
      continue;
    }
    const { frames } = decodeFrames(bytes);
    if (frames.length === 0) {
      // Empty or torn in its first record: the process was killed, or could write no more (a file size limit, a
      // full spool), as it began recording. A file no process could have written whole reads the same.
      gaps.push({
        reason: 'journal-unreadable',
        detail: `${file}: it ends before its first record is whole (its process stopped, or could write no more, as it began recording); what that process changed shows as not Node's`,
      });
      continue;
    }
    const begin = frames[0]!.record as unknown;
    if (!isBegin(begin)) {
      refuse('it does not start with the record of its process');
      continue;
    }
    const wallOffset = BigInt(begin.wallNs) - BigInt(begin.monoNs);
    for (const frame of frames.slice(1)) {
      const record = frame.record as unknown as Record<string, unknown>;
      if (!isProvenance(record)) {
        refuse(`a record is not one the recorder writes (${JSON.stringify(record).slice(0, 120)})`);
        break;
      }
      const tf = typeof record.tf === 'string' ? record.tf : undefined;
      const t = BigInt(record.t as string);
      const event: Event = {
        t, wallNs: t + wallOffset, order: events.length, writer: writers.of(begin, tf), op: record.op as ProvenanceOp, path: record.path as string,
      };
      if (record.op === 'rename') event.to = record.to as string;
      events.push(event);
    }
  }
  events.sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : a.order - b.order));
  return { writers: writers.list, paths: replay(events), gaps };
}

function replay(events: Event[]): Map<string, PathProvenance> {
  const paths = new Map<string, PathProvenance>();
  /** Each known path's known children: a removal or a move walks its own subtree only. */
  const children = new Map<string, Set<string>>();
  const remember = (target: string, known: PathProvenance) => {
    paths.set(target, known);
    const parent = path.dirname(target);
    if (parent === target) return;
    let siblings = children.get(parent);
    if (!siblings) children.set(parent, (siblings = new Set()));
    siblings.add(target);
  };
  const forget = (target: string) => {
    paths.delete(target);
    children.get(path.dirname(target))?.delete(target);
  };
  const subtree = (target: string): string[] => {
    const found: string[] = [];
    const visit = (at: string) => {
      if (paths.has(at)) found.push(at);
      for (const child of children.get(at) ?? []) visit(child);
    };
    visit(target);
    return found;
  };
  const touch = (target: string, event: Event): PathProvenance => {
    let known = paths.get(target);
    if (!known) remember(target, (known = { writers: [], last: event.writer, removed: false, copied: false, changedAtNs: event.wallNs }));
    if (!known.writers.includes(event.writer)) known.writers.push(event.writer);
    known.last = event.writer;
    known.changedAtNs = event.wallNs;
    return known;
  };

  for (const event of events) {
    switch (event.op) {
      case 'remove':
        // The path itself (a file of the disk's has no history yet), and whatever the run made below it.
        touch(event.path, event).removed = true;
        for (const target of subtree(event.path)) touch(target, event).removed = true;
        paths.get(event.path)!.lastRemoval = { writer: event.writer, atNs: event.wallNs };
        break;
      case 'rename': {
        const to = event.to!;
        if (to === event.path || to.startsWith(event.path + '/')) break; // refused by the kernel (EINVAL): nothing moved
        for (const target of subtree(to)) forget(target);
        for (const from of subtree(event.path)) {
          const known = paths.get(from)!;
          forget(from);
          remember(to + from.slice(event.path.length), known);
        }
        touch(to, event).removed = false;
        // The old name is gone: its disk entries, if any, were removed by this process (it made nothing there).
        touch(event.path, event).removed = true;
        paths.get(event.path)!.lastRemoval = { writer: event.writer, atNs: event.wallNs };
        break;
      }
      default: {
        const known = touch(event.path, event);
        known.removed = false;
        const kind = madeBy[event.op];
        if (kind !== undefined) known.made = kind;
        if (event.op === 'copy') known.copied = true;
      }
    }
  }
  return paths;
}

function isBegin(value: unknown): value is BeginRecord {
  const r = value as Partial<BeginRecord> | null;
  const decimal = (v: unknown) => typeof v === 'string' && /^\d{1,30}$/.test(v);
  return typeof r === 'object' && r !== null && r.k === 'begin' && Number.isSafeInteger(r.pid) && decimal(r.wallNs) && decimal(r.monoNs)
    && Array.isArray(r.argv)
    && r.argv.every((a) => typeof a === 'string') && (r.execArgv === undefined || (Array.isArray(r.execArgv) && r.execArgv.every((a) => typeof a === 'string')));
}

/** A path as the recorder writes it: absolute, normalised, no NUL. */
function isPlainPath(value: unknown): value is string {
  return typeof value === 'string' && path.isAbsolute(value) && !value.includes('\0') && path.normalize(value) === value && (value === '/' || !value.endsWith('/'));
}

function isProvenance(r: Record<string, unknown> | null): boolean {
  return typeof r === 'object' && r !== null && r.k === 'wrote' && typeof r.t === 'string' && /^\d{1,30}$/.test(r.t)
    && ops.has(r.op as ProvenanceOp) && isPlainPath(r.path) && (r.op !== 'rename' || isPlainPath(r.to))
    && (r.tf === undefined || typeof r.tf === 'string');
}

/** One writer per process and test file, as the fold makes them (fold.ts). */
class WriterTable {
  readonly list: Writer[] = [];
  private readonly index = new Map<string, number>();

  of(begin: BeginRecord, testFile: string | undefined): number {
    const command = commandLineOf(begin);
    const key = `${begin.pid}\0${command}\0${testFile ?? ''}`;
    let at = this.index.get(key);
    if (at === undefined) {
      at = this.list.length;
      this.list.push(testFile ? { pid: begin.pid, command, testFile } : { pid: begin.pid, command });
      this.index.set(key, at);
    }
    return at;
  }
}

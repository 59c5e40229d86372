// What a process sees below its own overlay: the disk as the run has changed it so far. Every journal in the spool
// is read (headers only) into the fold's model of the run (fold-model.ts), and that model answers the engine's
// questions about the "disk" wherever it differs from the real one; everywhere else the real disk answers, at the
// cost of one Map lookup per path component on the way.
//
// This replaces replaying every earlier change into each new process: nothing is applied through the engine, so
// nothing is journaled again, nothing counts against the process's quota, and no byte is read before the process
// reads it (content stays in the journals, read through descriptors opened here). Start-up costs one header parse
// per record the run has written, whatever their content weighs.
import { uvError } from '../overlay/errors.js';
import type { DirectoryEntry, EntryType, LowerLayer, StatRecord } from '../overlay/types.js';
import { applyChange, endDiskAnswers, FoldModel, forgetDiskAnswers, wallTime, type FoldNode } from './fold-model.js';
import { readWholeContent, type FileContent } from './journal-content.js';
import { JournalReader, openRunJournal, type TimedChange } from './read-journals.js';
import { AnnouncementReader, compactedMark } from './announcements.js';
import { journalFiles } from './spool.js';
import { originalFs } from './original-fs.js';
import { path } from '../platform/builtins.js';

export interface RunLayerOptions {
  /** The run's roots: a record naming a path outside them is refused with the rest of its journal (journal-trust.ts). */
  roots?: readonly string[];
  /**
   * This process's own journal's file, once it has one. Its changes are in the engine above; they are read into this
   * layer too when others' arrive, since those may build on them (RunJournals.update).
   */
  ownJournal?: () => string | undefined;
}

/** A path another process changed, when (its monotonic clock), and whether a folder there keeps what is in it. */
export interface ChangedPath {
  path: string;
  time: bigint;
  /** mkdir of a folder that exists, a chmod or utimes: a folder this process holds there stays, with its entries. */
  shallow: boolean;
}

/** What a refresh brought: the paths others changed since. */
export interface Refreshed {
  /** The model was built again from every journal (a journal compacted, or changes arrived out of order). */
  rebuilt: boolean;
  changed: ChangedPath[];
}

/** The run layer of a process that sees the others' changes as they are announced (announcements.ts). */
export interface LiveRunLayer extends LowerLayer {
  /** Reads what other processes announced since the last call into the layer; undefined when nothing was. */
  refresh(): Refreshed | undefined;
  /** Called with the paths about to change, before the layer changes (the engine keeps what it reads by path). */
  beforeChange?: (paths: readonly string[]) => void;
}

/**
 * The disk as the run's journals change it. Built from every journal at start; `refresh` then applies what the other
 * processes announce, a batch at a time, never reading a journal twice (see RunJournals).
 */
export function createRunLayer(spoolDir: string, disk: LowerLayer, o: RunLayerOptions = {}): LiveRunLayer {
  const journals = new RunJournals(spoolDir, o);
  return new RunLayer(journals.start(), disk, journals);
}

/**
 * Every journal of the run but this process's own, read as they grow. Changes are applied to the model in the order
 * of the shared monotonic clock, as the fold applies them; a change older than one applied already (another process's
 * batch that arrives late) makes the model be built again from every change, in that order, so that this process
 * and the fold agree on which of two concurrent writes to a path came last — unless the late batch touches no path
 * the changes applied since touched (see apart).
 */
class RunJournals {
  beforeChange: ((paths: readonly string[]) => void) | undefined;
  private readonly announcements: AnnouncementReader;
  private readonly readers = new Map<string, JournalReader>();
  private changes: TimedChange[] = [];
  private latest = -1n;

  constructor(
    private readonly spoolDir: string,
    private readonly o: RunLayerOptions,
  ) {
    this.announcements = new AnnouncementReader(spoolDir);
  }

  /** The model of everything the journals hold now. */
  start(): FoldModel {
    // First: what is announced from here on is read again below, what came before is in the journals read now.
    this.announcements.skipToEnd();
    for (const file of journalFiles(this.spoolDir)) this.readMore(path.basename(file));
    this.changes.sort(byTime);
    return this.build();
  }

  update(): (Refreshed & { model: FoldModel }) | undefined {
    const names = this.announcements.poll();
    if (names.length === 0) return undefined;
    const own = this.ownName();
    const fresh: TimedChange[] = [];
    let news = false;
    for (const announced of names) {
      const compacted = announced.startsWith(compactedMark);
      const name = compacted ? announced.slice(compactedMark.length) : announced;
      if (compacted) {
        // Its frames moved: read it again from its start, and build the model again.
        this.forgetJournal(name);
        this.rebuildPending = true;
      }
      if (name === own) continue;
      news = true;
      for (const change of this.readMore(name)) fresh.push(change);
    }
    // This process's own announcements alone bring nothing new to it.
    if (!news || (fresh.length === 0 && !this.rebuildPending)) return undefined;
    // This process's own changes go in too, in the clock's order with the others': theirs may build on them (a file
    // written into a folder only this process made, that folder renamed), and the fold orders them all so. The engine
    // above holds them already, so they are never revealed (coherence.ts); what the engine still reads below by path
    // takes its bytes first (beforeChange: Overlay.keepOwnBytes).
    if (own !== undefined) for (const change of this.readMore(own)) fresh.push(change);
    fresh.sort(byTime);
    const changed = fresh.map(changedPaths).flat();
    this.beforeChange?.(changed.map((c) => c.path));
    const first = fresh[0];
    if (!this.rebuildPending && first !== undefined) {
      // In order, or late but apart from everything applied since it began: applied as it is.
      const later = first.time >= this.latest ? 0 : this.changes.length - firstAtOrAfter(this.changes, first.time);
      if (later === 0 || this.apart(fresh, this.changes.slice(-later))) {
        const owner = {};
        forgetDiskAnswers(owner);
        try {
          for (const change of fresh) applyChange(this.model!, change, wallTime(change));
        } finally {
          endDiskAnswers(owner);
        }
        this.keepInOrder(fresh, later);
        return { rebuilt: false, changed, model: this.model! };
      }
    }
    for (const change of fresh) this.changes.push(change);
    this.changes.sort(byTime);
    this.rebuildPending = false;
    return { rebuilt: true, changed, model: this.build() };
  }

  /**
   * Whether a late batch touches nothing the changes applied after its start touch: no path of one is the path of
   * the other or lies under it. Changes to paths apart commute (each acts on its own subtree only; the model keeps no
   * folder's times), so the model is what the fold's order would give without building it again. Several processes
   * writing at once each send batches that begin before the others' last: in their own folders these stay cheap.
   */
  private apart(late: readonly TimedChange[], applied: readonly TimedChange[]): boolean {
    // Two names of one file are apart by path but not by what they change: with hard links in the run, build again.
    if (this.linked) return false;
    const appliedPaths = new Set<string>();
    const aboveApplied = new Set<string>();
    for (const { path: touched } of applied.flatMap(changedPaths)) {
      appliedPaths.add(touched);
      for (let dir = parentOf(touched); !aboveApplied.has(dir); dir = parentOf(dir)) {
        aboveApplied.add(dir);
        if (dir === '/') break;
      }
    }
    for (const { path: touched } of late.flatMap(changedPaths)) {
      if (appliedPaths.has(touched) || aboveApplied.has(touched)) return false;
      for (let dir = touched; dir !== '/'; ) {
        dir = parentOf(dir);
        if (appliedPaths.has(dir)) return false;
      }
    }
    return true;
  }

  /** The changes read so far stay in the clock's order: a batch that came late goes in where its times put it. */
  private keepInOrder(fresh: readonly TimedChange[], later: number): void {
    const tail = this.changes.splice(this.changes.length - later, later);
    let i = 0;
    let j = 0;
    while (i < fresh.length || j < tail.length) {
      // Ties go to what was applied first, as a stable sort of everything would leave them.
      if (j < tail.length && (i === fresh.length || byTime(tail[j]!, fresh[i]!) <= 0)) this.changes.push(tail[j++]!);
      else this.changes.push(fresh[i++]!);
    }
    const last = this.changes[this.changes.length - 1];
    if (last !== undefined && last.time > this.latest) this.latest = last.time;
  }

  /** A journal rewritten by compaction: what was read of it goes, and it is read again from its start. */
  private forgetJournal(name: string): void {
    this.readers.get(name)?.close();
    this.readers.delete(name);
    const file = path.join(this.spoolDir, name);
    this.changes = this.changes.filter((change) => change.journal.file !== file);
  }

  private rebuildPending = false;
  /** A hard link was read among the run's changes (see apart). */
  private linked = false;

  private ownName(): string | undefined {
    const own = this.o.ownJournal?.();
    return own === undefined ? undefined : path.basename(own);
  }

  private model: FoldModel | undefined;

  private build(): FoldModel {
    const model = new FoldModel();
    const owner = {};
    forgetDiskAnswers(owner); // the disk is asked once per path while the model is built
    try {
      for (const change of this.changes) applyChange(model, change, wallTime(change));
    } finally {
      endDiskAnswers(owner);
    }
    const last = this.changes[this.changes.length - 1];
    this.latest = last === undefined ? -1n : last.time;
    return (this.model = model);
  }

  /** The changes of one journal completed since it was last read (opening it the first time: journal-trust.ts). */
  private readMore(name: string): TimedChange[] {
    let reader = this.readers.get(name);
    if (reader === undefined) {
      const opened = openRunJournal(path.join(this.spoolDir, name), this.o.roots);
      if (opened === undefined) return [];
      this.readers.set(name, (reader = opened));
    }
    let size: number;
    try {
      size = originalFs.fstatSync(reader.fd).size;
    } catch {
      return [];
    }
    const changes = reader.readTo(size);
    if (this.model === undefined) for (const change of changes) this.changes.push(change);
    if (!this.linked && changes.some(isLink)) this.linked = true;
    return changes;
  }
}

/** The index of the first change at or after a time, in changes sorted by time. */
function firstAtOrAfter(changes: readonly TimedChange[], time: bigint): number {
  let low = 0;
  let high = changes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (changes[middle]!.time < time) low = middle + 1;
    else high = middle;
  }
  return low;
}

function isLink(change: TimedChange): boolean {
  return change.record.k === 'link';
}

function byTime(a: TimedChange, b: TimedChange): number {
  return a.time < b.time ? -1 : a.time > b.time ? 1 : 0;
}

/** The paths a change makes look different, for the engine to stop hiding them (Overlay.reveal). */
function changedPaths(change: TimedChange): ChangedPath[] {
  const record = change.record;
  const time = change.time;
  switch (record.k) {
    case 'rename':
      return [{ path: record.from, time, shallow: false }, { path: record.to, time, shallow: false }];
    case 'link':
      return [{ path: record.existingPath, time, shallow: true }, { path: record.newPath, time, shallow: false }];
    case 'mkdir': case 'metadata':
      return [{ path: record.path, time, shallow: true }];
    default:
      return [{ path: record.path, time, shallow: false }];
  }
}

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;
const UV_DIRENT_FILE = 1 as EntryType;
const UV_DIRENT_DIR = 2 as EntryType;
const UV_DIRENT_LINK = 3 as EntryType;
/** Inode numbers of what the run made: above the engine's own (2**40 up) and anything a disk hands out. */
const firstRunIno = 2 ** 41;
/** ext4's: what the engine reports for what it makes, too. */
const blockSize = 4096;
/** Folders remembered by answersAsDiskAt before the memo starts again (a test suite touches a few hundred). */
const diskFoldersMax = 4096;

class RunLayer implements LiveRunLayer {
  private nextIno = firstRunIno;
  private readonly inos = new WeakMap<FoldNode, number>();
  private readonly devices = new WeakMap<FoldNode, number>();
  /** Open content of the run's files, by the (negative) handles given to the engine. */
  private readonly handles = new Map<number, FileContent>();
  private nextHandle = -1;

  constructor(
    private model: FoldModel,
    private readonly disk: LowerLayer,
    private readonly journals: RunJournals,
  ) {}

  /** The model's answer; none while the run changed nothing (a process then pays nothing per path). */
  private find(path: string): FoldNode | null | undefined {
    return this.model.size === 0 ? undefined : this.model.lookup(path);
  }

  /**
   * Folders where the model leaves every path below to the disk (find answers undefined for their children), and
   * those where it does not; dropped whenever the model changes (refresh). Bounded, as the engine's own memos are.
   */
  private readonly diskFolders = new Map<string, boolean>();

  /**
   * Whether this layer answers at `path` exactly as the disk does: `find` says undefined there, so every question
   * about it goes to the disk. The last name is looked up as it is, the folder above once per model (memo), so that
   * an untouched stat costs node/ a few Map lookups and one native call. Coherence (preload/coherence.ts) refreshes
   * the model before any operation asks this: a memo never outlives the model it was read from.
   */
  answersAsDiskAt(path: string): boolean {
    if (this.disk.answersAsDisk !== true) return false;
    const model = this.model;
    if (model.size === 0) return true;
    if (model.entries.has(path) || model.hidden.has(path)) return false;
    if (path === '/') return true;
    const slash = path.lastIndexOf('/');
    return this.leavesChildrenToDisk(slash <= 0 ? '/' : path.slice(0, slash));
  }

  /** No change of another process read yet (the model is empty): every path is the disk's. */
  answersAsDiskEverywhere(): boolean {
    return this.disk.answersAsDisk === true && this.model.size === 0;
  }

  /** Whether the model leaves the children of `dir` to the disk: what FoldModel.lookup decides by their ancestors. */
  private leavesChildrenToDisk(dir: string): boolean {
    let answer = this.diskFolders.get(dir);
    if (answer !== undefined) return answer;
    const entry = this.model.entries.get(dir);
    if (entry !== undefined) answer = entry.type === 'directory' && !entry.opaque;
    else if (this.model.hidden.has(dir)) answer = false;
    else if (dir === '/') answer = true;
    else answer = this.leavesChildrenToDisk(parentOf(dir));
    if (this.diskFolders.size >= diskFoldersMax) this.diskFolders.clear();
    this.diskFolders.set(dir, answer);
    return answer;
  }

  set beforeChange(hook: ((paths: readonly string[]) => void) | undefined) {
    this.journals.beforeChange = hook;
  }

  refresh(): Refreshed | undefined {
    let update;
    try {
      update = this.journals.update();
    } catch (error) {
      this.diskFolders.clear(); // the model may have taken part of a batch
      throw error;
    }
    if (update === undefined) return undefined;
    this.diskFolders.clear();
    if (update.rebuilt) this.model = update.model;
    return update;
  }

  lstat(path: string): StatRecord {
    const node = this.find(path);
    if (node === undefined) return this.disk.lstat(path);
    if (node === null) throw uvError('ENOENT', 'lstat', path);
    return this.statOf(node, path);
  }

  tryLstat(path: string): StatRecord | undefined {
    const node = this.find(path);
    if (node === undefined) {
      if (this.disk.tryLstat) return this.disk.tryLstat(path);
      try {
        return this.disk.lstat(path);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
        throw error;
      }
    }
    return node === null ? undefined : this.statOf(node, path);
  }

  /**
   * The engine asks this to learn that a folder has no symlink on its path (then it reads below it directly): the
   * path itself when every component is a folder in the run's view, else what the disk resolves or an error.
   */
  realpath(path: string): string {
    let touched = false;
    for (let end = path.indexOf('/', 1); ; end = path.indexOf('/', end + 1)) {
      const prefix = end === -1 ? path : path.slice(0, end);
      const node = this.find(prefix);
      if (node === null) throw uvError('ENOENT', 'realpath', path);
      if (node !== undefined) {
        if (node.type !== 'directory') throw uvError('ENOTDIR', 'realpath', path);
        touched = true;
      } else if (touched) {
        const stat = this.tryLstat(prefix);
        if (stat === undefined || (stat.mode & S_IFMT) !== S_IFDIR) throw uvError('ENOENT', 'realpath', path);
      }
      if (end === -1) break;
    }
    return touched ? path : this.disk.realpath!(path);
  }

  readFileNoFollow(path: string): Buffer | 'symlink' | 'directory' | 'linked' {
    const node = this.find(path);
    if (node === undefined) return this.disk.readFileNoFollow!(path);
    if (node === null) throw uvError('ENOENT', 'open', path);
    if (node.type === 'directory') return 'directory';
    if (node.type === 'symlink') return 'symlink';
    // The run's files carry the modes their writers gave them, which no kernel checks: the engine's own walk must.
    return 'linked';
  }

  readdir(path: string): DirectoryEntry[] {
    const node = this.find(path);
    if (node === null) throw uvError('ENOENT', 'scandir', path);
    if (node !== undefined && node.type !== 'directory') throw uvError('ENOTDIR', 'scandir', path);
    const opaque = node !== undefined && node.opaque;
    const hidden = this.model.hiddenIn(path);
    const made = this.model.namesBelow(path);
    if (!opaque && hidden === undefined && made === undefined) return this.disk.readdir(path);
    const listing: DirectoryEntry[] = [];
    const listed = new Set<string>();
    if (!opaque) {
      for (const entry of this.diskListing(path, node === undefined)) {
        const child = this.model.entries.get(joinPath(path, entry.name));
        if (child !== undefined) listing.push({ name: entry.name, type: direntType(child) });
        else if (hidden?.has(entry.name)) continue;
        else listing.push(entry);
        listed.add(entry.name);
      }
    }
    if (made !== undefined) {
      for (const name of made) {
        if (listed.has(name)) continue;
        const child = this.model.entries.get(joinPath(path, name));
        if (child !== undefined) listing.push({ name, type: direntType(child) });
      }
    }
    return listing;
  }

  /**
   * The disk's entries of a folder the model does not hide. A folder that only this process's own overlay has (its
   * own journal is not in the model) may hold what another process wrote into it: the disk has none of it then.
   */
  private diskListing(path: string, mayBeOnlyAbove: boolean): DirectoryEntry[] {
    if (!mayBeOnlyAbove) return this.disk.readdir(path);
    try {
      return this.disk.readdir(path);
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return [];
      throw error;
    }
  }

  readlink(path: string): string {
    const node = this.find(path);
    if (node === undefined) return this.disk.readlink(path);
    if (node === null) throw uvError('ENOENT', 'readlink', path);
    if (node.type !== 'symlink') throw uvError('EINVAL', 'readlink', path);
    return node.target!;
  }

  openForRead(path: string): number {
    const node = this.find(path);
    if (node === undefined) return this.disk.openForRead(path);
    if (node === null) throw uvError('ENOENT', 'open', path);
    if (node.content === undefined) return this.disk.openForRead(node.lowerPath ?? path);
    const handle = this.nextHandle--;
    this.handles.set(handle, node.content);
    return handle;
  }

  read(fd: number, buffer: Uint8Array, offset: number, length: number, position: number): number {
    const content = this.handles.get(fd);
    if (content === undefined) return this.disk.read(fd, buffer, offset, length, position);
    return content.readInto(buffer, offset, length, position);
  }

  close(fd: number): void {
    if (!this.handles.delete(fd)) this.disk.close(fd);
  }

  readFile(path: string): Buffer {
    const node = this.find(path);
    if (node === undefined) return this.disk.readFile(path);
    if (node === null) throw uvError('ENOENT', 'open', path);
    if (node.type === 'directory') throw uvError('EISDIR', 'read');
    if (node.content === undefined) return this.disk.readFile(node.lowerPath ?? path);
    return readWholeContent(node.content);
  }

  private statOf(node: FoldNode, path: string): StatRecord {
    const type = node.mode & S_IFMT;
    const size = type === S_IFDIR ? blockSize : node.size;
    const mtimeNs = node.mtimeNs ?? 0n;
    return {
      dev: node.diskDev ?? this.deviceOf(node, path),
      ino: node.diskIno ?? this.inoOf(node),
      mode: node.mode,
      nlink: type === S_IFDIR ? this.directoryLinks(node, path) : Math.max(1, node.links),
      uid: node.uid,
      gid: node.gid,
      rdev: 0,
      size,
      blksize: blockSize,
      // As ext4 allocates: whole 4 KiB blocks, counted in 512-byte units; a short symlink lives in its inode.
      blocks: type === S_IFLNK && size < 60 ? 0 : Math.ceil(size / blockSize) * (blockSize / 512),
      atimeNs: node.atimeNs ?? mtimeNs,
      mtimeNs,
      ctimeNs: node.ctimeNs ?? mtimeNs,
      birthtimeNs: node.ctimeNs ?? mtimeNs,
    };
  }

  private inoOf(node: FoldNode): number {
    let ino = this.inos.get(node);
    if (ino === undefined) this.inos.set(node, (ino = this.nextIno++));
    return ino;
  }

  /** What the run made lies on the device of the nearest folder the disk has, as the engine's own new files do. */
  private deviceOf(node: FoldNode, path: string): number {
    let dev = this.devices.get(node);
    if (dev !== undefined) return dev;
    for (let dir = parentOf(path); ; dir = parentOf(dir)) {
      const ancestor = this.find(dir);
      if (ancestor?.diskDev !== undefined) {
        dev = ancestor.diskDev;
        break;
      }
      const stat = ancestor === undefined ? this.disk.tryLstat?.(dir) : undefined;
      if (stat !== undefined) {
        dev = stat.dev;
        break;
      }
      if (dir === '/') {
        dev = this.disk.lstat('/').dev;
        break;
      }
    }
    this.devices.set(node, dev);
    return dev;
  }

  /** A folder's link count: 2, plus one for each subfolder (the ones the run made; the disk's for the rest). */
  private directoryLinks(node: FoldNode, path: string): number {
    let links = 2;
    if (!node.opaque) {
      const disk = this.disk.tryLstat?.(path);
      if (disk !== undefined && (disk.mode & S_IFMT) === S_IFDIR) links = disk.nlink;
    }
    const made = this.model.namesBelow(path);
    if (made !== undefined && node.opaque) {
      for (const name of made) if (this.model.entries.get(joinPath(path, name))?.type === 'directory') links++;
    }
    return links;
  }
}

function direntType(node: FoldNode): EntryType {
  const type = node.mode & S_IFMT;
  return type === S_IFDIR ? UV_DIRENT_DIR : type === S_IFLNK ? UV_DIRENT_LINK : type === S_IFREG ? UV_DIRENT_FILE : (0 as EntryType);
}

function parentOf(target: string): string {
  const slash = target.lastIndexOf('/');
  return slash <= 0 ? '/' : target.slice(0, slash);
}

function joinPath(dir: string, name: string): string {
  return dir === '/' ? '/' + name : dir + '/' + name;
}

// What the reader accepts from a journal. Any process of the run can write into the spool (a test can forge a
// journal as easily as it writes a file), so a journal is untrusted input: a record is applied only when it has the
// shape record.ts describes and every path it names lies inside the run's roots, written the one way the engine
// writes paths. Anything else would let a journal steer the fold and the export to the disk outside the run
// (`<root>/../../.git/hooks/pre-commit`). Pure: the caller does the reading and the stat calls.
import { journalVersion, type JournalRecord } from './record.js';

type Field = (value: unknown) => string | undefined;

const count: Field = (value) =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? undefined : 'is not a non-negative integer';
// Clock readings and times since the epoch, which BigInt must take whole. File times may lie before 1970.
const clock: Field = (value) => (typeof value === 'string' && /^\d+$/.test(value) ? undefined : 'is not a decimal string');
const fileTime: Field = (value) => (typeof value === 'string' && /^-?\d+$/.test(value) ? undefined : 'is not a decimal string');
const text: Field = (value) => (typeof value === 'string' ? undefined : 'is not a string');
/** Names the kernel could be given: shown to people, never a path to follow (a symlink's target, a quota's file). */
const name: Field = (value) => (typeof value !== 'string' ? 'is not a string' : value.includes('\0') ? 'holds a NUL byte' : undefined);
const texts: Field = (value) => (Array.isArray(value) && value.every((item) => typeof item === 'string') ? undefined : 'is not a list of strings');
const one: Field = (value) => (value === 1 ? undefined : 'is not 1');
/** A spool is written and read by one build: a journal in another format is named as such, not misread. */
const version: Field = (value) =>
  value === journalVersion
    ? undefined
    : `is ${JSON.stringify(value) ?? 'missing'}, not ${journalVersion}: the journal was written by another build of memfs-action, whose format this one does not read: every process of a run must load the preload of the memfs-action that runs it`;
const oneOf = (...values: string[]): Field => (value) =>
  typeof value === 'string' && values.includes(value) ? undefined : `is not one of ${values.join(', ')}`;
const optional = (field: Field): Field => (value) => (value === undefined ? undefined : field(value));
/** A path field: checked against the roots separately (confinedPath), after its type. */
const confined: Field = text;

const timed = { t: clock, tf: optional(text), ti: optional(count) };
const shapeOf: Record<JournalRecord['k'], Record<string, Field>> = {
  begin: { version, pid: count, ppid: count, threadId: count, argv: texts, execArgv: optional(texts), cwd: text, wallNs: clock, monoNs: clock },
  content: {
    ...timed, path: confined, ino: count, mode: count, uid: count, gid: count, size: count, atimeNs: fileTime, mtimeNs: fileTime,
    sup: optional(one), at: optional(count),
  },
  mkdir: { ...timed, path: confined, mode: count, uid: count, gid: count },
  symlink: { ...timed, path: confined, target: name, uid: count, gid: count },
  link: { ...timed, existingPath: confined, newPath: confined },
  remove: { ...timed, path: confined },
  rename: { ...timed, from: confined, to: confined },
  metadata: { ...timed, path: confined, mode: count, uid: count, gid: count, atimeNs: fileTime, mtimeNs: fileTime },
  test: { ...timed, id: count, name: text, failed: optional(one), passed: optional(one) },
  note: { ...timed, detail: text },
  // The quota's path is the file a refused write was for, shown in a gap; it may be empty.
  quota: { ...timed, path: name, requestedBytes: count, quotaBytes: count, refused: count },
  unsaved: { ...timed, path: confined, ino: count },
  spool: {
    ...timed, path: name, requestedBytes: count, bound: oneOf('cap', 'disk', 'memory'), limitBytes: count, reserveBytes: count,
    where: text, refused: count,
  },
  // The spare frame's padding is its data, never read; the lost record written over it is shown in a gap.
  spare: { ...timed },
  lost: { ...timed, lost: count, code: text, kind: text, path: name, unended: optional(one) },
  end: { ...timed },
};

// As lists, once: a process replays every journal of the spool at start, and each record is checked then.
const shapes = Object.fromEntries(Object.entries(shapeOf).map(([k, fields]) => [k, Object.entries(fields)])) as Record<
  JournalRecord['k'],
  [string, Field][]
>;

/** The path fields of each kind, and those that name what the record creates, replaces or removes. */
const pathFields: Partial<Record<JournalRecord['k'], readonly string[]>> = {
  content: ['path'], mkdir: ['path'], symlink: ['path'], link: ['existingPath', 'newPath'], remove: ['path'],
  rename: ['from', 'to'], metadata: ['path'], unsaved: ['path'],
};
const replacingFields: Partial<Record<JournalRecord['k'], readonly string[]>> = {
  content: ['path'], symlink: ['path'], link: ['newPath'], remove: ['path'], rename: ['from', 'to'],
};

/**
 * The record a decoded frame header holds, or why it is refused. `roots` are absolute and normalised: every path
 * of a change must lie at or under one of them, and a change may not create, replace or remove a root itself (the
 * export would put a file where a root's folder goes, and the fold would read the whole root as deleted).
 * Fields record.ts does not name are ignored: a newer writer may add some.
 */
export function checkRecord(value: unknown, roots: readonly string[]): JournalRecord | OutsideRoots | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'the header is not an object';
  const record = value as Record<string, unknown>;
  const kind = record.k;
  if (typeof kind !== 'string' || !Object.hasOwn(shapes, kind)) return `unknown kind ${JSON.stringify(kind) ?? 'undefined'}`;
  const k = kind as JournalRecord['k'];
  for (const [field, check] of shapes[k]) {
    const problem = check(record[field]);
    if (problem !== undefined) return `${k}: ${field} ${problem}`;
  }
  for (const field of pathFields[k] ?? []) {
    const problem = wellFormedPath(record[field] as string);
    if (problem !== undefined) return `${k}: ${field} ${JSON.stringify(record[field])} ${problem}`;
  }
  for (const field of replacingFields[k] ?? []) {
    if (roots.includes(record[field] as string)) return `${k}: ${field} ${JSON.stringify(record[field])} would replace a root of the run`;
  }
  for (const field of pathFields[k] ?? []) {
    const p = record[field] as string;
    if (!roots.some((root) => isAtOrUnder(p, root))) return { outsideRoots: p };
  }
  return record as unknown as JournalRecord;
}

/**
 * A well-formed change to a path outside every root. The engine makes such changes when a path inside a root leads
 * out through a symlink (the change stays in memory); the fold and the run's other processes leave them out, and
 * the report counts them, but the rest of the journal is read: they are the run's own doing, not a forgery.
 */
export interface OutsideRoots {
  outsideRoots: string;
}

/** Why a path may not name a change at all, or undefined when it may. */
function wellFormedPath(p: string): string | undefined {
  if (p.includes('\0')) return 'holds a NUL byte';
  if (!p.startsWith('/')) return 'is not absolute';
  if (!isNormalised(p)) return 'is not normalised';
  return undefined;
}

/**
 * path.posix.normalize(p) === p, without a trailing slash (normalize keeps one; the engine never writes one), for an
 * absolute p: no empty, `.` or `..` segment. Scanned rather than normalised: replay checks every record at start-up.
 */
export function isNormalised(p: string): boolean {
  if (p === '/') return true;
  return !(p.endsWith('/') || p.includes('//') || p.includes('/./') || p.includes('/../') || p.endsWith('/.') || p.endsWith('/..'));
}

function isAtOrUnder(candidate: string, root: string): boolean {
  return candidate === root || candidate.startsWith(root === '/' ? '/' : `${root}/`);
}

/**
 * A content frame that continues an earlier one (`at`) may start no further than the bytes it continues end: a
 * forged offset would otherwise make the reader fill the gap with as many zero bytes as it names.
 */
export function checkContinuation(at: number, continuedLength: number): string | undefined {
  return at <= continuedLength ? undefined : `content: at ${at} lies beyond the ${continuedLength} bytes it continues`;
}

/**
 * Only the run's own user writes journals the report may hold. The spool is private to that user, so another
 * user's journal there was put there by someone with the power to do so, and is none of the run's doing.
 */
export function isTrustedJournal(stat: { uid: number }, runUid: number): boolean {
  return stat.uid === runUid;
}

/** Why a journal of another user is left out, for the gap that reports it. */
export function foreignJournalDetail(stat: { uid: number }, runUid: number): string {
  return `owned by user ${stat.uid}, not by the run's user ${runUid}: ignored, as only the run's own processes may add to the report`;
}

/** The changes a journal made outside the roots, for the gap that reports them. */
export function outsideRootsDetail(count: number, first: string): string {
  const changes = count === 1 ? '1 change' : `${count} changes`;
  return `${changes} to paths outside the run's roots (first: ${first}), reached through a symlink inside a root, stayed in `
    + 'memory and are not in this report';
}

/** Why a journal was read only up to a refused record, for the gap that reports it. */
export function refusedRecordDetail(recordNumber: number, reason: string): string {
  return `record ${recordNumber} refused (${reason}); it and the rest of this journal were ignored`;
}

// The untouched lane: the members real suites call most on files they never changed (statSync, existsSync,
// readFileSync(p, 'utf8'), require's Module._stat) answer an absolute path from one remembered answer instead of three
// (the face's router, the engine's walk, the run layer's "nothing of the other processes here"), then ask the disk in
// one native call. The three answers are remembered together per path, exactly while each would still be given:
// the upper tree keeps its shape (upperShape.version, which also moves when another process's change is revealed or
// covered), the run layer's model its contents, and the router its view of the disk's symlinks (forgetLaneAnswers).
// What a path needs before any operation reaches the overlay is still done at every call: the coherence look, before
// an owned path's answer is used (it may bring news that move those versions, and the answer is then worked out again).
import { upperShape } from '../overlay/inode.js';
import { context, ownsPath } from './context.js';
import { isVolatile } from './disk-location.js';
import { untouchedDiskPath } from './untouched.js';

/** The router leaves the path to Node: the original member runs. */
export const NOT_OURS = 0;
/** The overlay's path, where the engine must answer (it holds state there, or the disk's answer could differ). */
export const ENGINE = 1;
/** A disk path (the merged view there is the disk's own), NOT_OURS, or ENGINE. */
export type LaneAnswer = string | typeof NOT_OURS | typeof ENGINE;

/** Paths remembered before the lane starts again (a suite touches a few thousand). */
const maxAnswers = 4096;
const answers = new Map<string, LaneAnswer>();
let answersShape = -1;
let answersEpoch = 0;
let epoch = 0;

/**
 * Off until installFs is told that its engine and router stay for the life of the process, their answers changing only
 * as described above (the preload's); a test that swaps engines or roots behind one router must not have it.
 */
let enabled = false;

export function enableLane(): void {
  enabled = true;
  forgetLaneAnswers();
}

/** Runs before the answer for a path the overlay owns is used: the preload's coherence look under a spool. */
let beforeOwnedOperation: () => void = () => {};

export function setLaneLook(look: () => void): void {
  beforeOwnedOperation = look;
  forgetLaneAnswers();
}

/**
 * What the lane remembered may no longer hold: the router forgot the disk's symlinks (a pass-through rename, unlink…),
 * or the run layer's model changed without the engine hearing of it (a refresh that failed half-way).
 */
export function forgetLaneAnswers(): void {
  epoch++;
}

function current(): boolean {
  return answersShape === upperShape.version && answersEpoch === epoch;
}

/** Where `path` (an absolute string as given) goes, worked out through the router and the engine. */
function workOut(path: string): LaneAnswer {
  if (!ownsPath(path)) return NOT_OURS; // owned: the router ran the coherence look
  return untouchedDiskPath(path) ?? ENGINE;
}

/**
 * Whether the overlay holds nothing anywhere — this process changed nothing in memory, and no other process of the run
 * changed anything it has heard of — after the coherence look: then the disk answers every path exactly as the
 * overlay would, symlinks followed and all, and the router, the engine and the lane's memo need not be asked. A
 * process that only reads (most of a run's module loading happens before its first write) pays one property check
 * per call. Only while the lane is on (the preload's one engine for the life of the process). Not a licence to call
 * any original member: several call other members of fs (readFileSync of a Buffer opens through fs.openSync, which
 * is ours); the callers here make native calls only.
 */
export function overlayHoldsNothing(): boolean {
  if (!enabled) return false;
  const engine = context.engine;
  // The look is only made while the answer could still be yes: otherwise the path's own answer makes it, as before.
  if (engine.answersAsDiskEverywhere?.() !== true) return false;
  beforeOwnedOperation();
  return engine.answersAsDiskEverywhere!();
}

/**
 * The lane's answer for a path argument: undefined when it has none (not an absolute string: the face decides as
 * before). The coherence look has run when the answer is not NOT_OURS.
 */
export function laneAnswer(path: string): LaneAnswer | undefined {
  // /proc and /dev answer differently from one call to the next (the router remembers nothing there either).
  if (!enabled || path.charCodeAt(0) !== 47 || isVolatile(path)) return undefined;
  // Nothing anywhere in memory: the path is its own disk path, for the member's own answer from the disk (never
  // remembered: it may not last).
  if (overlayHoldsNothing()) return path;
  if (!current()) {
    answers.clear();
    answersShape = upperShape.version;
    answersEpoch = epoch;
  }
  const known = answers.get(path);
  if (known !== undefined) {
    if (known === NOT_OURS) return known;
    beforeOwnedOperation();
    if (current()) return known;
  }
  // A NUL byte: the member's own validation words the error before anything is asked (never remembered, so that a
  // remembered path needs no scan for one).
  if (path.includes('\0')) return undefined;
  const answer = workOut(path);
  if (!current()) {
    // The look brought news while the answer was worked out: it holds now, but not as of the versions remembered.
    answers.clear();
    answersShape = upperShape.version;
    answersEpoch = epoch;
  }
  if (answers.size >= maxAnswers) answers.clear();
  answers.set(path, answer);
  return answer;
}

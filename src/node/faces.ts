// The three faces of one operation. Each face first asks whether the call is ours (one cheap check); if not, the
// original runs with the original arguments untouched. Otherwise the operation's own argument handling runs (it
// throws Node's validation errors synchronously, as Node does), then the operation itself, once. The asynchronous
// faces run the operation after the current tick, as Node's thread pool does (deferred.ts).
import { afterTurns } from './deferred.js';
import { forCallback, forPromise, forSync, isSystemCallError, withCallSiteFrames } from './stack.js';
import { ENGINE, laneAnswer, NOT_OURS } from './untouched-lane.js';

type AnyFunction = (...args: any[]) => any;
/** Routing looks at the first two arguments only (a path or descriptor, and a second path for rename, cp, …). */
export type Owns = (first: unknown, second: unknown) => boolean;

/** A callback-style call after its arguments were validated: the callback and the work that produces its results. */
export interface CallbackJob {
  callback: AnyFunction;
  run(): unknown[] | Promise<unknown[]>;
  /**
   * Node itself calls back before returning (Node 20's recursive readdir is readdirSync underneath): `run` then runs
   * at once, its errors thrown to the caller as the sync face throws them. Only for such a call.
   */
  synchronous?: boolean;
  /**
   * The event-loop turns before the operation takes effect: 1 (the default) for one trip through the thread pool;
   * more for what Node does in several steps (a recursive rm), so that a call made after it in the same tick, which
   * Node's pool runs meanwhile, still finds what it removes.
   */
  turns?: number;
}

// The faces take `arguments` as they come: no rest array is built on the pass-through path, which must stay cheap
// (a real descriptor or an outside path costs one check and the original call). They are plain function
// expressions: install.ts gives each the original's name and length (stack traces show that name), and naming them
// at creation as well, through a computed object key, cost 1 M instructions at every start for nothing.
export function syncFace(original: AnyFunction, owns: Owns, impl: AnyFunction): AnyFunction {
  const face = function (this: unknown, first?: unknown, second?: unknown) {
    // eslint-disable-next-line prefer-rest-params
    if (!owns(first, second)) return Reflect.apply(original, this, arguments);
    try {
      // eslint-disable-next-line prefer-rest-params
      return Reflect.apply(impl, undefined, arguments);
    } catch (err) {
      throw forSync(err, face);
    }
  };
  return face;
}

/** What an answer from the disk path says when the disk's answer cannot stand for the overlay's: the engine answers. */
export const DECLINED: unique symbol = Symbol('declined');

/**
 * The disk's answer for a member's call, given the disk path of its first argument (the merged view there is the
 * disk's own) and its second argument; DECLINED when the overlay must answer (a symlink in the last name, an error to
 * word, options the member's own code must read).
 */
export type OnDisk = (diskPath: string, second: unknown) => unknown;

/**
 * The sync face of a member that files the tests never changed ask most (statSync, existsSync, readFileSync): a path
 * given as an absolute string takes the untouched lane (untouched-lane.ts), one remembered answer for the router,
 * the coherence look and the engine, then `onDisk`; anything else, or a declined answer, goes as through syncFace.
 */
export function untouchedFirstFace(original: AnyFunction, owns: Owns, impl: AnyFunction, onDisk: OnDisk): AnyFunction {
  const face = function (this: unknown, first?: unknown, second?: unknown) {
    const lane = typeof first === 'string' ? laneAnswer(first) : undefined;
    if (lane === undefined) {
      // eslint-disable-next-line prefer-rest-params
      if (!owns(first, second)) return Reflect.apply(original, this, arguments);
    } else if (lane === NOT_OURS) {
      // eslint-disable-next-line prefer-rest-params
      return Reflect.apply(original, this, arguments);
    } else if (lane !== ENGINE) {
      const answer = onDisk(lane, second);
      if (answer !== DECLINED) return answer;
    }
    try {
      // eslint-disable-next-line prefer-rest-params
      return Reflect.apply(impl, undefined, arguments);
    } catch (err) {
      throw forSync(err, face);
    }
  };
  return face;
}

export function callbackFace(original: AnyFunction, owns: Owns, prepare: (args: any[]) => CallbackJob): AnyFunction {
  const face = function (this: unknown, first?: unknown, second?: unknown) {
    // eslint-disable-next-line prefer-rest-params
    if (!owns(first, second)) return Reflect.apply(original, this, arguments);
    let job: CallbackJob;
    let valuesNow: unknown[] | undefined;
    try {
      // eslint-disable-next-line prefer-rest-params
      job = prepare(Array.prototype.slice.call(arguments));
      if (job.synchronous) valuesNow = job.run() as unknown[];
    } catch (err) {
      throw forSync(err, face);
    }
    if (valuesNow === undefined) deliver(job);
    else job.callback(null, ...valuesNow);
  };
  return face;
}

/**
 * Runs the work after the current tick and calls back a turn later, never synchronously, errors frameless as
 * libuv's. Every operation called in one tick takes effect before any of their callbacks runs, in call order, as the
 * thread pool's would. The callback waits for the check phase (setImmediate) rather than the next tick: real
 * completions arrive from the poll phase, so timers and other I/O interleave between a stream's reads as they do on
 * the disk.
 */
export function deliver(job: CallbackJob): void {
  // Called as a plain function, never as a method of the job.
  const callback = job.callback;
  afterTurns(job.turns ?? 1, () => {
    let results: unknown[] | Promise<unknown[]>;
    try {
      results = job.run();
    } catch (err) {
      const error = forCallback(err);
      setImmediate(() => callback(error));
      return;
    }
    if (results instanceof Promise) {
      results.then(
        (values) => callback(null, ...values),
        (err) => callback(forCallback(err)),
      );
      return;
    }
    const values = results;
    setImmediate(() => callback(null, ...values));
  });
}

/**
 * The operation runs after the current tick, its validation with it (an operation Node does in several steps waits
 * more turns itself: rmPromise): the frames of a validation error, which Node throws inside the call, are the
 * caller's, taken at the call.
 */
export function promiseFace(original: AnyFunction, owns: Owns, impl: AnyFunction): AnyFunction {
  const face = async function (this: unknown, ...args: any[]) {
    if (!owns(args[0], args[1])) return Reflect.apply(original, this, args);
    const callSite: { stack?: string } = {};
    Error.captureStackTrace(callSite, face);
    // The operation itself runs in the deferred task (not in a continuation after it), so that one still waiting at
    // exit takes effect there.
    const ran = new Promise<{ value: unknown } | { error: unknown }>((resolve) => afterTurns(1, () => {
      try {
        resolve({ value: impl(...args) });
      } catch (error) {
        resolve({ error });
      }
    }));
    try {
      const outcome = await ran;
      if ('error' in outcome) throw outcome.error;
      return await outcome.value;
    } catch (err) {
      if (!isSystemCallError(err)) throw withCallSiteFrames(forPromise(err, face), callSite);
      // Node's fs.promises errors come back from the thread pool: their stack is the awaiting async frames.
      // Captured after one await, ours shows those frames too.
      await undefined;
      throw forPromise(err, face);
    }
  };
  return face;
}

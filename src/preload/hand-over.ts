// The moments another process or thread may look at what this one changed: a child started, a worker made, a message
// posted or sent, a signal sent, a write to a pipe or socket (a parent waiting for "ready" on stdout, a server's
// request). Before each, the journal writes
// what this turn queued (journal.ts batches a turn's records into one write); after a synchronous child returns,
// this process looks for what the child changed at its next operation (coherence.ts), not at the next turn.
//
// reach.ts calls these from the functions it wraps; the preload sets what they do. Both are cheap when there is
// nothing to do: an empty batch, a view already marked stale.

let before: () => void = () => {};
let after: () => void = () => {};

export function setHandOver(o: { before: () => void; after: () => void }): void {
  before = o.before;
  after = o.after;
}

/** Called right before something is handed to another process or thread. Never throws. */
export function beforeHandOver(): void {
  try {
    before();
  } catch {
    // The journal counts what it could not write; a hand-over is never stopped by it.
  }
}

/** Called when a synchronous child process has ended: what it changed must be looked for. */
export function afterHandOver(): void {
  after();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFunction = (...args: any[]) => any;

/** `fn`, doing beforeHandOver first; same name and length. */
export function handingOver<F extends AnyFunction>(fn: F): F {
  const wrapper = function (this: unknown, ...args: unknown[]) {
    beforeHandOver();
    return Reflect.apply(fn, this, args);
  } as F;
  Object.defineProperty(wrapper, 'name', { value: fn.name });
  Object.defineProperty(wrapper, 'length', { value: fn.length });
  return wrapper;
}

/**
 * process.send, process.kill (a signal tells another process something too; sent to this process, it may end it),
 * and the `write` of process.stdout and process.stderr when the program first takes them (Node makes
 * those streams on first access; making them here would cost every process that never prints).
 */
export function installProcessHandOvers(): void {
  if (typeof process.send === 'function') process.send = handingOver(process.send);
  process.kill = handingOver(process.kill);
  for (const name of ['stdout', 'stderr'] as const) {
    const descriptor = Object.getOwnPropertyDescriptor(process, name);
    if (descriptor?.get === undefined || descriptor.configurable !== true) continue;
    const get = descriptor.get;
    let wrapped = false;
    Object.defineProperty(process, name, {
      ...descriptor,
      get: function (this: unknown) {
        const stream = Reflect.apply(get, this, []) as { write?: AnyFunction } | undefined;
        if (!wrapped && stream !== undefined && typeof stream.write === 'function') {
          wrapped = true;
          stream.write = handingOver(stream.write);
        }
        return stream;
      },
    });
  }
}

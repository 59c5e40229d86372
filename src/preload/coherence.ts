// One filesystem for the whole run: what another process or thread of the run made visible is seen here at the next
// operation on a path inside the roots that starts after that process's turn ended (close-to-open, as NFS gives it).
//
// The check: once per run of synchronous code (a microtask marks the view stale again when it ends), after every
// synchronous child process, and every `opsPerCheck` operations within one long run (a loop polling for a file):
// one read of the spool's announcements (announcements.ts), which returns nothing when nothing changed. What was
// announced is read from the journals that grew, applied to the run layer (run-layer.ts), and the engine stops
// hiding those paths wherever this process's own change to them is older (Overlay.reveal). Outside the roots the
// router answers first and nothing here runs.
import type { LiveRunLayer, ChangedPath } from '../changes/run-layer.js';

/** Operations within one synchronous run between two looks at the announcements. */
const opsPerCheck = 64;

export interface CoherenceOptions {
  runLayer: LiveRunLayer;
  engine: { reveal(paths: Iterable<{ path: string; shallow: boolean }>): void; coverBelow(paths: Iterable<string>): void };
  /** When this process last changed a path (its journal's clock), if it did. */
  lastOwnChange(path: string): bigint | undefined;
  /** The run layer's model may have changed without the engine hearing of it (a refresh that failed half-way). */
  modelChanged?(): void;
}

export interface Coherence {
  /** Called before every operation on a path inside the roots. */
  refresh(): void;
  /** The next refresh looks, whatever the budget (a synchronous child has ended). */
  stale(): void;
}

export function createCoherence(o: CoherenceOptions): Coherence {
  let fresh = false;
  let budget = 0;
  const expire = (): void => {
    fresh = false;
  };
  const look = (): void => {
    let refreshed;
    try {
      refreshed = o.runLayer.refresh();
    } catch {
      // A journal that cannot be read now is read at the next look; the fold reports it if it never can.
      o.modelChanged?.();
      return;
    }
    if (refreshed === undefined) return;
    // What this process holds at a changed path hides what is below it now; where the other's change is the later
    // one, the engine lets go of its own and shows it.
    o.engine.coverBelow(refreshed.changed.map((change) => change.path));
    o.engine.reveal(newerThanOwn(refreshed.changed, o.lastOwnChange));
  };
  return {
    refresh() {
      if (fresh && --budget > 0) return;
      if (!fresh) {
        fresh = true;
        queueMicrotask(expire);
      }
      budget = opsPerCheck;
      look();
    },
    stale() {
      fresh = false;
    },
  };
}

/** The changes that win over this process's own: the later by the shared clock, as the fold orders them. */
function newerThanOwn(changed: readonly ChangedPath[], lastOwnChange: (path: string) => bigint | undefined): ChangedPath[] {
  return changed.filter((change) => {
    const own = lastOwnChange(change.path);
    return own === undefined || own < change.time;
  });
}

// Names that are not UTF-8 at node/'s edge. The engine's names keep a Buffer path's bytes (../overlay/name-bytes.ts);
// string paths and error messages follow Node's own rules for lone surrogates and invalid bytes, given here.
import { isWellFormed, nameToBytes, toWellFormed } from '../overlay/name-bytes.js';

/** A string path as Node's binding sees it: lone surrogates are U+FFFD's bytes on the way to the kernel. */
export function wellFormed(s: string): string {
  return isWellFormed(s) ? s : toWellFormed(s);
}

/**
 * Node words an error's path as its bytes decoded as UTF-8 (one U+FFFD per invalid run); the engine's error holds
 * the escaped name. Rewritten on the way out, only for names that are not UTF-8.
 */
export function nodeErrorPaths(err: unknown): void {
  if (!(err instanceof Error)) return;
  const e = err as Error & { path?: unknown; dest?: unknown; syscall?: unknown };
  // Only errors of a call (a user's own error passing through, from a cp filter say, is left alone).
  if (typeof e.syscall !== 'string') return;
  for (const key of ['path', 'dest'] as const) {
    const escaped = e[key];
    if (typeof escaped !== 'string' || isWellFormed(escaped)) continue;
    const shown = nameToBytes(escaped).toString('utf8');
    try {
      e.message = e.message.split(escaped).join(shown);
      e[key] = shown;
    } catch {
      // A read-only property (an error made by Node itself) stays as it is.
    }
  }
}

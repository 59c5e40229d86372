// Linux names are bytes; the engine keys names by string. A Buffer path that is valid UTF-8 is its decoded string, as
// before. One that is not (a name made from UCS-2 or latin1 bytes) keeps its bytes: each byte that is not part of a
// valid sequence becomes a lone low surrogate U+DC80–U+DCFF (Python's "surrogateescape"), a string no UTF-8 decode
// produces and no string path can name — Node turns a string path's lone surrogates into U+FFFD's bytes, and so does
// `wellFormed` here. Names are turned back into those bytes wherever they leave in an encoding.
import { Buffer, isUtf8 } from 'node:buffer';

type WellFormedString = string & { isWellFormed(): boolean; toWellFormed(): string };

export function isWellFormed(s: string): boolean {
  return (s as WellFormedString).isWellFormed();
}

/** A string path as Node's binding sees it: lone surrogates are U+FFFD's bytes on the way to the kernel. */
export function wellFormed(s: string): string {
  return isWellFormed(s) ? s : (s as WellFormedString).toWellFormed();
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 (the ranges of the Unicode standard, table 3-7). */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < bytes.length && bytes[i + k]! >= lo && bytes[i + k]! <= hi;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((b0 >= 0xe1 && b0 <= 0xec) || b0 === 0xee || b0 === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** The engine's name for a path given as bytes. */
export function bytesToName(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isUtf8(buffer)) return buffer.toString('utf8');
  let out = '';
  let runStart = 0;
  let i = 0;
  while (i < buffer.length) {
    const n = sequenceLength(buffer, i);
    if (n > 0) {
      i += n;
      continue;
    }
    out += buffer.toString('utf8', runStart, i) + String.fromCharCode(0xdc00 + buffer[i]!);
    i += 1;
    runStart = i;
  }
  return out + buffer.toString('utf8', runStart);
}

/** The bytes a name stands for (the inverse of bytesToName). */
export function nameToBytes(name: string): Buffer {
  if (isWellFormed(name)) return Buffer.from(name, 'utf8');
  const parts: Buffer[] = [];
  let runStart = 0;
  for (let i = 0; i < name.length; i++) {
    const unit = name.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < name.length) {
      const next = name.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    if (unit >= 0xdc80 && unit <= 0xdcff) {
      parts.push(Buffer.from(name.slice(runStart, i), 'utf8'), Buffer.of(unit - 0xdc00));
      runStart = i + 1;
    }
  }
  parts.push(Buffer.from(name.slice(runStart), 'utf8'));
  return Buffer.concat(parts);
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

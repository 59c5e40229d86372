// Linux names are bytes; the engine keys names by string. A name given as bytes that are valid UTF-8 is its decoded
// string. One that is not (a name made from UCS-2 or latin1 bytes) keeps its bytes: each byte that is not part of a
// valid sequence becomes a lone low surrogate U+DC80–U+DCFF (Python's "surrogateescape"), a string no UTF-8 decode
// produces and no string path can name (Node sends a string path's lone surrogates to the kernel as U+FFFD's bytes).
// node/ makes such names from Buffer paths and turns them back into bytes wherever a name leaves in an encoding; the
// disk layer (disk.ts) calls the disk with their bytes and escapes the names it reads back the same way.
import { Buffer, isUtf8 } from 'node:buffer';

type WellFormedString = string & { isWellFormed(): boolean; toWellFormed(): string };

/** No lone surrogate: no escaped byte in it, and the string's UTF-8 is what the kernel gets. */
export function isWellFormed(s: string): boolean {
  return (s as WellFormedString).isWellFormed();
}

/** Makes `s` well formed as Node's binding does on the way to the kernel: each lone surrogate becomes U+FFFD. */
export function toWellFormed(s: string): string {
  return (s as WellFormedString).toWellFormed();
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

/** How many bytes a name stands for: an escape is its one byte, where Buffer.byteLength counts U+FFFD's three. */
export function nameByteLength(name: string): number {
  return isWellFormed(name) ? Buffer.byteLength(name) : nameToBytes(name).length;
}

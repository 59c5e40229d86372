// The engine's names for bytes: any bytes make a name that stands for exactly those bytes, and that many of them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToName, isWellFormed, nameByteLength, nameToBytes } from '../../src/overlay/name-bytes.js';

describe('names for bytes', () => {
  it('any bytes: the name gives them back, counts them, and is well formed exactly when they are UTF-8', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), (array) => {
      const bytes = Buffer.from(array);
      const name = bytesToName(bytes);
      expect(nameToBytes(name)).toEqual(bytes);
      expect(nameByteLength(name)).toBe(bytes.length);
      expect(isWellFormed(name)).toBe(bytes.toString('utf8') === name);
    }), { numRuns: 2000 });
  });

  it('counts an escape as its one byte, a character as its UTF-8 bytes', () => {
    expect(nameByteLength('caf\uDCE9')).toBe(4);
    expect(nameByteLength('café')).toBe(5);
    expect(nameByteLength('\uD83D\uDC04\uDC80')).toBe(5);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeJsonInPieces } from '../../src/changes/json-pieces.js';

function inPieces(value: unknown, pieceSize?: number): { text: string; pieces: number } {
  const pieces: string[] = [];
  writeJsonInPieces(value, (piece) => pieces.push(piece), pieceSize);
  return { text: pieces.join(''), pieces: pieces.length };
}

describe('a manifest written in pieces', () => {
  it('is byte for byte what JSON.stringify(value, null, 2) makes, for any JSON value and object of them', () => {
    const members = fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue()), fc.constant(undefined)));
    fc.assert(
      fc.property(fc.oneof(members, fc.jsonValue()), fc.integer({ min: 1, max: 64 }), (value, pieceSize) => {
        expect(inPieces(value, pieceSize).text).toBe(JSON.stringify(value, null, 2));
      }),
      { numRuns: 500 },
    );
  });

  it('writes what JSON leaves out of an object as it does: absent there, null in an array', () => {
    const value = { kept: 1, gone: undefined, fn: () => 1, list: [1, undefined, () => 2, 'a\nb'], nested: { deep: [[]] }, empty: [] };
    expect(inPieces(value).text).toBe(JSON.stringify(value, null, 2));
  });

  it('never holds the whole text at once: a long array goes out in many pieces', () => {
    const changes = Array.from({ length: 10_000 }, (_, i) => ({ path: `/work/out/file-${i}.txt`, change: 'created', size: i }));
    const { text, pieces } = inPieces({ schemaVersion: 1, changes }, 4096);
    expect(text).toBe(JSON.stringify({ schemaVersion: 1, changes }, null, 2));
    expect(pieces).toBeGreaterThan(text.length / 8192);
  });
});

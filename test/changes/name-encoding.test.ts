import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRelativePath, encodeNameSegment, encodeRelativePath } from '../../src/changes/name-encoding.js';

const rejectedByArtifacts = /[":<>|*?\r\n\\\x00-\x1f\x7f]/;

describe('name encoding', () => {
  it('decodes every encoded relative path back to the original', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', minLength: 1 }).filter((s) => !s.includes('/')), { minLength: 1, maxLength: 5 }), (segments) => {
        const original = segments.join('/');
        expect(decodeRelativePath(encodeRelativePath(original))).toBe(original);
      }),
      { numRuns: 400 },
    );
  });

  it('never leaves a character the artifact service or Windows rejects', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (segment) => {
        expect(encodeNameSegment(segment)).not.toMatch(rejectedByArtifacts);
      }),
      { numRuns: 400 },
    );
  });

  it('leaves ordinary and non-ASCII names as they are', () => {
    expect(encodeRelativePath('src/ünïcode file (1).test.ts')).toBe('src/ünïcode file (1).test.ts');
  });

  it('writes each rejected character as %XX, and the percent sign itself too', () => {
    expect(encodeNameSegment('a:b?c%d\n')).toBe('a%3Ab%3Fc%25d%0A');
  });

  it('writes a byte that is not UTF-8 (a lone surrogate U+DC80–U+DCFF in the engine\'s name) as %XX of that byte', () => {
    expect(encodeNameSegment('caf\udce9 \udcff.txt')).toBe('caf%E9 %FF.txt');
    expect(decodeRelativePath('d%FF/caf%E9.txt')).toBe('d\udcff/caf\udce9.txt');
  });

  it('writes a segment . or .. as %2E or %2E%2E, so that it names a file instead of a step through the tree', () => {
    expect(encodeRelativePath('a/../b/./c/...')).toBe('a/%2E%2E/b/%2E/c/...');
    expect(decodeRelativePath('a/%2E%2E/b/%2E')).toBe('a/../b/.');
  });

  it('leaves a surrogate pair whole, even one whose low half lies in U+DC80–U+DCFF', () => {
    expect(encodeNameSegment('\u{10080}')).toBe('\u{10080}');
  });
});

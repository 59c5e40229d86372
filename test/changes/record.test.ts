// The journal's frames: every header reads back as the record that was written, whichever encoder wrote it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFrames, encodeFrame, type ContentRecord } from '../../src/changes/record.js';

const contentRecords = fc.record(
  {
    k: fc.constant('content' as const),
    t: fc.bigInt({ min: 0n, max: 2n ** 64n }).map(String),
    path: fc.string({ unit: 'binary', minLength: 1 }).map((name) => `/work/${name}`),
    ino: fc.nat(),
    mode: fc.nat({ max: 0o177777 }),
    uid: fc.nat(),
    gid: fc.nat(),
    size: fc.nat(),
    atimeNs: fc.bigInt({ min: 0n, max: 2n ** 63n }).map(String),
    mtimeNs: fc.bigInt({ min: 0n, max: 2n ** 63n }).map(String),
    tf: fc.string({ unit: 'binary' }),
    sup: fc.constant(1 as const),
    at: fc.nat(),
  },
  { requiredKeys: ['k', 't', 'path', 'ino', 'mode', 'uid', 'gid', 'size', 'atimeNs', 'mtimeNs'] },
);

describe('journal frames', () => {
  it('decode every content record to what was encoded, paths with quotes, controls and lone surrogates included', () => {
    fc.assert(fc.property(contentRecords, fc.uint8Array({ maxLength: 64 }), (record: ContentRecord, data) => {
      const { frames, tornBytes } = decodeFrames(Buffer.concat(encodeFrame(record, data)));
      expect(tornBytes).toBe(0);
      // JSON turns a lone surrogate into U+FFFD on the way back, whichever encoder wrote it: compare with that.
      expect(frames[0]!.record).toEqual(JSON.parse(JSON.stringify(record)));
      expect([...frames[0]!.data!]).toEqual([...data]);
    }), { numRuns: 300 });
  });

  it('write a content header as the very bytes JSON.stringify makes', () => {
    const record: ContentRecord = {
      k: 'content', t: '12', path: '/a "b"\n\\c', ino: 3, mode: 0o100644, uid: 0, gid: 0, size: 0,
      atimeNs: '1', mtimeNs: '2', tf: 't.test.js', at: 4,
    };
    const [head] = encodeFrame(record);
    expect(Buffer.from(head!).subarray(8).toString()).toBe(JSON.stringify(record));
  });
});

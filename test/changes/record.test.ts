// The journal's frames: every header reads back as the record that was written, whichever encoder wrote it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFrames, encodeFrame, frameBytesAtMost, headerOf, writeFrame, type ContentRecord, type JournalRecord } from '../../src/changes/record.js';

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

const text = fc.string({ unit: 'binary' });
const time = fc.bigInt({ min: 0n, max: 2n ** 64n }).map(String);
const timed = { t: time, tf: text, ti: fc.nat() };
const optionalTimes = ['tf', 'ti'];
const recordOf = <T extends Record<string, fc.Arbitrary<unknown>>>(fields: T) =>
  fc.record({ ...timed, ...fields }, { requiredKeys: Object.keys(fields).concat('t').filter((k) => !optionalTimes.includes(k)) as never });
/** One arbitrary record of every kind the journal writes after `begin`. */
const anyRecord = fc.oneof(
  contentRecords,
  recordOf({ k: fc.constant('mkdir'), path: text, mode: fc.nat(), uid: fc.nat(), gid: fc.nat() }),
  recordOf({ k: fc.constant('symlink'), path: text, target: text, uid: fc.nat(), gid: fc.nat() }),
  recordOf({ k: fc.constant('link'), existingPath: text, newPath: text }),
  recordOf({ k: fc.constant('remove'), path: text }),
  recordOf({ k: fc.constant('rename'), from: text, to: text }),
  recordOf({ k: fc.constant('metadata'), path: text, mode: fc.nat(), uid: fc.nat(), gid: fc.nat(), atimeNs: time, mtimeNs: time }),
  recordOf({ k: fc.constant('note'), detail: text }),
  recordOf({ k: fc.constant('unsaved'), path: text, ino: fc.nat() }),
  recordOf({ k: fc.constant('test'), id: fc.nat(), name: text }),
  recordOf({ k: fc.constant('end') }),
) as fc.Arbitrary<JournalRecord>;

describe('journal frames', () => {
  it('decode frames written one after another into one buffer as the records and data written, every kind', () => {
    fc.assert(fc.property(fc.array(fc.tuple(anyRecord, fc.uint8Array({ maxLength: 32 })), { maxLength: 8 }), (written) => {
      const room = written.reduce((sum, [record, data]) => sum + frameBytesAtMost(headerOf(record), data.length), 0);
      const buffer = Buffer.alloc(room);
      let end = 0;
      for (const [record, data] of written) end = writeFrame(buffer, end, headerOf(record), data);
      const { frames, tornBytes } = decodeFrames(buffer.subarray(0, end));
      expect(tornBytes).toBe(0);
      expect(frames.map((f) => f.record)).toEqual(written.map(([record]) => JSON.parse(JSON.stringify(record))));
      expect(frames.map((f) => [...(f.data ?? [])])).toEqual(written.map(([, data]) => [...data]));
    }), { numRuns: 200 });
  });


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

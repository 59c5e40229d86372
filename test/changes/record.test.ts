// The journal's frames: every header reads back as the record that was written, whichever encoder wrote it.
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanFrames } from '../../src/changes/journal-file.js';
import {
  asContentRecord, decodeFrames, encodeFrame, frameBytesAtMost, headerOf, writeFrame, type ContentHeader, type ContentRecord,
  type JournalRecord,
} from '../../src/changes/record.js';

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

/** Content records as the journal writes them: bigint times anywhere in 64 bits, well-formed paths and test files. */
const wellFormedText = fc.string({ unit: 'grapheme' });
const contentHeaders = fc.record(
  {
    k: fc.constant('content' as const),
    t: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
    path: wellFormedText.map((name) => `/work/${name}`),
    ino: fc.nat(),
    mode: fc.nat({ max: 0o177777 }),
    uid: fc.nat(),
    gid: fc.nat(),
    size: fc.maxSafeNat(),
    atimeNs: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
    mtimeNs: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
    tf: wellFormedText,
    ti: fc.nat(),
    sup: fc.constant(1 as const),
    at: fc.maxSafeNat(),
  },
  { requiredKeys: ['k', 't', 'path', 'ino', 'mode', 'uid', 'gid', 'size', 'atimeNs', 'mtimeNs'] },
) as fc.Arbitrary<ContentHeader>;

const frameOf = (header: ContentHeader, data: string) => Buffer.concat(encodeFrame(header, Buffer.from(data)));

describe('binary content headers', () => {
  it('decode to the record as a JSON header would give it, every field and flag', () => {
    fc.assert(fc.property(contentHeaders, fc.uint8Array({ maxLength: 64 }), (header, data) => {
      const frame = Buffer.concat(encodeFrame(header, data));
      expect(frame[8]).toBe(0x01); // binary, not JSON
      const { frames, tornBytes } = decodeFrames(frame);
      expect(tornBytes).toBe(0);
      expect(frames[0]!.record).toEqual(asContentRecord(header));
      expect([...frames[0]!.data!]).toEqual([...data]);
    }), { numRuns: 300 });
  });

  it('stop the reader at a frame cut anywhere, with everything before it read', () => {
    fc.assert(fc.property(contentHeaders, contentHeaders, fc.nat(), (first, second, cut) => {
      const one = frameOf(first, 'one');
      const whole = Buffer.concat([one, frameOf(second, 'two')]);
      const at = one.length + (cut % (whole.length - one.length));
      const { frames, tornBytes } = decodeFrames(whole.subarray(0, at));
      expect(frames.map((f) => f.record)).toEqual([asContentRecord(first)]);
      expect(tornBytes).toBe(at - one.length);
    }), { numRuns: 200 });
  });

  it('are not written for a time beyond 64 bits or text JSON alone can hold, and JSON carries those whole', () => {
    const header = (o: Partial<ContentHeader>): ContentHeader =>
      ({ k: 'content', t: 5n, path: '/w/a', ino: 1, mode: 0o100644, uid: 0, gid: 0, size: 0, atimeNs: 1n, mtimeNs: 2n, ...o });
    const jsonOnly = [
      header({ mtimeNs: 2n ** 63n }), header({ atimeNs: -(2n ** 63n) - 1n }), header({ t: 2n ** 64n }),
      header({ path: '/w/\ud800' }), header({ tf: '/t/\udc00.test.js' }),
    ];
    for (const record of jsonOnly) {
      expect(typeof headerOf(record)).toBe('string');
      expect(decodeFrames(Buffer.concat(encodeFrame(record))).frames[0]!.record).toEqual(asContentRecord(record));
    }
    expect(typeof headerOf(header({ atimeNs: -(2n ** 63n), mtimeNs: 2n ** 63n - 1n, path: '/w/é 😀' }))).toBe('object');
  });
});

describe('a journal of arbitrary bytes', () => {
  /** Arbitrary bytes, or frames whose headers start like a binary content header or like JSON, then anything. */
  const hostileBytes = fc.oneof(
    fc.uint8Array({ maxLength: 512 }),
    fc.array(fc.tuple(fc.constantFrom(0x01, 0x7b), fc.uint8Array({ maxLength: 160 }), fc.uint8Array({ maxLength: 16 })), { maxLength: 4 }).map((frames) =>
      new Uint8Array(Buffer.concat(frames.map(([first, rest, data]) => {
        const head = Buffer.alloc(8);
        head.writeUInt32LE(rest.length + 1, 0);
        head.writeUInt32LE(data.length, 4);
        return Buffer.concat([head, Buffer.from([first]), rest, data]);
      })))),
  );

  it('never make the frame decoder throw: it reads what decodes and stops at the rest', () => {
    fc.assert(fc.property(hostileBytes, (bytes) => {
      const { frames, tornBytes } = decodeFrames(Buffer.from(bytes));
      expect(tornBytes).toBeGreaterThanOrEqual(0);
      expect(tornBytes).toBeLessThanOrEqual(bytes.length);
      expect(frames.length).toBeLessThanOrEqual(bytes.length / 9);
    }), { numRuns: 500 });
  });

  it('never make the file scanner throw: it ends cleanly or names why it stopped', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-record-'));
    try {
      fc.assert(fc.property(hostileBytes, (bytes) => {
        const file = path.join(dir, 'journal');
        fs.writeFileSync(file, bytes);
        const fd = fs.openSync(file, 'r');
        try {
          const scan = scanFrames(fd, bytes.length, () => undefined);
          expect(scan.end + scan.tornBytes).toBe(bytes.length);
          if (scan.stoppedAt !== undefined) expect(scan.stoppedAt).toMatch(/ at offset \d+$/);
        } finally {
          fs.closeSync(fd);
        }
      }), { numRuns: 300 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

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

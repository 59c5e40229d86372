// The run's space guard on its own, with the machine's figures injected: what it admits, what it refuses and why,
// and how seldom it measures.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  describeSpoolFilesystem, readSpace, reserveFor, sharedMemoryWithRoom, SpoolSpace, type SpaceSystem,
} from '../../src/changes/spool-space.js';

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;
const EXT4 = 0xef53;
const TMPFS = 0x01021994;
const RAMFS = 0x858458f6;

interface Machine extends SpaceSystem {
  statfsCalls: number;
  spoolListings: number;
  free: number;
  size: number;
  type: number;
  memory: number;
  totalMemory(): number;
  spoolHolds: number;
  now: number;
}

function machine(o: Partial<Pick<Machine, 'free' | 'size' | 'type' | 'memory' | 'spoolHolds'>> = {}): Machine {
  const m: Machine = {
    statfsCalls: 0, spoolListings: 0, now: 0,
    free: o.free ?? 100 * GiB, size: o.size ?? 200 * GiB, type: o.type ?? EXT4, memory: o.memory ?? 64 * GiB,
    spoolHolds: o.spoolHolds ?? 0,
    statfs() {
      m.statfsCalls++;
      return { type: m.type, bsize: 4096, blocks: m.size / 4096, bavail: m.free / 4096 };
    },
    availableMemory: () => m.memory,
    totalMemory: () => 64 * GiB,
    spoolBytes() {
      m.spoolListings++;
      return m.spoolHolds;
    },
    nowMs: () => m.now,
  };
  return m;
}

const guardOn = (m: Machine, capBytes?: number) => new SpoolSpace({ spoolDir: '/spool/memfs-x', capBytes, system: m });

describe('the spool space guard', () => {
  it('measures once for many small writes, and again only after a step of 8 MiB', () => {
    const m = machine();
    const guard = guardOn(m);
    for (let i = 0; i < 1000; i++) expect(guard.admit(KiB)).toBe(true);
    expect(m.statfsCalls).toBe(1);
    for (let i = 0; i < 8 * 1024; i++) guard.admit(KiB);
    expect(m.statfsCalls).toBe(2);
  });

  it('measures more often near the limit, where the step is an eighth of the room left', () => {
    const m = machine({ size: 100 * GiB, free: 5 * GiB + 8 * MiB }); // reserve 5 GiB: 8 MiB of room
    const guard = guardOn(m);
    guard.admit(1);
    m.statfsCalls = 0;
    for (let i = 0; i < 32; i++) guard.admit(64 * KiB); // 2 MiB: steps of 1 MiB, then 7/8 MiB
    expect(m.statfsCalls).toBe(2);
  });

  it('refuses what would leave less than the reserve free on the filesystem', () => {
    const m = machine({ size: 10 * GiB, free: 1 * GiB }); // reserve 512 MiB
    const guard = guardOn(m);
    expect(guard.admit(600 * MiB)).toBe(false);
    expect(guard.admit(400 * MiB)).toBe(true);
    expect(guard.describeRefusal()).toMatchObject({ bound: 'disk', reserveBytes: 512 * MiB });
  });

  it('on tmpfs, also keeps a reserve of memory available', () => {
    const m = machine({ type: TMPFS, size: 32 * GiB, free: 32 * GiB, memory: 4 * GiB }); // memory reserve: 3.2 GiB
    expect(readSpace('/dev/shm/x', undefined, m)).toEqual({ room: 4 * GiB - reserveFor(64 * GiB), bound: 'memory', reserveBytes: reserveFor(64 * GiB) });
    const guard = guardOn(m);
    expect(guard.admit(1 * GiB)).toBe(false);
    expect(guard.describeRefusal().bound).toBe('memory');
  });

  it('bounds ramfs, which reports no size, by memory alone', () => {
    const m = machine({ type: RAMFS, size: 0, free: 0, memory: 8 * GiB });
    expect(readSpace('/r/x', undefined, m).bound).toBe('memory');
    expect(guardOn(m).admit(1 * GiB)).toBe(true);
  });

  it('with a cap, counts what the spool folder holds, and names the cap when it refuses', () => {
    const m = machine({ spoolHolds: 90 * MiB });
    const guard = guardOn(m, 100 * MiB);
    expect(guard.admit(11 * MiB)).toBe(false);
    expect(guard.admit(9 * MiB)).toBe(true);
    expect(guard.describeRefusal()).toEqual({ bound: 'cap', limitBytes: 100 * MiB, reserveBytes: 0, where: '/spool (ext4)' });
  });

  it('lists the spool only when there is a cap', () => {
    const m = machine();
    guardOn(m).admit(1);
    expect(m.spoolListings).toBe(0);
  });

  it('keeps what it admitted aside until the journal has written it', () => {
    const m = machine({ spoolHolds: 0 });
    const guard = guardOn(m, 10 * MiB);
    expect(guard.admit(6 * MiB)).toBe(true);
    // The file is still open: nothing reached the spool, whose listing still shows 0 bytes.
    expect(guard.admit(6 * MiB)).toBe(false);
    m.spoolHolds = 6 * MiB;
    guard.journaled(6 * MiB);
    m.now += 1000;
    expect(guard.admit(4 * MiB)).toBe(true);
  });

  it('forgets what it kept aside once a sweep saved every open file', () => {
    const m = machine();
    const guard = guardOn(m, 10 * MiB);
    guard.admit(9 * MiB); // written to a file that was then deleted while open: never journaled
    expect(guard.admit(2 * MiB)).toBe(false);
    guard.settled();
    m.now += 1000;
    expect(guard.admit(2 * MiB)).toBe(true);
  });

  it('has the journal save the files still open once what waits for it reaches a step, then measures again', () => {
    const m = machine();
    const guard = guardOn(m);
    let flushes = 0;
    guard.flushPending = () => {
      flushes++;
      guard.settled();
    };
    for (let i = 0; i < 8 * 1024 + 1; i++) guard.admit(KiB); // the first reading, then a step of 8 MiB
    expect(flushes).toBe(0);
    guard.admit(KiB);
    expect([flushes, m.statfsCalls]).toEqual([1, 2]);
  });

  it('measures at most every 100 ms while it keeps refusing', () => {
    const m = machine({ spoolHolds: 10 * MiB });
    const guard = guardOn(m, 10 * MiB);
    for (let i = 0; i < 1000; i++) expect(guard.admit(KiB)).toBe(false);
    expect(m.statfsCalls).toBe(1);
    m.now += 100;
    m.spoolHolds = 0;
    expect(guard.admit(KiB)).toBe(true);
    expect(m.statfsCalls).toBe(2);
  });

  it('lets the writes go on when the spool cannot be measured', () => {
    const m = machine();
    m.statfs = () => {
      throw Object.assign(new Error('gone'), { code: 'ENOENT' });
    };
    expect(guardOn(m).admit(GiB)).toBe(true);
  });

  it('keeps a quarter of a small filesystem free, 256 MiB of a middling one and 5 % of a large one', () => {
    expect(reserveFor(64 * MiB)).toBe(16 * MiB);
    expect(reserveFor(2 * GiB)).toBe(256 * MiB);
    expect(reserveFor(100 * GiB)).toBe(5 * GiB);
  });

  it('names the folder the spool is in and its kind of filesystem', () => {
    expect(describeSpoolFilesystem('/dev/shm/memfs-abc', machine({ type: TMPFS }))).toBe('/dev/shm (tmpfs, in RAM)');
    expect(describeSpoolFilesystem('/tmp/memfs-abc', machine({ type: EXT4 }))).toBe('/tmp (ext4)');
    expect(describeSpoolFilesystem('/tmp/memfs-abc', machine({ type: 0x1234 }))).toBe('/tmp');
  });
});

describe.skipIf(!fs.existsSync('/dev/shm'))('the spool location', () => {
  it('is /dev/shm when a run has room there', () => {
    expect(sharedMemoryWithRoom(undefined, machine({ type: TMPFS, size: 8 * GiB, free: 8 * GiB, memory: 16 * GiB }))).toBe('/dev/shm');
  });

  it('is not a 64 MiB /dev/shm, as Docker gives', () => {
    expect(sharedMemoryWithRoom(undefined, machine({ type: TMPFS, size: 64 * MiB, free: 64 * MiB }))).toBeUndefined();
  });

  it('is not /dev/shm when the cap would not fit there', () => {
    const m = machine({ type: TMPFS, size: 8 * GiB, free: 8 * GiB, memory: 16 * GiB });
    expect(sharedMemoryWithRoom(16 * GiB, m)).toBeUndefined();
  });
});

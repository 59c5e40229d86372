// Differential harness: the same call on the real disk (in one temp dir) and on an Overlay over a second copy of the
// same starting tree. The overlay runs with its cwd at its own copy and is given relative paths; the disk is given
// the same relative paths joined to its copy, and its messages are made relative again, so that both outcomes
// compare byte for byte.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDiskLayer } from '../../src/overlay/disk.js';
import { Overlay } from '../../src/overlay/overlay.js';
import type { Change, OverlayOptions, StatRecord } from '../../src/overlay/types.js';

export interface Pair {
  disk: string;
  upper: string;
  overlay: Overlay;
  changes: Change[];
  /** The disk path for a relative path, for calls made on the real disk. */
  abs(p: string): string;
  cleanup(): void;
}

export type Outcome<T> = { value: T } | { error: Record<string, unknown> };

export function makePair(build: (root: string) => void, options: Partial<OverlayOptions> = {}): Pair {
  const disk = fs.mkdtempSync(path.join(os.tmpdir(), 'h1-dsk-'));
  const upper = fs.mkdtempSync(path.join(os.tmpdir(), 'h1-ovl-'));
  build(disk);
  build(upper);
  return pairOf(disk, upper, options);
}

/** A pair over two trees that already exist (built by someone else, e.g. a parent process running as root). */
export function pairOf(disk: string, upper: string, options: Partial<OverlayOptions> = {}): Pair {
  const changes: Change[] = [];
  const overlay = new Overlay({
    lower: createDiskLayer(),
    cwd: () => upper,
    umask: () => 0o022,
    observer: { onChange: (c) => changes.push(c) },
    ...options,
  });
  return {
    disk, upper, overlay, changes,
    abs: (p) => (p.startsWith('/') ? p : `${disk}/${p}`),
    cleanup() {
      for (const dir of [disk, upper]) {
        chmodTree(dir);
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Makes a tree removable whatever modes a test left in it. */
function chmodTree(dir: string): void {
  try {
    fs.chmodSync(dir, 0o777);
    for (const name of fs.readdirSync(dir)) {
      const p = path.join(dir, name);
      if (fs.lstatSync(p).isDirectory()) chmodTree(p);
    }
  } catch {
    // best effort
  }
}

export function outcome<T>(pair: Pair | undefined, fn: () => T): Outcome<T> {
  try {
    return { value: fn() };
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { dest?: string };
    const rel = (s: string | undefined) =>
      s === undefined || pair === undefined ? s : s.split(pair.disk + '/').join('').split(pair.disk).join('.');
    const out: Record<string, unknown> = { message: rel(e.message), code: e.code, errno: e.errno, syscall: e.syscall };
    if (e.path !== undefined) out.path = rel(e.path);
    if (e.dest !== undefined) out.dest = rel(e.dest);
    return { error: out };
  }
}

/** The stat fields that must match between two copies of one tree (not inode numbers, devices or times). */
export function shape(s: fs.Stats | fs.BigIntStats | StatRecord): Record<string, number> {
  const n = (v: number | bigint) => Number(v);
  return {
    mode: n(s.mode), nlink: n(s.nlink), uid: n(s.uid), gid: n(s.gid), size: n(s.size), blocks: n(s.blocks),
    blksize: n(s.blksize),
  };
}

/** Runs `onDisk` (given absolute paths through pair.abs) and `onOverlay`, returning both outcomes. */
export function both<T>(pair: Pair, onDisk: () => T, onOverlay: () => T): [Outcome<T>, Outcome<T>] {
  return [outcome(pair, onDisk), outcome(pair, onOverlay)];
}

/** A listing of a whole tree on disk: path → type, mode, size, content or target. */
export function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir)) {
      const p = path.join(dir, name);
      const s = fs.lstatSync(p, { bigint: true });
      const rel = path.relative(root, p);
      let detail = '';
      if (s.isFile()) detail = fs.readFileSync(p, 'base64');
      else if (s.isSymbolicLink()) detail = fs.readlinkSync(p);
      out[rel] = `${s.mode.toString(8)} ${s.size} ${s.mtimeNs} ${s.ino} ${detail}`;
      if (s.isDirectory()) walk(p);
    }
  };
  walk(root);
  return out;
}

/** The starting tree most tests use. */
export function standardTree(root: string): void {
  fs.mkdirSync(path.join(root, 'dir/sub'), { recursive: true });
  fs.writeFileSync(path.join(root, 'dir/file.txt'), 'disk content\n');
  fs.writeFileSync(path.join(root, 'dir/sub/deep.txt'), 'deep\n');
  fs.writeFileSync(path.join(root, 'top.txt'), 'top');
  fs.writeFileSync(path.join(root, 'empty.txt'), '');
  fs.mkdirSync(path.join(root, 'emptydir'));
  fs.symlinkSync('dir/file.txt', path.join(root, 'rel-link'));
  fs.symlinkSync(path.join(root, 'dir'), path.join(root, 'abs-dir-link'));
  fs.symlinkSync('missing-target', path.join(root, 'dangling'));
  fs.symlinkSync('loop-b', path.join(root, 'loop-a'));
  fs.symlinkSync('loop-a', path.join(root, 'loop-b'));
  fs.writeFileSync(path.join(root, 'mode000.txt'), 'secret');
  fs.chmodSync(path.join(root, 'mode000.txt'), 0o000);
  fs.writeFileSync(path.join(root, 'script.sh'), '#!/bin/sh\n');
  fs.chmodSync(path.join(root, 'script.sh'), 0o755);
  fs.linkSync(path.join(root, 'top.txt'), path.join(root, 'top-hardlink.txt'));
}

// Linux's discretionary access checks for the process's identity. Root (uid 0, CAP_DAC_OVERRIDE) reads and writes
// anything and searches any directory, but executes a file only if some x bit is set.
import { S_IFDIR, S_IFMT } from './inode.js';
import type { Identity } from './types.js';

export const R_OK = 4;
export const W_OK = 2;
export const X_OK = 1;

export interface Owned {
  mode: number;
  uid: number;
  gid: number;
}

export function inGroup(identity: Identity, gid: number): boolean {
  return identity.gid === gid || identity.groups.includes(gid);
}

/** `want` is a mask of R_OK/W_OK/X_OK. */
export function mayAccess(identity: Identity, node: Owned, want: number): boolean {
  if (identity.uid === 0) {
    if ((want & X_OK) === 0) return true;
    return (node.mode & S_IFMT) === S_IFDIR || (node.mode & 0o111) !== 0;
  }
  let bits: number;
  if (identity.uid === node.uid) bits = (node.mode >> 6) & 7;
  else if (inGroup(identity, node.gid)) bits = (node.mode >> 3) & 7;
  else bits = node.mode & 7;
  return (bits & want) === want;
}

/** The sticky-bit rule for deleting or renaming `child` out of `dir`. */
export function mayRemoveFrom(identity: Identity, dir: Owned, child: Owned): boolean {
  if (identity.uid === 0 || (dir.mode & 0o1000) === 0) return true;
  return identity.uid === child.uid || identity.uid === dir.uid;
}

export function isOwnerOrRoot(identity: Identity, node: Owned): boolean {
  return identity.uid === 0 || identity.uid === node.uid;
}

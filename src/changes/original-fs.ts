// The fs functions the journal writes with, captured when this module is evaluated: the preload imports changes/
// before node/ patches `fs` in place, so these references stay the originals and journal writes never go through
// the overlay (a spool under a root would otherwise be swallowed by the very layer it records).
import { fs } from '../platform/builtins.js';

export const originalFs = Object.freeze({
  openSync: fs.openSync,
  closeSync: fs.closeSync,
  writevSync: fs.writevSync,
  writeSync: fs.writeSync,
  readSync: fs.readSync,
  readFileSync: fs.readFileSync,
  readdirSync: fs.readdirSync,
  renameSync: fs.renameSync,
  unlinkSync: fs.unlinkSync,
  fstatSync: fs.fstatSync,
  fchownSync: fs.fchownSync,
  statSync: fs.statSync,
  mkdirSync: fs.mkdirSync,
  existsSync: fs.existsSync,
  statfsSync: fs.statfsSync,
  ftruncateSync: fs.ftruncateSync,
});

// rm: Node's rm semantics over the engine. A directory without `recursive` is Node's SystemError ERR_FS_EISDIR,
// and a missing path without `force` fails on the lstat Node makes first.
import { constants } from 'node:fs';
import { context } from '../context.js';
import { validatedPathString } from '../args.js';
import { fsEisdir } from '../node-errors.js';
import { framelessForPromise } from '../stack.js';
import { statRecordOrUndefined } from './stat.js';
import { makeCallback, validateBoolean, validateInt32, validateObject, validateUint32 } from '../validators.js';
import type { CallbackJob } from '../faces.js';

interface RmOptions {
  recursive: boolean;
  force: boolean;
}

function validateRmOptions(options: unknown): RmOptions {
  if (options === undefined) return { recursive: false, force: false };
  validateObject(options, 'options');
  const o = { recursive: false, force: false, retryDelay: 100, maxRetries: 0, ...(options as object) } as Record<string, unknown>;
  validateBoolean(o.recursive, 'options.recursive');
  validateInt32(o.retryDelay, 'options.retryDelay', 0);
  validateUint32(o.maxRetries, 'options.maxRetries');
  validateBoolean(o.force, 'options.force');
  return { recursive: o.recursive as boolean, force: o.force as boolean };
}

export function rmCore(p: string, options: RmOptions): void {
  if (!options.force || !options.recursive) {
    const record = options.force ? statRecordOrUndefined(p, false) : context.engine.lstat(p);
    if (record !== undefined && (record.mode & constants.S_IFMT) === constants.S_IFDIR && !options.recursive) {
      throw fsEisdir(p);
    }
    if (record === undefined) return;
  }
  try {
    context.engine.rm(p, options);
  } catch (err) {
    const e = err as { code?: string; syscall?: string };
    if (e.code === 'EISDIR' && e.syscall === 'rm') throw fsEisdir(p);
    throw err;
  }
}

export function rmSync(p: unknown, options?: unknown): void {
  const target = validatedPathString(p);
  rmCore(target, validateRmOptions(options));
}

export function rm(args: any[]): CallbackJob {
  let [p, options, callback] = args;
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  const target = validatedPathString(p);
  const o = validateRmOptions(options);
  return { callback, run: () => (rmCore(target, o), []) };
}

export function rmPromise(p: unknown, options?: unknown) {
  const target = validatedPathString(p);
  const o = validateRmOptions(options);
  try {
    rmCore(target, o);
  } catch (err) {
    // Node's fs.promises.rm runs the callback-based lstat and rimraf: libuv's frameless errors.
    throw framelessForPromise(err);
  }
}

// Argument normalisation shared by every operation: paths (string, Buffer, file: URL), descriptors, flags, options,
// encodings, times — as lib/internal/fs/utils.js does it.
import { Buffer } from 'node:buffer';
import { fileURLToPath } from 'node:url';
import { constants } from 'node:fs';
import { invalidArgType, invalidArgValue } from './node-errors.js';
import { validateAbortSignal, validateInt32 } from './validators.js';
import { bytesToName, isWellFormed, nameToBytes } from '../overlay/name-bytes.js';
import { wellFormed } from './name-bytes.js';

const {
  O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_TRUNC, O_APPEND, O_EXCL, O_SYNC,
} = constants;

export type PathLike = string | Buffer | URL;

function isURL(value: unknown): value is URL {
  const v = value as { href?: unknown; protocol?: unknown; auth?: unknown; path?: unknown } | null | undefined;
  return Boolean(v?.href && v.protocol && v.auth === undefined && v.path === undefined);
}

export function toPathIfFileURL(value: unknown): unknown {
  if (!isURL(value)) return value;
  return fileURLToPath(value);
}

/** getValidatedPath: the path as the caller gave it (string or Buffer), URLs converted, null bytes refused. */
export function getValidatedPath(fileURLOrPath: unknown, propName = 'path'): string | Buffer {
  const path = toPathIfFileURL(fileURLOrPath);
  if (typeof path !== 'string' && !(path instanceof Uint8Array)) {
    throw invalidArgType(propName, ['string', 'Buffer', 'URL'], path);
  }
  if (typeof path === 'string' ? path.includes('\u0000') : path.includes(0)) {
    throw invalidArgValue(propName, path, 'must be a string, Uint8Array, or URL without null bytes');
  }
  return path as string | Buffer;
}

/** The engine speaks strings: a Buffer path is its UTF-8 string, its bytes kept where they are not UTF-8. */
export function pathString(path: string | Uint8Array): string {
  return typeof path === 'string' ? wellFormed(path) : bytesToName(path);
}

export function validatedPathString(value: unknown, propName = 'path'): string {
  return pathString(getValidatedPath(value, propName));
}

export function getValidatedFd(fd: unknown, propName = 'fd'): number {
  if (Object.is(fd, -0)) return 0;
  validateInt32(fd, propName, 0);
  return fd;
}

export function stringToFlags(flags: unknown, name = 'flags'): number {
  if (typeof flags === 'number') {
    validateInt32(flags, name);
    return flags + 0;
  }
  if (flags == null) return O_RDONLY;
  switch (flags) {
    case 'r': return O_RDONLY;
    case 'rs': case 'sr': return O_RDONLY | O_SYNC;
    case 'r+': return O_RDWR;
    case 'rs+': case 'sr+': return O_RDWR | O_SYNC;
    case 'w': return O_TRUNC | O_CREAT | O_WRONLY;
    case 'wx': case 'xw': return O_TRUNC | O_CREAT | O_WRONLY | O_EXCL;
    case 'w+': return O_TRUNC | O_CREAT | O_RDWR;
    case 'wx+': case 'xw+': return O_TRUNC | O_CREAT | O_RDWR | O_EXCL;
    case 'a': return O_APPEND | O_CREAT | O_WRONLY;
    case 'ax': case 'xa': return O_APPEND | O_CREAT | O_WRONLY | O_EXCL;
    case 'as': case 'sa': return O_APPEND | O_CREAT | O_WRONLY | O_SYNC;
    case 'a+': return O_APPEND | O_CREAT | O_RDWR;
    case 'ax+': case 'xa+': return O_APPEND | O_CREAT | O_RDWR | O_EXCL;
    case 'as+': case 'sa+': return O_APPEND | O_CREAT | O_RDWR | O_SYNC;
  }
  throw invalidArgValue('flags', flags);
}

export function assertEncoding(encoding: unknown): void {
  if (encoding && !Buffer.isEncoding(encoding as string)) {
    throw invalidArgValue('encoding', encoding, 'is invalid encoding');
  }
}

export interface FsOptions {
  encoding?: BufferEncoding | 'buffer' | null;
  flag?: unknown;
  mode?: unknown;
  signal?: AbortSignal;
  [key: string]: unknown;
}

/** getOptions: a string is the encoding; functions and nullish mean the defaults. */
export function getOptions(options: unknown, defaultOptions: FsOptions = {}): FsOptions {
  if (options == null || typeof options === 'function') return defaultOptions;
  let result: FsOptions;
  if (typeof options === 'string') {
    result = { ...defaultOptions, encoding: options as BufferEncoding };
  } else if (typeof options !== 'object') {
    throw invalidArgType('options', ['string', 'Object'], options);
  } else result = options as FsOptions;
  if (result.encoding !== 'buffer') assertEncoding(result.encoding);
  if (result.signal !== undefined) validateAbortSignal(result.signal, 'options.signal');
  return result;
}

/** Date or seconds (number or numeric string) → seconds, as Node's toUnixTimestamp. */
export function toUnixTimestamp(time: unknown, name = 'time'): number {
  // eslint-disable-next-line eqeqeq
  if (typeof time === 'string' && +time == (time as unknown as number)) return +time;
  if (typeof time === 'number' && Number.isFinite(time)) {
    if (time < 0) return Date.now() / 1000;
    return time;
  }
  if (time instanceof Date) return time.getTime() / 1000;
  throw invalidArgType(name, ['Date', 'Time in seconds'], time);
}

/** Seconds (fractional) → nanoseconds for the engine, as libuv's uv_fs_utime rounds them. */
export function secondsToNs(seconds: number): bigint {
  const whole = Math.floor(seconds);
  const ns = Math.round((seconds - whole) * 1e9);
  return BigInt(whole) * 1_000_000_000n + BigInt(ns);
}

/** Names from the engine in the caller's encoding: the name's bytes as a Buffer for 'buffer', decoded otherwise. */
export function encodeName(name: string, encoding: unknown): string | Buffer {
  if (encoding === 'buffer') return nameToBytes(name);
  if ((encoding == null || encoding === 'utf8' || encoding === 'utf-8') && isWellFormed(name)) return name;
  return nameToBytes(name).toString((encoding ?? 'utf8') as BufferEncoding);
}

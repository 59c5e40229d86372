// The one factory for the engine's errors: byte-for-byte the shape libuv errors have when Node's fs throws them
// (message, then errno, code, syscall, path, dest as own properties in that order).
// Named imports: a bundled default import copies the whole module object (util's lazy members load then).
import { getSystemErrorMap } from 'node:util';

export interface UvError extends Error {
  errno: number;
  code: string;
  syscall: string;
  path?: string;
  dest?: string;
}

// Built on the first error, not at start-up: util builds the map from libuv's table (about 0.4 ms in every process),
// and the codes' numbers come from it too (os.constants.errno would load os, another 0.2–0.4 ms).
let systemErrors: ReturnType<typeof getSystemErrorMap> | undefined;
let errnoByCode: Map<string, number> | undefined;

/** libuv's (negative) number for a code: the errno Node's own fs errors carry. */
function errnoOf(code: string): number {
  if (errnoByCode === undefined) {
    systemErrors ??= getSystemErrorMap();
    errnoByCode = new Map([...systemErrors].map(([errno, [name]]) => [name, errno]));
  }
  return errnoByCode.get(code) ?? 0;
}

export function uvError(code: string, syscall: string, path?: string, dest?: string): UvError {
  const errno = errnoOf(code);
  const description = systemErrors!.get(errno)?.[1] ?? 'unknown error';
  let message = `${code}: ${description}, ${syscall}`;
  if (path !== undefined) message += ` '${path}'`;
  if (dest !== undefined) message += ` -> '${dest}'`;
  const error = new Error(message) as UvError;
  error.errno = errno;
  error.code = code;
  error.syscall = syscall;
  if (path !== undefined) error.path = path;
  if (dest !== undefined) error.dest = dest;
  return error;
}

/** The libuv code of an error thrown by the real fs, or undefined for anything else. */
export function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

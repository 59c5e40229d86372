// Node's argument validators (lib/internal/validators.js), same checks in the same order, same errors.
import { invalidArgType, invalidArgValue, outOfRange } from './node-errors.js';
import { withoutFrames } from './stack.js';

export function validateInteger(value: unknown, name: string, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): asserts value is number {
  if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
  if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
  if (value < min || value > max) throw outOfRange(name, `>= ${min} && <= ${max}`, value);
}

export function validateInt32(value: unknown, name: string, min = -2147483648, max = 2147483647): asserts value is number {
  validateInteger(value, name, min, max);
}

export function validateUint32(value: unknown, name: string, positive = false): asserts value is number {
  if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
  if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
  const min = positive ? 1 : 0;
  if (value < min || value > 4_294_967_295) throw outOfRange(name, `>= ${min} && <= 4294967295`, value);
}

export function validateString(value: unknown, name: string): asserts value is string {
  if (typeof value !== 'string') throw invalidArgType(name, 'string', value);
}

export function validateBoolean(value: unknown, name: string): asserts value is boolean {
  if (typeof value !== 'boolean') throw invalidArgType(name, 'boolean', value);
}

export function validateFunction(value: unknown, name: string): asserts value is (...args: any[]) => any {
  if (typeof value !== 'function') throw invalidArgType(name, 'Function', value);
}

/** validateObject with kValidateObjectNone (plain objects only), or allowing null. */
export function validateObject(value: unknown, name: string, allowNullable = false): void {
  if (value === null) {
    if (!allowNullable) throw invalidArgType(name, 'Object', value);
    return;
  }
  if (Array.isArray(value) || typeof value !== 'object') throw invalidArgType(name, 'Object', value);
}

export function validateAbortSignal(signal: unknown, name: string): void {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw invalidArgType(name, 'AbortSignal', signal);
  }
}

export function validateBuffer(buffer: unknown, name = 'buffer'): asserts buffer is ArrayBufferView {
  if (!ArrayBuffer.isView(buffer)) throw invalidArgType(name, ['Buffer', 'TypedArray', 'DataView'], buffer);
}

export function validateOneOf(value: unknown, name: string, oneOf: readonly unknown[]): void {
  if (!oneOf.includes(value)) {
    const allowed = oneOf.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ');
    throw invalidArgValue(name, value, `must be one of: ${allowed}`);
  }
}

const octalReg = /^[0-7]+$/;
const modeDesc = 'must be a 32-bit unsigned integer or an octal string';

export function parseFileMode(value: unknown, name: string, def?: number): number {
  value ??= def;
  if (typeof value === 'string') {
    // Node throws this one without any frames.
    if (!octalReg.test(value)) throw withoutFrames(invalidArgValue(name, value, modeDesc));
    value = Number.parseInt(value, 8);
  }
  validateUint32(value, name);
  return (value as number) + 0;
}

/**
 * The mode of access and copyFile, checked in C++ on every version: a number (truncated to int32) from 0 to 7, or
 * nullish for the default; its errors are plain TypeError/RangeError with a code, not Node's JS error classes.
 */
export function validateModeInCpp(mode: unknown, def: number): number {
  if (mode == null) return def;
  if (typeof mode !== 'number') {
    const err = new TypeError('mode must be int32 or null/undefined') as TypeError & { code: string };
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  const value = mode | 0;
  if (value < 0 || value > 7) {
    const err = new RangeError('mode is out of range: >= 0 && <= 7') as RangeError & { code: string };
    err.code = 'ERR_OUT_OF_RANGE';
    throw err;
  }
  return value;
}

/** `makeCallback`: Node names the callback "cb" in its error. */
export function makeCallback(cb: unknown): (...args: any[]) => void {
  validateFunction(cb, 'cb');
  return cb;
}

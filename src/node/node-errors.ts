// Node's own argument errors (ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE, …) rebuilt message for message, because
// users' tests assert on them and Node's error classes are internal. Modelled on lib/internal/errors.js (20–26).
import { inspect } from 'node:util';

const kTypes = ['string', 'function', 'number', 'object', 'Function', 'Object', 'boolean', 'bigint', 'symbol'];
const classRegExp = /^([A-Z][a-z0-9]*)+$/;
const nodeMajor = Number(process.versions.node.split('.')[0]);

type ErrorBase = ErrorConstructor | TypeErrorConstructor | RangeErrorConstructor;

/** A Node-style error: `name [code]: message` in the stack, `code` an own enumerable property. */
export function nodeError(Base: ErrorBase, code: string, message: string): Error & { code: string } {
  const err = new Base(message) as Error & { code: string };
  err.code = code;
  const name = err.name;
  // Node prints the code inside the first stack line; frames are re-captured by the face that throws it.
  Object.defineProperty(err, 'stack', {
    value: `${name} [${code}]: ${message}`,
    writable: true,
    configurable: true,
    enumerable: false,
  });
  Object.defineProperty(err, 'toString', {
    value() {
      return `${name} [${code}]: ${message}`;
    },
    writable: true,
    configurable: true,
    enumerable: false,
  });
  return err;
}

function formatList(array: string[], type = 'and'): string {
  switch (array.length) {
    case 0:
      return '';
    case 1:
      return `${array[0]}`;
    case 2:
      return `${array[0]} ${type} ${array[1]}`;
    case 3:
      return `${array[0]}, ${array[1]}, ${type} ${array[2]}`;
    default:
      return `${array.slice(0, -1).join(', ')}, ${type} ${array[array.length - 1]}`;
  }
}

export function determineSpecificType(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  switch (typeof value) {
    case 'bigint':
      return `type bigint (${value}n)`;
    case 'number':
      if (value === 0) return 1 / value === -Infinity ? 'type number (-0)' : 'type number (0)';
      if (value !== value) return 'type number (NaN)';
      if (value === Infinity) return 'type number (Infinity)';
      if (value === -Infinity) return 'type number (-Infinity)';
      return `type number (${value})`;
    case 'boolean':
      return value ? 'type boolean (true)' : 'type boolean (false)';
    case 'symbol':
      return `type symbol (${String(value)})`;
    case 'function':
      return `function ${(value as { name: string }).name}`;
    case 'object': {
      const ctor = (value as { constructor?: { name?: unknown } }).constructor;
      if (nodeMajor >= 26) {
        const name = ctor?.name;
        if (typeof name === 'string' && name !== '') return `an instance of ${name}`;
      } else if (ctor && 'name' in ctor) {
        return `an instance of ${ctor.name}`;
      }
      return `${inspect(value, { depth: -1 })}`;
    }
    case 'string': {
      let s = value;
      if (s.length > 28) s = `${s.slice(0, 25)}...`;
      if (!s.includes("'")) return `type string ('${s}')`;
      return `type string (${JSON.stringify(s)})`;
    }
    default: {
      let s = inspect(value, { colors: false });
      if (s.length > 28) s = `${s.slice(0, 25)}...`;
      return `type ${typeof value} (${s})`;
    }
  }
}

export function invalidArgType(name: string, expected: string | string[], actual: unknown): Error {
  const list = Array.isArray(expected) ? expected : [expected];
  let msg = 'The ';
  if (name.endsWith(' argument')) msg += `${name} `;
  else msg += `"${name}" ${name.includes('.') ? 'property' : 'argument'} `;
  msg += 'must be ';
  const types: string[] = [];
  const instances: string[] = [];
  const other: string[] = [];
  for (const value of list) {
    if (kTypes.includes(value)) types.push(value.toLowerCase());
    else if (classRegExp.test(value)) instances.push(value);
    else other.push(value);
  }
  if (instances.length > 0) {
    const pos = types.indexOf('object');
    if (pos !== -1) {
      types.splice(pos, 1);
      instances.push('Object');
    }
  }
  if (types.length > 0) {
    msg += `${types.length > 1 ? 'one of type' : 'of type'} ${formatList(types, 'or')}`;
    if (instances.length > 0 || other.length > 0) msg += ' or ';
  }
  if (instances.length > 0) {
    msg += `an instance of ${formatList(instances, 'or')}`;
    if (other.length > 0) msg += ' or ';
  }
  if (other.length > 0) {
    if (other.length > 1) msg += `one of ${formatList(other, 'or')}`;
    else {
      if (other[0]!.toLowerCase() !== other[0]) msg += 'an ';
      msg += `${other[0]}`;
    }
  }
  msg += `. Received ${determineSpecificType(actual)}`;
  return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', msg);
}

export function invalidArgValue(name: string, value: unknown, reason = 'is invalid', Base: ErrorBase = TypeError): Error {
  let inspected = inspect(value);
  if (inspected.length > 128) inspected = `${inspected.slice(0, 128)}...`;
  const type = name.includes('.') ? 'property' : 'argument';
  return nodeError(Base, 'ERR_INVALID_ARG_VALUE', `The ${type} '${name}' ${reason}. Received ${inspected}`);
}

function addNumericalSeparator(val: string): string {
  let res = '';
  let i = val.length;
  const start = val[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) res = `_${val.slice(i - 3, i)}${res}`;
  return `${val.slice(0, i)}${res}`;
}

export function outOfRange(str: string, range: string, input: unknown): Error {
  let received: string;
  if (Number.isInteger(input) && Math.abs(input as number) > 2 ** 32) received = addNumericalSeparator(String(input));
  else if (typeof input === 'bigint') {
    received = String(input);
    if (input > 2n ** 32n || input < -(2n ** 32n)) received = addNumericalSeparator(received);
    received += 'n';
  } else received = inspect(input);
  return nodeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "${str}" is out of range. It must be ${range}. Received ${received}`);
}

export function incompatibleOptionPair(a: string, b: string): Error {
  return nodeError(TypeError, 'ERR_INCOMPATIBLE_OPTION_PAIR', `Option "${a}" cannot be used in combination with option "${b}"`);
}

export function methodNotImplemented(what: string): Error {
  return nodeError(Error, 'ERR_METHOD_NOT_IMPLEMENTED', `The ${what} method is not implemented`);
}

export function abortError(cause: unknown): Error {
  const err = new Error('The operation was aborted', { cause }) as Error & { code: string };
  err.code = 'ABORT_ERR';
  err.name = 'AbortError';
  return err;
}

/** Named so that util.inspect prints `SystemError [CODE]` as it does for Node's own. */
class SystemError extends Error {
  [Symbol.for('nodejs.util.inspect.custom')](_depth: number, options: object): string {
    return inspect(this, { ...options, getters: true, customInspect: false });
  }
}

export interface SystemErrorContext {
  code: string;
  message: string;
  syscall: string;
  errno: number;
  path?: string;
  dest?: string;
}

/**
 * Node's SystemError (ERR_FS_EISDIR, ERR_FS_CP_*): `${prefix}: ${syscall} returned ${code} (${message}) ${path}`,
 * errno/syscall/path/dest as accessors over `info`, as lib/internal/errors.js builds it.
 */
export function systemError(key: string, prefix: string, context: SystemErrorContext): Error {
  let message = `${prefix}: ${context.syscall} returned ${context.code} (${context.message})`;
  if (context.path !== undefined) message += ` ${context.path}`;
  if (context.dest !== undefined) message += ` => ${context.dest}`;
  const err = new SystemError() as Error & { code: string };
  err.code = key;
  Object.defineProperties(err, {
    name: { value: 'SystemError', enumerable: false, writable: true, configurable: true },
    message: { value: message, enumerable: false, writable: true, configurable: true },
    info: { value: context, enumerable: true, configurable: true, writable: false },
    errno: {
      get: () => context.errno,
      set: (v: number) => {
        context.errno = v;
      },
      enumerable: true,
      configurable: true,
    },
    syscall: {
      get: () => context.syscall,
      set: (v: string) => {
        context.syscall = v;
      },
      enumerable: true,
      configurable: true,
    },
    toString: {
      value() {
        return `SystemError [${key}]: ${message}`;
      },
      enumerable: false,
      writable: true,
      configurable: true,
    },
  });
  if (context.path !== undefined) {
    Object.defineProperty(err, 'path', {
      get: () => (context.path != null ? context.path.toString() : context.path),
      set: (v: unknown) => {
        context.path = v ? String(v) : undefined;
      },
      enumerable: true,
      configurable: true,
    });
  }
  if (context.dest !== undefined) {
    Object.defineProperty(err, 'dest', {
      get: () => (context.dest != null ? context.dest.toString() : context.dest),
      set: (v: unknown) => {
        context.dest = v ? String(v) : undefined;
      },
      enumerable: true,
      configurable: true,
    });
  }
  err.stack = `SystemError [${key}]: ${message}`;
  return err;
}

const EISDIR = 21;
export function fsEisdir(path: string, syscall = 'rm'): Error {
  return systemError('ERR_FS_EISDIR', 'Path is a directory', {
    code: 'EISDIR',
    message: 'is a directory',
    path,
    syscall,
    errno: EISDIR,
  });
}

// Builtins that only some processes need are loaded when first used: every module the preload imports up front is
// paid for by every Node process of the user's run (node:worker_threads ≈ 2 ms at start-up).
import { createRequire } from 'node:module';

export function builtin<T>(name: string): T {
  const get = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule; // Node ≥ 20.16
  return (get ? get(name) : createRequire(process.execPath)(name)) as T;
}

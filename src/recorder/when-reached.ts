// Work the recorder does when the program first reaches a builtin module, instead of at every start-up: wrapping
// fs.promises, child_process and worker_threads means loading them, milliseconds that most processes never pay. What
// catches the first reach, each wrapped once for every builtin waited for:
// - process.getBuiltinModule, which no hook sees;
// - Module._load: every require;
// - Node ≥ 22.15: the resolve hook of module.registerHooks, which sees every import too. Before that an ES module's
//   `import … from 'node:…'` is not seen; index.ts and watch-fs.ts then do at start what must not be missed.
// (src/node/first-reach.ts does the same for the overlay's preload, with that preload's own module hooks.)
import { Module } from 'node:module';
import { BuiltinWaits } from '../platform/builtin-waits.js';

type Work = () => void;
type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;

const waits = new BuiltinWaits();
let watching = false;

/** Runs `work` once, the first time any of `ids` (without "node:") is required, imported or asked for. */
export function whenReached(ids: readonly string[], work: Work): void {
  waits.add(ids, work);
  watch();
}

/** Whether Node has loaded a builtin already (a forked child has child_process before the program runs). */
export function alreadyLoaded(id: string): boolean {
  return (process as { moduleLoadList?: string[] }).moduleLoadList?.includes(`NativeModule ${id}`) ?? false;
}

/** Whether every import is seen (module.registerHooks, Node ≥ 22.15). */
export function seesImports(): boolean {
  return typeof (Module as { registerHooks?: unknown }).registerHooks === 'function';
}

/** Cheap while nothing waits: one Map lookup per specifier. */
function reached(id: unknown): void {
  if (typeof id === 'string') waits.reached(id);
}

function watch(): void {
  if (watching) return;
  watching = true;
  const withBuiltins = process as { getBuiltinModule?: AnyFunction };
  const getBuiltinModule = withBuiltins.getBuiltinModule;
  if (typeof getBuiltinModule === 'function') {
    withBuiltins.getBuiltinModule = keepName(getBuiltinModule, function (this: unknown, id: unknown) {
      reached(id);
      return Reflect.apply(getBuiltinModule, process, [id]);
    });
  }
  const internals = Module as unknown as { _load: AnyFunction; registerHooks?: (hooks: object) => unknown };
  const load = internals._load;
  internals._load = keepName(load, function (this: unknown, ...args: unknown[]) {
    reached(args[0]);
    return Reflect.apply(load, this, args);
  });
  internals.registerHooks?.({
    resolve(specifier: string, context: unknown, nextResolve: (specifier: string, context: unknown) => unknown) {
      reached(specifier);
      return nextResolve(specifier, context);
    },
  });
}

export function keepName<F extends AnyFunction>(original: AnyFunction, wrapper: F): F {
  Object.defineProperty(wrapper, 'name', { value: original.name });
  Object.defineProperty(wrapper, 'length', { value: original.length });
  return wrapper;
}

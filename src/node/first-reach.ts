// Work to do when the program first reaches a builtin module, instead of at every start-up: the preload patches
// child_process and worker_threads this way (src/preload/reach.ts), because loading them costs milliseconds that most
// processes of a run never need. What catches the first reach:
// - Node ≥ 22.15: the resolve hook of module.registerHooks (modules.ts calls `builtinReached`), which sees every
//   require and import of a builtin, from CommonJS and ES modules alike;
// - older Node: Module._load, which sees require only (an `import` of the builtin there is not caught);
// - every Node: process.getBuiltinModule, which no hook sees.
// A builtin already loaded when the work is registered (Node loads child_process itself in a forked child) gets it now.
import { Module } from 'node:module';
import { copyOwnProperties } from './install.js';
import { BuiltinWaits } from '../platform/builtin-waits.js';

type Work = () => void;
const waits = new BuiltinWaits();
let watching = false;

/** Runs `work` once, the first time any of `ids` (without "node:") is required, imported or asked for. */
export function whenBuiltinReached(ids: readonly string[], work: Work): void {
  const loaded = (process as { moduleLoadList?: string[] }).moduleLoadList;
  if (loaded === undefined || ids.some((id) => loaded.includes(`NativeModule ${id}`))) return work();
  waits.add(ids, work);
  watch();
}

/** Called with every specifier resolved: cheap while nothing waits, a Map lookup after. */
export function builtinReached(specifier: string): void {
  waits.reached(specifier);
}

function watch(): void {
  if (watching) return;
  watching = true;
  wrapGetBuiltinModule();
  // With module.registerHooks, modules.ts's resolve hook reports every specifier: nothing more to wrap.
  if (typeof (Module as { registerHooks?: unknown }).registerHooks !== 'function') wrapModuleLoad();
}

function wrapGetBuiltinModule(): void {
  const getBuiltinModule = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  if (typeof getBuiltinModule !== 'function') return;
  const wrapped = {
    getBuiltinModule(id: string): unknown {
      if (typeof id === 'string') builtinReached(id);
      return Reflect.apply(getBuiltinModule, process, [id]);
    },
  }.getBuiltinModule;
  copyOwnProperties(getBuiltinModule, wrapped);
  Object.defineProperty(process, 'getBuiltinModule', { ...Object.getOwnPropertyDescriptor(process, 'getBuiltinModule'), value: wrapped });
}

function wrapModuleLoad(): void {
  const internals = Module as unknown as { _load: (request: unknown, ...rest: unknown[]) => unknown };
  const load = internals._load;
  const wrapped = {
    _load(this: unknown, request: unknown): unknown {
      if (typeof request === 'string') builtinReached(request);
      // Every require passes here: its arguments as they came, with no array built per call.
      // eslint-disable-next-line prefer-rest-params
      return Reflect.apply(load, this, arguments);
    },
  }._load;
  copyOwnProperties(load, wrapped);
  internals._load = wrapped;
}

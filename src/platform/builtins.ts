// The Node builtins the preload's modules use as whole objects (`fs.constants`, `path.join`), taken once here.
// Not through `import fs from 'node:fs'`: bundled as CommonJS, a default import becomes esbuild's interop copy of
// every property of the module into a fresh object, which costs every process of the user's run 0.4–0.8 ms for fs
// alone at start-up. process.getBuiltinModule (Node ≥ 20.16) hands out the module object itself, as require does.
import { createRequire } from 'node:module';

type BuiltinLoader = (id: string) => unknown;
export const loadBuiltin: BuiltinLoader = (process as { getBuiltinModule?: BuiltinLoader }).getBuiltinModule ?? createRequire('/');

export const fs = loadBuiltin('node:fs') as typeof import('node:fs');
export const path = loadBuiltin('node:path') as typeof import('node:path');

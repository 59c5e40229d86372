// The Node builtins the preload's modules use as whole objects (`fs.constants`, `path.join`), imported once here.
// In the bundled preload each `import fs from 'node:fs'` of a module becomes a copy of every property of fs into a
// fresh object (esbuild's ES-module interop); twenty of them cost every process of the user's run about 1.5 ms at
// start-up. Modules import these bindings instead: the same objects, copied once.
import fs from 'node:fs';
import path from 'node:path';

export { fs, path };

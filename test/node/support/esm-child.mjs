// Child: ESM named imports of node:fs and node:fs/promises see the patched members (syncBuiltinESMExports).
// Usage: esm-child.mjs <root>. The facade of node:fs is linked before the install runs, so only the sync updates it.
import './esm-install-first.ts';
import { readFileSync, writeFileSync, existsSync, promises } from 'node:fs';
import { readFile } from 'node:fs/promises';
import fsDefault from 'node:fs';
import path from 'node:path';

const root = process.argv[2];
const file = path.join(root, 'esm-only-in-memory.txt');
writeFileSync(file, 'from esm');
const late = await import('node:fs');
process.stdout.write(JSON.stringify({
  named: readFileSync(file, 'utf8'),
  promisesNamed: await readFile(file, 'utf8'),
  promisesMember: await promises.readFile(file, 'utf8'),
  sameAsDefault: readFileSync === fsDefault.readFileSync,
  dynamicImport: late.readFileSync === fsDefault.readFileSync,
  exists: existsSync(file),
}));

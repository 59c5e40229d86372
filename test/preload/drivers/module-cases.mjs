// Run under the preload (cwd = a root): writes modules into the overlay, loads them every way node.md §4 lists,
// and prints one JSON object: case name → the value the module exported, or the error code loading it threw.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = path.join(process.cwd(), `modules-${process.pid}`);
const require = createRequire(path.join(process.cwd(), 'parent.cjs'));
const results = {};

function write(relative, content) {
  const file = path.join(dir, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

async function attempt(name, load) {
  try {
    const value = await load();
    results[name] = value && typeof value === 'object' && 'default' in value ? value.default : value;
  } catch (error) {
    results[name] = `error ${error.code ?? error.message}`;
  }
}
const url = (file) => pathToFileURL(file).href;

// Files that exist on disk before the run (the test made them) and that the overlay changes or deletes.
const onDisk = (name) => path.join(process.cwd(), 'disk', name);
fs.writeFileSync(onDisk('changed.cjs'), "module.exports = 'memory';");
fs.writeFileSync(onDisk('changed.mjs'), "export default 'memory';");
fs.unlinkSync(onDisk('deleted.cjs'));
fs.unlinkSync(onDisk('deleted.mjs'));
await attempt('require of a disk file changed in memory', () => require(onDisk('changed.cjs')));
await attempt('import of a disk file changed in memory', () => import(url(onDisk('changed.mjs'))));
await attempt('require of a disk file deleted in memory', () => require(onDisk('deleted.cjs')));
await attempt('import of a disk file deleted in memory', () => import(url(onDisk('deleted.mjs'))));

await attempt('require of a new .js', () => require(write('new.js', "module.exports = 'new.js';")));
await attempt('require of a new .json', () => require(write('new.json', '"new.json"')));
await attempt('require of a new .cjs through a relative path', () => {
  write('relative.cjs', "module.exports = 'relative';");
  return require(`./${path.basename(dir)}/relative.cjs`);
});
await attempt('require without an extension', () => require(write('bare.js', "module.exports = 'bare';").slice(0, -3)));
await attempt('require of a directory with index.js', () => {
  write('with-index/index.js', "module.exports = 'index';");
  return require(path.join(dir, 'with-index'));
});
await attempt('require of a directory with a package.json main', () => {
  write('with-main/package.json', JSON.stringify({ main: 'lib/entry' }));
  write('with-main/lib/entry.js', "module.exports = 'main';");
  return require(path.join(dir, 'with-main'));
});
await attempt('require from a module that exists only in memory', () => {
  write('chain/a.js', "module.exports = require('./b');");
  write('chain/b.js', "module.exports = 'chained';");
  return require(path.join(dir, 'chain/a.js'));
});
await attempt('import of a new .mjs', () => import(url(write('new.mjs', "export default 'new.mjs';"))));
await attempt('import of a new .js under a package.json without type', () => {
  write('cjs-scope/package.json', '{}');
  return import(url(write('cjs-scope/x.js', "module.exports = 'cjs-scope';")));
});
await attempt('import of a new .js under an in-memory {"type":"module"}', () => {
  write('esm-scope/package.json', '{"type":"module"}');
  return import(url(write('esm-scope/x.js', "export default 'esm-scope';")));
});
await attempt('import of a new .mjs that imports a sibling', () => {
  write('esm-chain/b.mjs', "export default 'esm-chained';");
  return import(url(write('esm-chain/a.mjs', "export { default } from './b.mjs';")));
});
await attempt('import of a new .ts (Node type stripping)', () => import(url(write('typed.ts', "export default 'typed' as string;"))));
await attempt('import of a file deleted after it was written', () => {
  const file = write('gone.mjs', 'export default 1;');
  fs.unlinkSync(file);
  return import(url(file));
});
await attempt('require.resolve of a new file', () => path.relative(dir, require.resolve(write('resolved.js', ''))));
await attempt('import.meta.resolve of a new file', () => {
  const file = write('meta-resolved.mjs', '');
  return path.relative(dir, new URL(import.meta.resolve(url(file))).pathname);
});
await attempt('require again of a disk file deleted in memory after it was loaded', () => {
  const file = onDisk('loaded-then-deleted.cjs');
  require(file);
  delete require.cache[file];
  fs.unlinkSync(file);
  return require(file); // Node takes the path from its cache of resolutions, unprobed, and fails to read it
});
await attempt('require of a file that never existed', () => require(path.join(dir, 'never.js')));
await attempt('import of a file that never existed', () => import(url(path.join(dir, 'never.mjs'))));

results['(typescript)'] = String(process.features.typescript ?? false);
process.stdout.write(JSON.stringify(results));

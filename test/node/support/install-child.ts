// Child: what installing does to the fs module itself. Usage: install-child.ts plain|patched <root> <outside>
// Prints a JSON report; the parts that must equal Node's own are compared with a plain run by the test.
import path from 'node:path';
import util from 'node:util';
import { installOverlay } from './install-overlay.js';

const [mode, root, outside] = process.argv.slice(2) as [string, string, string];
const globalsBefore = Object.keys(globalThis);
if (mode === 'patched') installOverlay([root], [path.join(root, 'kept-on-disk')]);
const fs = (await import('node:fs')).default;
const fsp = fs.promises;

function shape(fn: unknown) {
  if (typeof fn !== 'function') return typeof fn;
  return {
    name: fn.name,
    length: fn.length,
    props: Reflect.ownKeys(fn).filter((k) => k !== 'prototype').map(String).sort(),
    native: typeof (fn as { native?: unknown }).native,
  };
}

const report: Record<string, unknown> = {};
const shapes: Record<string, unknown> = {};
for (const key of Object.keys(fs)) shapes[key] = shape((fs as unknown as Record<string, unknown>)[key]);
for (const key of Object.keys(fsp)) shapes[`promises.${key}`] = shape((fsp as unknown as Record<string, unknown>)[key]);
report.shapes = shapes;
report.promisifyCustomOnExists = typeof (fs.exists as any)[util.promisify.custom];

const readBefore = fs.readFileSync;
if (mode === 'patched') installOverlay([root]);
report.secondInstallIsNoOp = fs.readFileSync === readBefore;
report.newGlobals = Object.keys(globalThis).filter((k) => !globalsBefore.includes(k));

fs.writeFileSync(path.join(root, 'inside.txt'), 'in');
fs.writeFileSync(path.join(outside, 'outside.txt'), 'out');
fs.mkdirSync(path.join(root, 'kept-on-disk'), { recursive: true });
fs.writeFileSync(path.join(root, 'kept-on-disk', 'kept.txt'), 'kept');
report.stdinIsRealFd = fs.fstatSync(0).isFile() || fs.fstatSync(0).isFIFO() || fs.fstatSync(0).isCharacterDevice() || fs.fstatSync(0).isSocket();
report.writeToStdout = fs.writeSync(1, '');
report.constructedStream = await new Promise((resolve) => {
  const stream = new (fs.createReadStream as any)(path.join(root, 'inside.txt'), 'utf8');
  stream.on('data', resolve);
});
const handle = await fsp.open(path.join(root, 'inside.txt'));
const realHandle = await fsp.open(path.join(outside, 'outside.txt'));
report.fileHandleIsGenuine = handle instanceof realHandle.constructor && handle.constructor.name === 'FileHandle';
await handle.close();
await realHandle.close();
report.promisifiedRead = await (async () => {
  const fd = fs.openSync(path.join(root, 'inside.txt'), 'r');
  const result = await util.promisify(fs.read)(fd, Buffer.alloc(2), 0, 2, 0);
  fs.closeSync(fd);
  return Object.keys(result);
})();
process.stdout.write(JSON.stringify(report));

// Child: what fs.watch, fs.promises.watch and fs.watchFile report for a burst of changes in a watched directory.
// Usage: watch-child.ts plain|patched <root>
import path from 'node:path';
import { installOverlay } from './install-overlay.js';

const [mode, root] = process.argv.slice(2) as [string, string];
if (mode === 'patched') installOverlay([root]);
const fs = (await import('node:fs')).default;
const dir = path.join(root, 'watched');
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'old.txt'), 'old');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
await sleep(50);

const events: string[] = [];
const watcher = fs.watch(dir, (event, filename) => events.push(`${event}:${filename}`));
await sleep(50);
fs.writeFileSync(path.join(dir, 'new.txt'), 'x');
fs.writeFileSync(path.join(dir, 'old.txt'), 'y');
fs.appendFileSync(path.join(dir, 'old.txt'), 'z');
fs.mkdirSync(path.join(dir, 'd'));
fs.renameSync(path.join(dir, 'new.txt'), path.join(dir, 'n2.txt'));
fs.unlinkSync(path.join(dir, 'n2.txt'));
fs.chmodSync(path.join(dir, 'old.txt'), 0o600);
fs.writeFileSync(path.join(dir, 'e.txt'), '');
await new Promise<void>((resolve) => {
  const stream = fs.createWriteStream(path.join(dir, 's.txt'));
  stream.end('through a stream', () => resolve());
});
// Generous: a loaded machine delivers inotify events late.
await sleep(500);
watcher.close();

const promised: string[] = [];
const controller = new AbortController();
const iterate = (async () => {
  try {
    for await (const change of fs.promises.watch(dir, { signal: controller.signal })) {
      promised.push(`${change.eventType}:${change.filename}`);
    }
  } catch (err) {
    promised.push((err as Error).name);
  }
})();
await sleep(50);
fs.writeFileSync(path.join(dir, 'p.txt'), 'p');
await sleep(400);
controller.abort();
await iterate;

const polled = await new Promise<string>((resolve) => {
  const file = path.join(dir, 'old.txt');
  const listener = (curr: import('node:fs').Stats, prev: import('node:fs').Stats) => {
    // The disk's poller may catch writeFileSync between its truncate and its write: wait for the final size.
    if (curr.size !== 'longer content'.length || prev.size === curr.size) return;
    fs.unwatchFile(file, listener);
    resolve(`changed to ${curr.size}`);
  };
  fs.watchFile(file, { interval: 20 }, listener);
  setTimeout(() => fs.writeFileSync(file, 'longer content'), 60);
});
process.stdout.write(JSON.stringify({ events, promised, polled }));

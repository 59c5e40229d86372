// Child process: asynchronous writes called right before process.exit(), through the patched fs over an overlay at
// `root`; an exit listener added after them prints what the overlay then holds, as JSON.
import fs from 'node:fs';
import { installOverlay } from './install-overlay.js';

const root = process.argv[2]!;
installOverlay([root]);
const called: string[] = [];
fs.writeFile(`${root}/callback.txt`, 'written', () => called.push('writeFile callback'));
void fs.promises.writeFile(`${root}/promise.txt`, 'written').then(() => called.push('promise settled'));
fs.mkdir(`${root}/made`, () => called.push('mkdir callback'));
process.on('exit', () => {
  const read = (name: string) => (fs.existsSync(`${root}/${name}`) ? fs.readFileSync(`${root}/${name}`, 'utf8') : 'missing');
  process.stdout.write(JSON.stringify({ callback: read('callback.txt'), promise: read('promise.txt'), madeFolder: fs.existsSync(`${root}/made`), called }));
});
process.exit(0);

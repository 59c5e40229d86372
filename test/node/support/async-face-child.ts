// Child process: runs the named scenarios of async-face-scenarios.ts plainly on the disk, or through the patched fs
// over an overlay whose root is `root`, and prints what every step did as JSON.
// Usage: async-face-child.ts plain|patched <root> <names…>
import path from 'node:path';
import { installOverlay } from './install-overlay.js';
import { Recorder } from './recorder.js';

const [mode, root, ...names] = process.argv.slice(2);
if (mode === 'patched') installOverlay([root!]);
const { asyncFaceScenarios } = await import('./async-face-scenarios.js');

const out: Record<string, unknown> = {};
for (const name of names) {
  const recorder = new Recorder(path.join(root!, name), root!);
  try {
    await asyncFaceScenarios[name]!(recorder);
  } catch (err) {
    recorder.note('scenario crashed', err);
  }
  out[name] = recorder.log;
}
process.stdout.write(JSON.stringify(out));

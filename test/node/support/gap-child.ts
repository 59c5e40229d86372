// Child process for conformance-gaps.test.ts: runs the named gap scenarios plainly on the disk, or through the patched
// fs over an overlay whose root is `root`, and prints what every step did as JSON.
// Usage: gap-child.ts plain|patched <root> <names…>
import fs from 'node:fs';
import path from 'node:path';
import { installOverlay } from './install-overlay.js';
import { Recorder } from './recorder.js';

const [mode, root, ...names] = process.argv.slice(2);
if (mode === 'patched') installOverlay([root!]);
const { gapScenarios } = await import('./gap-scenarios.js');

const out: Record<string, unknown> = {};
for (const name of names) {
  const dir = path.join(root!, name);
  fs.mkdirSync(dir, { recursive: true });
  const recorder = new Recorder(dir, root!);
  try {
    await gapScenarios[name]!(recorder);
  } catch (err) {
    recorder.note('scenario crashed', err);
  }
  out[name] = recorder.log;
}
process.stdout.write(JSON.stringify(out));

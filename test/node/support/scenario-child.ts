// Child process: runs the named scenarios of one scenario module (scenarios.ts, async-face-scenarios.ts or
// gap-scenarios.ts, each exporting `scenarios`) plainly on the disk, or through the patched fs over an overlay whose
// root is `root`, and prints what every step did as JSON. Each scenario works in `<root>/<name>`, made if missing.
// Usage: scenario-child.ts <module> plain|patched <root> <names…>
import fs from 'node:fs';
import path from 'node:path';
import { installOverlay } from './install-overlay.js';
import { Recorder } from './recorder.js';

type Scenario = (t: Recorder) => Promise<void>;

const [moduleName, mode, root, ...names] = process.argv.slice(2);
if (mode === 'patched') installOverlay([root!]);
// Imported after the overlay is installed, so that the module's own fs imports see the patched members.
const { scenarios } = (await import(`./${moduleName}.js`)) as { scenarios: Record<string, Scenario> };

const out: Record<string, unknown> = {};
for (const name of names) {
  const dir = path.join(root!, name);
  fs.mkdirSync(dir, { recursive: true });
  const recorder = new Recorder(dir, root!);
  try {
    await scenarios[name]!(recorder);
  } catch (err) {
    recorder.note('scenario crashed', err);
  }
  out[name] = recorder.log;
}
process.stdout.write(JSON.stringify(out));

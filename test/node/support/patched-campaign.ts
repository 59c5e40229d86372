// Child: H2's differential property campaign with the patched fs as the candidate. The reference is Node's own fs on
// a disk copy of the starting tree; the candidate is the very same calls going through our installed faces to an
// overlay over a second copy. Both sides use the same face (face-fs.ts): with --face callback (or promise) the calls
// go through fs's callback functions (or fs.promises for path operations, callbacks for descriptor ones) on the disk
// too, so a way the async faces differ from the sync ones on Node is expected of us as well.
// Usage: patched-campaign.ts --seed N --runs N --max-ops N [--face sync|callback|promise] [--through-alias]. Prints the
// report as JSON.
import { parseArgs } from 'node:util';
import { Overlay } from '../../../src/overlay/overlay.js';
import { createDiskLayer } from '../../../src/overlay/disk.js';
import { installFs } from '../../../src/node/index.js';
import { createDiskTarget } from '../../differential/disk-target.js';
import { faceFs, frozenSource, liveSource, type Face } from './face-fs.js';
import { gapsFor } from '../../differential/known-gaps.js';
import { runCampaign } from '../../differential/property.js';
import type { FsTarget } from '../../differential/target.js';
import fs from 'node:fs';
import path from 'node:path';
import { createDiskLocator } from '../../../src/node/disk-location.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '30' },
    'max-ops': { type: 'string', default: '25' },
    face: { type: 'string', default: 'sync' },
    // Every path of both sides spelt through <private dir>/alias -> tree, outside the overlay's root: the router must
    // find by the disk's symlinks that each lands inside the root.
    'through-alias': { type: 'boolean', default: false },
  },
});
const throughAlias = values['through-alias'];

const face = values.face as Face;
if (!['sync', 'callback', 'promise'].includes(face)) throw new Error(`--face must be sync, callback or promise, not ${face}`);
// Node's own members, taken before installFs replaces them: the reference makes its calls through the same face.
const referenceFs = faceFs(face, frozenSource(fs));
const candidateFs = faceFs(face, liveSource(fs));

// Every candidate tree is a root of the overlay; the reference trees are not, so their calls pass through.
const roots = new Set<string>();
// A fresh engine per sequence, behind one object: the faces are installed once per process.
let current = new Overlay({ lower: createDiskLayer(), umask: () => process.umask() });
const engine = new Proxy({} as Overlay, {
  get: (_target, key) => {
    const value = (current as unknown as Record<string | symbol, unknown>)[key];
    return typeof value === 'function' ? value.bind(current) : value;
  },
});
const ownsAsSpelt = (absPath: string): boolean => {
  for (const root of roots) if (absPath === root || absPath.startsWith(`${root}/`)) return true;
  return false;
};
const locator = createDiskLocator({ cwd: () => process.cwd() });
installFs(engine, {
  owns: (absPath, spelt) => ownsAsSpelt(absPath) || (throughAlias && ownsAsSpelt(locator.locate(spelt ?? absPath, true))),
  ownsLink: (absPath, spelt) => ownsAsSpelt(absPath) || (throughAlias && ownsAsSpelt(locator.locate(spelt ?? absPath, false))),
  forget: () => locator.forget(),
});

/**
 * The root a side is given: the tree itself, or an alias of it beside the side's private dir (outside the disk the
 * runner watches, so that making it is no change; '..' through it lands in the private dir, as the kernel takes it).
 */
function spelling(root: string): string {
  if (!throughAlias) return root;
  const alias = `${path.dirname(path.dirname(root))}-alias`;
  fs.symlinkSync(root, alias);
  return alias;
}

function removeAlias(target: FsTarget): FsTarget {
  if (!throughAlias) return target;
  const finish = target.finish;
  return { ...target, finish: () => (finish?.(), fs.rmSync(target.root, { force: true })) };
}

const NEVER_ISSUED_FD = 0x7ffffffe;
const patchedTarget = (root: string): FsTarget => {
  current = new Overlay({ lower: createDiskLayer(), umask: () => process.umask() });
  roots.add(root);
  locator.forget();
  return removeAlias({
    name: 'patched',
    root: spelling(root),
    relativePaths: false,
    keepsDiskUnchanged: true,
    fs: candidateFs,
    staleFd: () => NEVER_ISSUED_FD,
    // The runner then removes the trees with fs.rmSync from outside: the disk copy must be the one it sees.
    finish() {
      roots.delete(root);
    },
  });
};

const report = await runCampaign({
  seed: Number(values.seed),
  numRuns: Number(values.runs),
  maxOps: Number(values['max-ops']),
  makeReference: (root) => removeAlias(createDiskTarget(spelling(root), { name: 'disk', relativePaths: false, fs: referenceFs })),
  makeCandidate: patchedTarget,
  excluded: new Set(),
  gaps: gapsFor(process.getuid?.()),
});
process.stdout.write(`${JSON.stringify({ ...report, uid: process.getuid?.(), face })}\n`);

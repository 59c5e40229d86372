// Child: H2's differential property campaign with the patched fs as the candidate. The reference is Node's own fs on
// a disk copy of the starting tree; the candidate is the very same calls going through our installed faces to an
// overlay over a second copy. Both sides use the same face (face-fs.ts): with --face callback (or promise) the calls
// go through fs's callback functions (or fs.promises for path operations, callbacks for descriptor ones) on the disk
// too, so a way the async faces differ from the sync ones on Node is expected of us as well.
// Usage: patched-campaign.ts --seed N --runs N --max-ops N [--face sync|callback|promise]. Prints the report as JSON.
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

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '30' },
    'max-ops': { type: 'string', default: '25' },
    face: { type: 'string', default: 'sync' },
  },
});

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
installFs(engine, {
  owns(absPath) {
    for (const root of roots) if (absPath === root || absPath.startsWith(`${root}/`)) return true;
    return false;
  },
  forget() {},
});

const NEVER_ISSUED_FD = 0x7ffffffe;
const patchedTarget = (root: string): FsTarget => {
  current = new Overlay({ lower: createDiskLayer(), umask: () => process.umask() });
  roots.add(root);
  return {
    name: 'patched',
    root,
    relativePaths: false,
    keepsDiskUnchanged: true,
    fs: candidateFs,
    staleFd: () => NEVER_ISSUED_FD,
    // The runner then removes the trees with fs.rmSync from outside: the disk copy must be the one it sees.
    finish() {
      roots.delete(root);
    },
  };
};

const report = await runCampaign({
  seed: Number(values.seed),
  numRuns: Number(values.runs),
  maxOps: Number(values['max-ops']),
  makeReference: (root) => createDiskTarget(root, { name: 'disk', relativePaths: false, fs: referenceFs }),
  makeCandidate: patchedTarget,
  excluded: new Set(),
  gaps: gapsFor(process.getuid?.()),
});
process.stdout.write(`${JSON.stringify({ ...report, uid: process.getuid?.(), face })}\n`);

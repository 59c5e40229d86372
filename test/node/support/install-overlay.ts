// Test helper for child processes: an Overlay over the real disk with the given roots, installed over fs.
import { Overlay } from '../../../src/overlay/overlay.js';
import { createDiskLayer } from '../../../src/overlay/disk.js';
import { createRouter, installFs } from '../../../src/node/index.js';

export function installOverlay(roots: string[], passThrough: string[] = []): Overlay {
  const engine = new Overlay({ lower: createDiskLayer() });
  // One engine and one router for the life of the child, as the preload installs them.
  installFs(engine, createRouter({ roots, passThrough }), { untouchedLane: true });
  return engine;
}

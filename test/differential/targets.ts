// The targets a campaign can compare, by name (the child process gets them as command-line words).
import { createDiskTarget } from './disk-target.js';
import type { TargetFactory } from './runner.js';

export type CandidateName = 'overlay' | 'disk';

/** The reference is always the real disk; with relative paths it owns the process's cwd. */
export function referenceFactory(relativePaths: boolean): TargetFactory {
  return (root) => createDiskTarget(root, { name: 'disk', relativePaths });
}

export async function candidateFactory(name: CandidateName): Promise<{ factory: TargetFactory; relativePaths: boolean }> {
  if (name === 'disk') {
    // Harness self-check: a second disk copy must always compare equal. Absolute paths, since only one target can
    // own the cwd.
    return { factory: (root) => createDiskTarget(root, { name: 'disk-copy', relativePaths: false }), relativePaths: false };
  }
  const { createOverlayTarget } = await import('./overlay-target.js');
  return { factory: createOverlayTarget, relativePaths: true };
}

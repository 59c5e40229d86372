// What the front ends do with the node shim (node-shim.ts): make it for the run and put it first on the command's PATH.
import { rmSync } from 'node:fs';
import { ENV } from '../preload/config.js';
import { createNodeShims, pathWithShims } from './node-shim.js';

export interface CommandShims {
  dir: string;
  /** Removes the shims' folder (the spool's removal takes it too, when it lies there). */
  remove(): void;
}

/**
 * Shims `node` for the command whose environment is `env` (which has the preload in NODE_OPTIONS and the run's MEMFS_*
 * variables): its PATH gains the shims' folder in front. `parents`: where that folder may go, in order (the spool
 * first). Undefined, and `env` as it was, when the PATH has no node.
 */
export function shimsForCommand(env: NodeJS.ProcessEnv, preloadPath: string, parents: string[]): CommandShims | undefined {
  const variables: Record<string, string> = {};
  for (const name of Object.values(ENV)) {
    const value = env[name];
    // MEMFS_DISABLE is the user's to set in a process, never the shim's to hand on.
    if (name !== ENV.disable && value !== undefined) variables[name] = value;
  }
  const shims = createNodeShims(parents, env.PATH, { preloadPath, variables });
  if (shims === undefined) return undefined;
  env.PATH = pathWithShims(shims, env.PATH);
  return { dir: shims.dir, remove: () => rmSync(shims.dir, { recursive: true, force: true }) };
}

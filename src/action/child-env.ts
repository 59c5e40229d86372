// The environment the test command runs in: the step's own, plus the preload and its configuration, minus the
// runner's powers and any MEMFS_* variable of the step's (src/frontend/preload-variables.ts). The runner hands a JavaScript action its artifact/cache runtime token and, with
// `id-token: write`, an OIDC request token; a test suite (or a dependency it runs) has no business with either.
import { isInheritedPreloadVariable } from '../frontend/preload-variables.js';
import { configToEnv } from '../preload/config.js';
import { withPreload } from '../preload/node-options.js';

export const withheldVariables = [
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RUNTIME_URL',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_CACHE_URL',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
] as const;

/**
 * Files through which a step talks to the runner. A Node tool of the test command that appends to the job summary
 * (vitest's github-actions reporter does) must reach the real file even if the runner's temp folder lies in a root.
 */
export const runnerFileCommands = ['GITHUB_STEP_SUMMARY', 'GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_PATH'] as const;

export interface OverlaySettings {
  preloadPath: string;
  roots: string[];
  passThrough: string[];
  quota: number | 'unlimited' | undefined;
  spoolDir: string;
  /** The run's cap on the spool; undefined or 'unlimited': none. */
  spoolLimit?: number | 'unlimited' | undefined;
}

export function childEnvironment(parent: NodeJS.ProcessEnv, overlay: OverlaySettings): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(parent)) {
    if (value === undefined || (withheldVariables as readonly string[]).includes(name)) continue;
    if (isInheritedPreloadVariable(name)) continue; // every MEMFS_* the command sees is set below, or stays unset
    env[name] = value;
  }
  Object.assign(
    env,
    configToEnv({
      roots: overlay.roots,
      passThrough: [...overlay.passThrough, ...runnerFileCommands.flatMap((name) => (parent[name] ? [parent[name]!] : []))],
      spoolDir: overlay.spoolDir,
      ...(overlay.quota === undefined ? {} : { quotaBytes: overlay.quota === 'unlimited' ? undefined : overlay.quota }),
      ...(typeof overlay.spoolLimit === 'number' ? { spoolLimitBytes: overlay.spoolLimit } : {}),
    }),
  );
  env.NODE_OPTIONS = withPreload(overlay.preloadPath, parent.NODE_OPTIONS);
  return env;
}

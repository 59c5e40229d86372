// The front ends (the CLI and the action) own the preload's configuration. Every MEMFS_* variable the command's
// processes see is one they set: a MEMFS_DISABLE=1 or MEMFS_PASS_THROUGH=/ left in the caller's environment would
// otherwise switch the overlay off without a word, and the run would report nothing. And they check what they set
// with the preload's own parser (readConfig), so that a value they accept is one every process accepts.
import { ConfigError, ENV, listOf, readConfig, thisMachine, type ConfigSystem } from '../preload/config.js';
import { rootCoveredBy } from './whole-root.js';

const PREFIX = 'MEMFS_';

/**
 * Kept from the caller: where V8's compiled code of the preload is cached. It changes how fast a process starts, not
 * what stays in memory, and the test suite of this project (and a user's CI cache) points it at a folder of its own.
 */
const INHERITED: readonly string[] = [ENV.codeCache];

/** Whether a front end drops this variable of its caller's environment before setting its own. */
export function isInheritedPreloadVariable(name: string): boolean {
  return name.startsWith(PREFIX) && !INHERITED.includes(name);
}

/** The caller's environment without the MEMFS_* variables the front end sets (or leaves unset) itself. */
export function withoutInheritedPreloadVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !isInheritedPreloadVariable(name)));
}

export interface PreloadProblem {
  /** The MEMFS_* variable at fault: the front end names the flag or input it came from. */
  variable: string;
  /** What is wrong and what to do. */
  problem: string;
}

/**
 * Every problem the preload would find in `env` (the environment about to be given to the command), and every
 * pass-through pattern that covers a whole root. Empty: every process of the command will start with this
 * configuration.
 */
export function preloadProblems(env: Readonly<Record<string, string | undefined>>, system: ConfigSystem = thisMachine): PreloadProblem[] {
  const problems: PreloadProblem[] = [];
  const trial = { ...env };
  // readConfig stops at the first bad variable: take it out and read again, so that one run names them all.
  for (let attempt = 0; attempt <= Object.keys(ENV).length; attempt++) {
    try {
      const result = readConfig(trial, system);
      if (!result.disabled) {
        for (const pattern of listOf(trial[ENV.passThrough], ENV.passThrough)) {
          const root = rootCoveredBy(pattern, result.config.roots, system);
          if (root !== undefined) {
            problems.push({
              variable: ENV.passThrough,
              problem:
                `"${pattern}" would send every write under the root ${root} to the real disk, so nothing would stay ` +
                `in memory; name the folders or files that must reach the disk (e.g. dist/ or coverage/).`,
            });
          }
        }
      }
      return problems;
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push({ variable: error.variable, problem: error.problem });
      delete trial[error.variable];
    }
  }
  return problems;
}

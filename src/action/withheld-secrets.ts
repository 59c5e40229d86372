// The runner hands this action its artifact token (ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL…) and, with
// `id-token: write`, an OIDC request token, in its environment. child-env.ts keeps them out of the tests' environment,
// but that is not enough: the action's process is an ancestor of every test process, and on Linux any process of the
// same user may read /proc/<pid>/environ, which shows a process's *initial* environment block as it lies in the
// process's memory — deleting from process.env (libc unsetenv) only drops the pointer to it. So the action, first
// thing, takes the values into its own memory, deletes them from process.env and overwrites their bytes in that block.
// The upload puts them back into process.env after the command has exited (@actions/artifact reads process.env); setenv
// copies them to the heap, which /proc/<pid>/environ does not show. What a test can still read is in docs/action.md.
import { closeSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';

export interface WithheldSecrets {
  /** Where they were: 'scrubbed' (gone from /proc/self/environ too), or why the block could not be overwritten. */
  readonly outcome: { scrubbed: true } | { scrubbed: false; reason: string };
  /** Puts the values back into process.env, for the upload. */
  restore(): void;
}

export function withholdSecrets(names: readonly string[], env: NodeJS.ProcessEnv = process.env): WithheldSecrets {
  const values = new Map<string, string>();
  for (const name of names) {
    const value = env[name];
    if (value === undefined) continue;
    values.set(name, value);
    delete env[name];
  }
  let outcome: WithheldSecrets['outcome'];
  try {
    outcome = values.size === 0 ? { scrubbed: true } : scrubInitialEnvironment(new Set(values.keys()));
  } catch (error) {
    outcome = { scrubbed: false, reason: (error as Error).message };
  }
  return {
    outcome,
    restore() {
      for (const [name, value] of values) env[name] = value;
    },
  };
}

/**
 * Overwrites with NUL bytes every `NAME=value` entry of the named variables in this process's initial environment
 * block, through /proc/self/mem (a process may write its own memory there). The block's address range is env_start and
 * env_end of /proc/self/stat. After unsetenv nothing in the process points at these entries any more.
 */
function scrubInitialEnvironment(names: ReadonlySet<string>): WithheldSecrets['outcome'] {
  if (process.platform !== 'linux') return { scrubbed: false, reason: `${process.platform} has no /proc/self/mem` };
  const { envStart, envEnd } = environmentBlock(readFileSync('/proc/self/stat', 'latin1'));
  const fd = openSync('/proc/self/mem', 'r+');
  try {
    const block = Buffer.alloc(envEnd - envStart);
    const read = readSync(fd, block, 0, block.length, envStart);
    let offset = 0;
    while (offset < read) {
      let end = block.indexOf(0, offset);
      if (end === -1 || end > read) end = read;
      const entry = block.toString('latin1', offset, end);
      const equals = entry.indexOf('=');
      if (equals > 0 && names.has(entry.slice(0, equals))) {
        const zeros = Buffer.alloc(end - offset);
        if (writeSync(fd, zeros, 0, zeros.length, envStart + offset) !== zeros.length) {
          return { scrubbed: false, reason: 'a short write to /proc/self/mem' };
        }
      }
      offset = end + 1;
    }
  } finally {
    closeSync(fd);
  }
  const left = readFileSync('/proc/self/environ', 'latin1').split('\0').filter((entry) => names.has(entry.slice(0, entry.indexOf('='))));
  return left.length === 0 ? { scrubbed: true } : { scrubbed: false, reason: `${left.length} entries still in /proc/self/environ` };
}

/**
 * env_start and env_end, fields 50 and 51 of /proc/<pid>/stat (man 5 proc, 1-based). Field 2, the command name in
 * parentheses, may itself hold spaces and ')': the fields are counted after the last ')', where field 3 begins.
 */
export function environmentBlock(stat: string): { envStart: number; envEnd: number } {
  const fields = stat.slice(stat.lastIndexOf(')') + 1).trim().split(/\s+/);
  const field = (n: number) => Number(fields[n - 3]);
  const envStart = field(50);
  const envEnd = field(51);
  if (!Number.isSafeInteger(envStart) || !Number.isSafeInteger(envEnd) || envEnd <= envStart || envStart <= 0) {
    throw new Error(`/proc/self/stat gives no environment block (env_start ${fields[47]}, env_end ${fields[48]})`);
  }
  return { envStart, envEnd };
}

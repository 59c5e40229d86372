// Every input of action.yml, read and checked into one typed object before anything runs. A bad value stops the step
// with a message that names the input, what it accepts and what it got; all bad inputs are reported at once.
// The defaults here mirror action.yml's (test/action/inputs.test.ts checks that they agree), because a runner that
// does not expand action.yml — or a test — hands us empty strings.
import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { exportExclusions } from '../changes/secret-files.js';
import { preloadProblems } from '../frontend/preload-variables.js';
import { ENV, configToEnv, readConfig, thisMachine, type PreloadConfig } from '../preload/config.js';
import { engineRequests, type EngineRequest } from '../kernel/engine-choice.js';

export type UploadWhen = 'on-failure' | 'always' | 'never';

export interface ActionInputs {
  run: string;
  workingDirectory: string;
  /** argv template, `{0}` standing for the script file (GitHub's own `shell:` convention). */
  shell: string[];
  /** Absolute paths; empty = the preload's defaults (the working directory and the temp dir). */
  roots: string[];
  passThrough: string[];
  upload: UploadWhen;
  artifactName: string;
  /** undefined = the repository's default retention. */
  retentionDays?: number;
  compressionLevel: number;
  overwrite: boolean;
  includeTransient: boolean;
  /** The secret-file patterns (unless include-secret-files) and the exclude input's. */
  exclude: string[];
  /** Bytes of memory the overlay may hold per process; 'unlimited'; undefined = the preload's default. */
  quota?: number | 'unlimited';
  /** Bytes the run's spool may hold; 'unlimited' or undefined = no cap (the free-space reserve still applies). */
  spoolLimit?: number | 'unlimited';
  summary: boolean;
  /** Which engine runs the command (src/kernel/engine-choice.ts). */
  engine: EngineRequest;
}

export class InputError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.length === 1 ? problems[0] : `${problems.length} inputs are invalid:\n- ${problems.join('\n- ')}`);
    this.name = 'InputError';
  }
}

export const shells: Record<string, string> = {
  bash: 'bash --noprofile --norc -eo pipefail {0}',
  sh: 'sh -e {0}',
};

/** The artifact service rejects these characters in a name before sending anything. */
const forbiddenInName = /[":<>|*?\r\n\\/]/;

/**
 * @param read returns the raw value of an input ('' when unset), e.g. core.getInput.
 * @param env the step's environment, for GITHUB_WORKSPACE and the artifact-name fallback.
 */
export function parseInputs(read: (name: string) => string, env: NodeJS.ProcessEnv = process.env): ActionInputs {
  const problems: string[] = [];
  const fail = (name: string, accepted: string, got: string) => {
    problems.push(`Input "${name}" must be ${accepted}; got ${JSON.stringify(got)}.`);
  };
  const value = (name: string) => read(name).trim();

  const run = read('run');
  if (run.trim() === '') problems.push('Input "run" is required: the test command to run, e.g. "npm test".');

  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const workingDirectory = path.resolve(workspace, value('working-directory') || '.');
  if (!isDirectory(workingDirectory)) fail('working-directory', 'an existing directory', value('working-directory'));

  const shellName = value('shell') || 'bash';
  const shellTemplate = shells[shellName] ?? (shellName.includes('{0}') ? shellName : undefined);
  if (shellTemplate === undefined) fail('shell', 'bash, sh, or a command line containing {0} for the script file (e.g. "zsh -e {0}")', shellName);

  const roots = list(read('roots')).map((r) => path.resolve(workingDirectory, r));
  for (const root of roots) if (!isDirectory(root)) fail('roots', 'a list of existing directories', root);

  const upload = value('upload') || 'on-failure';
  if (!isUploadWhen(upload)) fail('upload', 'on-failure, always or never', upload);

  const artifactName = chooseArtifactName(value('artifact-name'), env);
  if (forbiddenInName.test(artifactName)) fail('artifact-name', 'a name without " : < > | * ? \\ / or line breaks', artifactName);

  const retention = value('retention-days');
  const retentionDays = retention === '' ? 0 : integer(retention);
  if (retentionDays === undefined || retentionDays < 0 || retentionDays > 400) {
    fail('retention-days', 'a whole number of days from 1 to 400, or 0 for the repository default', retention);
  }

  const compression = value('compression-level');
  const compressionLevel = compression === '' ? 6 : integer(compression);
  if (compressionLevel === undefined || compressionLevel < 0 || compressionLevel > 9) {
    fail('compression-level', 'a whole number from 0 (no compression) to 9 (best)', compression);
  }

  const engine = (value('engine') || 'preload') as EngineRequest;
  if (!engineRequests.includes(engine)) fail('engine', engineRequests.join(', ').replace(/, (\w+)$/, ' or $1'), engine);

  const passThrough = list(read('pass-through'));
  const quotaText = value('quota');
  const spoolLimitText = value('spool-limit');
  // What every process's preload will read: checked by the preload's own parser, so that no value passes here and
  // then stops each Node process of the command at start.
  // Roots already refused above are not checked again; the other values are checked all the same.
  const rootsChecked = isDirectory(workingDirectory) && roots.every(isDirectory);
  const variables = {
    ...(env[ENV.codeCache] !== undefined ? { [ENV.codeCache]: env[ENV.codeCache] } : {}),
    ...configToEnv({ roots: !rootsChecked ? [tmpdir()] : roots.length > 0 ? roots : [workingDirectory, tmpdir()], passThrough }),
    [ENV.quota]: quotaText,
    [ENV.spoolLimit]: spoolLimitText,
  };
  const inputOf: Record<string, string> = {
    [ENV.roots]: roots.length > 0 ? 'Input "roots"' : 'Input "working-directory"',
    [ENV.passThrough]: 'Input "pass-through"',
    [ENV.quota]: 'Input "quota"',
    [ENV.spoolLimit]: 'Input "spool-limit"',
    [ENV.codeCache]: `${ENV.codeCache} (from the step's environment; unset it or give an absolute folder)`,
  };
  const found = preloadProblems(variables).filter((p) => rootsChecked || (p.variable !== ENV.roots && p.variable !== ENV.passThrough));
  for (const { variable, problem } of found) problems.push(`${inputOf[variable] ?? variable}: ${problem}`);
  const preload = found.length === 0 ? (readConfig(variables, thisMachine) as { config: PreloadConfig }).config : undefined;
  const quota = quotaText === '' ? undefined : (preload?.quotaBytes ?? 'unlimited');
  const spoolLimit = spoolLimitText === '' ? undefined : (preload?.spoolLimitBytes ?? 'unlimited');

  const boolean = (name: string, fallback: boolean): boolean => {
    const raw = value(name);
    if (raw === '') return fallback;
    if (['true', 'True', 'TRUE'].includes(raw)) return true;
    if (['false', 'False', 'FALSE'].includes(raw)) return false;
    fail(name, 'true or false', raw);
    return fallback;
  };
  const overwrite = boolean('overwrite', false);
  const includeTransient = boolean('include-transient', false);
  const summary = boolean('summary', true);
  const includeSecretFiles = boolean('include-secret-files', false);
  const exclude = exportExclusions(list(read('exclude')), includeSecretFiles);

  if (problems.length > 0) throw new InputError(problems);
  return {
    run,
    workingDirectory,
    shell: shellTemplate!.split(/\s+/).filter(Boolean),
    roots,
    passThrough,
    upload: upload as UploadWhen,
    artifactName,
    retentionDays: retentionDays === 0 ? undefined : retentionDays,
    compressionLevel: compressionLevel!,
    overwrite,
    includeTransient,
    exclude,
    quota,
    spoolLimit,
    summary,
    engine,
  };
}

/**
 * action.yml's default is `memfs-${{ github.job }}-${{ strategy.job-index }}-${{ github.run_attempt }}`, unique per
 * job, matrix leg and attempt. Where the expression reaches us unexpanded (local runners), build the same shape
 * from the environment; strategy.job-index has no variable, so a random part keeps matrix legs apart.
 */
function chooseArtifactName(given: string, env: NodeJS.ProcessEnv): string {
  if (given !== '' && !given.includes('${{')) return given;
  return `memfs-${env.GITHUB_JOB || 'job'}-${randomBytes(3).toString('hex')}-${env.GITHUB_RUN_ATTEMPT || '1'}`;
}

/**
 * One item per line or comma — but not a comma inside a glob's braces (`*.{pem,key}`); blank lines and `#` comments
 * are skipped.
 */
function list(text: string): string[] {
  const items: string[] = [];
  let current = '';
  let braces = 0;
  for (const ch of text) {
    if (ch === '{') braces++;
    else if (ch === '}') braces = Math.max(0, braces - 1);
    if (ch === '\n' || (ch === ',' && braces === 0)) {
      items.push(current);
      current = '';
      braces = 0;
    } else current += ch;
  }
  items.push(current);
  return items.map((s) => s.trim()).filter((s) => s !== '' && !s.startsWith('#'));
}

function integer(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

function isUploadWhen(text: string): text is UploadWhen {
  return text === 'on-failure' || text === 'always' || text === 'never';
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

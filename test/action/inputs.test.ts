import { mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { InputError, parseInputs } from '../../src/action/inputs.js';
import { SECRET_FILE_PATTERNS } from '../../src/changes/secret-files.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const workspace = mkdtempSync(path.join(tmpdir(), 'memfs-inputs-'));
mkdirSync(path.join(workspace, 'app'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

const env = { GITHUB_WORKSPACE: workspace, GITHUB_JOB: 'test', GITHUB_RUN_ATTEMPT: '2' };

function parseWith(values: Record<string, string>) {
  return parseInputs((name) => values[name] ?? '', env);
}

function problemsOf(values: Record<string, string>): string[] {
  try {
    parseWith({ run: 'npm test', ...values });
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('parseInputs', () => {
  it('applies the defaults when only run is given', () => {
    const inputs = parseWith({ run: 'npm test' });
    expect(inputs).toMatchObject({
      run: 'npm test',
      workingDirectory: workspace,
      shell: ['bash', '--noprofile', '--norc', '-eo', 'pipefail', '{0}'],
      roots: [],
      passThrough: [],
      upload: 'on-failure',
      retentionDays: undefined,
      compressionLevel: 6,
      overwrite: false,
      includeTransient: false,
      exclude: SECRET_FILE_PATTERNS,
      quota: undefined,
      summary: true,
    });
  });

  it('uses the same defaults as action.yml', () => {
    const action = parse(readFileSync(path.join(repo, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string }>;
    };
    const fromYaml = parseWith(Object.fromEntries(
      Object.entries(action.inputs).map(([name, input]) => [name, name === 'run' ? 'npm test' : input.default ?? '']),
    ));
    const { artifactName: _a, ...yamlRest } = fromYaml;
    const { artifactName: _b, ...codeRest } = parseWith({ run: 'npm test' });
    expect(yamlRest).toEqual(codeRest);
  });

  it('reads every input it is given', () => {
    const inputs = parseWith({
      run: 'npm test\nnpm run e2e',
      'working-directory': 'app',
      shell: 'sh',
      roots: `.\n${workspace}`,
      'pass-through': 'dist/**, snapshots/',
      upload: 'always',
      'artifact-name': 'fs-state',
      'retention-days': '5',
      'compression-level': '0',
      overwrite: 'true',
      'include-transient': 'True',
      exclude: '*.secret\n# comment\n\nkeys/**',
      quota: '512MiB',
      summary: 'FALSE',
      engine: 'auto',
    });
    expect(inputs).toEqual({
      run: 'npm test\nnpm run e2e',
      workingDirectory: path.join(workspace, 'app'),
      shell: ['sh', '-e', '{0}'],
      roots: [path.join(workspace, 'app'), workspace],
      passThrough: ['dist/**', 'snapshots/'],
      upload: 'always',
      artifactName: 'fs-state',
      retentionDays: 5,
      compressionLevel: 0,
      overwrite: true,
      includeTransient: true,
      exclude: [...SECRET_FILE_PATTERNS, '*.secret', 'keys/**'],
      quota: 512 * 1024 * 1024,
      summary: false,
      engine: 'auto',
    });
  });

  it('keeps a comma inside a glob\'s braces', () => {
    expect(parseWith({ run: 'x', exclude: '*.{pem,key}, secrets/**\r\n.env', 'include-secret-files': 'true' }).exclude).toEqual(['*.{pem,key}', 'secrets/**', '.env']);
  });

  it('reads spool-limit as a size, or unlimited, and has no cap without it', () => {
    expect(parseWith({ run: 'x', 'spool-limit': '4GiB' }).spoolLimit).toBe(4 * 1024 ** 3);
    expect(parseWith({ run: 'x', 'spool-limit': 'Unlimited' }).spoolLimit).toBe('unlimited');
    expect(parseWith({ run: 'x' }).spoolLimit).toBeUndefined();
  });

  it('accepts unlimited as a quota', () => {
    expect(parseWith({ run: 'x', quota: 'unlimited' }).quota).toBe('unlimited');
  });

  it('accepts a custom shell command line with {0}', () => {
    expect(parseWith({ run: 'x', shell: 'zsh -e {0}' }).shell).toEqual(['zsh', '-e', '{0}']);
  });

  it('builds a unique artifact name when the default expression was not expanded', () => {
    const a = parseWith({ run: 'x', 'artifact-name': 'memfs-${{ github.job }}-${{ strategy.job-index }}-${{ github.run_attempt }}' });
    const b = parseWith({ run: 'x' });
    expect(a.artifactName).toMatch(/^memfs-test-[0-9a-f]{6}-2$/);
    expect(b.artifactName).toMatch(/^memfs-test-[0-9a-f]{6}-2$/);
    expect(a.artifactName).not.toBe(b.artifactName);
  });

  it('requires run', () => {
    expect(problemsOf({ run: '  ' })).toEqual(['Input "run" is required: the test command to run, e.g. "npm test".']);
  });

  it.each([
    ['working-directory', 'missing-dir', 'an existing directory'],
    ['shell', 'pwsh', 'bash, sh, or a command line containing {0}'],
    ['roots', 'nowhere', 'a list of existing directories'],
    ['upload', 'on-success', 'on-failure, always or never'],
    ['upload', 'yes', 'on-failure, always or never'],
    ['artifact-name', 'a/b', 'a name without'],
    ['artifact-name', 'what?', 'a name without'],
    ['artifact-name', 'x:y', 'a name without'],
    ['retention-days', '-1', 'a whole number of days from 1 to 400, or 0'],
    ['retention-days', '401', 'a whole number of days from 1 to 400, or 0'],
    ['retention-days', '1.5', 'a whole number of days from 1 to 400, or 0'],
    ['retention-days', 'week', 'a whole number of days from 1 to 400, or 0'],
    ['compression-level', '10', 'a whole number from 0 (no compression) to 9'],
    ['compression-level', '-1', 'a whole number from 0 (no compression) to 9'],
    ['compression-level', 'max', 'a whole number from 0 (no compression) to 9'],
    ['overwrite', 'yes', 'true or false'],
    ['include-transient', '1', 'true or false'],
    ['summary', 'on', 'true or false'],
  ])('rejects %s = %j, naming the input and what it accepts', (name, bad, accepted) => {
    const problems = problemsOf({ [name]: bad });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`Input "${name}" must be ${accepted}`);
    expect(problems[0]).toContain(JSON.stringify(name === 'roots' ? path.join(workspace, bad) : bad));
  });

  it('reports every bad input at once', () => {
    const error = (() => {
      try {
        parseWith({ run: '', upload: 'sometimes', quota: 'big' });
      } catch (e) {
        return e as InputError;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect(error!.problems).toHaveLength(3);
    expect(error!.message).toMatch(/^3 inputs are invalid:\n- Input "run" is required/);
  });
});

describe('what the preload will accept', () => {
  const colonFolder = path.join(workspace, 'a:b');
  mkdirSync(colonFolder);

  it.each([
    ['quota', 'lots', '"lots" is not a size. Use bytes with an optional k, m, g or t suffix'],
    ['quota', '-5M', '"-5M" is not a size'],
    ['quota', '0', '"0" leaves no room for any write; use "unlimited" for no limit.'],
    ['quota', '5 parsecs', '"5 parsecs" is not a size'],
    ['quota', '9000000t', '"9000000t" is too large; use "unlimited".'],
    ['spool-limit', 'lots', '"lots" is not a size'],
    ['spool-limit', '-1G', '"-1G" is not a size'],
    ['spool-limit', '0', '"0" leaves no room for any write'],
    ['spool-limit', '2 GB of RAM', '"2 GB of RAM" is not a size'],
    ['roots', '/', '"/" cannot be a root'],
    ['pass-through', '/', '"/" would send every write under the root'],
    ['pass-through', '**', '"**" would send every write under the root'],
    ['pass-through', '*', '"*" would send every write under the root'],
    ['pass-through', '.', '"." would send every write under the root'],
    ['pass-through', '..', '".." would send every write under the root'],
    ['pass-through', '*/**', '"*/**" would send every write under the root'],
  ])('refuses %s = %j with the preload\'s own words, naming the input', (name, bad, message) => {
    const problems = problemsOf({ [name]: bad });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`Input "${name}": ${message}`);
  });

  it('refuses a pass-through that is the working directory itself, which is a root by default', () => {
    expect(problemsOf({ 'pass-through': workspace })[0]).toContain(`Input "pass-through": "${workspace}" would send every write under the root`);
  });

  it('accepts the sizes the preload reads, terabytes included', () => {
    expect(parseWith({ run: 'x', quota: '1t' }).quota).toBe(1024 ** 4);
    expect(parseWith({ run: 'x', quota: '1.5GiB' }).quota).toBe(1.5 * 1024 ** 3);
    expect(parseWith({ run: 'x', 'spool-limit': '1500MB' }).spoolLimit).toBe(1500 * 1024 ** 2);
    expect(parseWith({ run: 'x', quota: '512 mib' }).quota).toBe(512 * 1024 ** 2);
  });

  it('accepts pass-through patterns that leave the rest of a root in memory', () => {
    // The workspace alone: this one lies in the temp dir, under which [a-z]* would cover all of it.
    expect(parseWith({ run: 'x', roots: '.', 'pass-through': '*.log, dist/, [a-z]*, .cache/**' }).passThrough).toEqual(['*.log', 'dist/', '[a-z]*', '.cache/**']);
  });

  it('runs in a working directory and with a root whose names hold ":" (the preload reads them as a JSON list)', () => {
    expect(parseWith({ run: 'x', 'working-directory': 'a:b' }).workingDirectory).toBe(colonFolder);
    expect(parseWith({ run: 'x', roots: `${colonFolder}\n.` }).roots).toEqual([colonFolder, workspace]);
  });

  it('refuses a MEMFS_CODE_CACHE in the step environment that every process would refuse', () => {
    const problems = (() => {
      try {
        parseInputs((name) => (name === 'run' ? 'x' : ''), { ...env, MEMFS_CODE_CACHE: 'relative/cache' });
      } catch (e) {
        return (e as InputError).problems;
      }
      return [];
    })();
    expect(problems).toEqual([`MEMFS_CODE_CACHE (from the step's environment; unset it or give an absolute folder): "relative/cache" is neither an absolute folder nor "off".`]);
  });
});

describe('secret files', () => {
  it('are excluded by default, and the exclude input adds to them', () => {
    expect(parseWith({ run: 'x' }).exclude).toEqual(SECRET_FILE_PATTERNS);
    expect(parseWith({ run: 'x', exclude: 'private/**' }).exclude).toEqual([...SECRET_FILE_PATTERNS, 'private/**']);
  });

  it('are exported only with include-secret-files: true', () => {
    expect(parseWith({ run: 'x', 'include-secret-files': 'true' }).exclude).toEqual([]);
    expect(problemsOf({ 'include-secret-files': 'yes' })[0]).toContain('Input "include-secret-files" must be true or false');
  });
});

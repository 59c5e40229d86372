import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECRET_FILE_PATTERNS } from '../../src/changes/secret-files.js';
import { parseInvocation, usage, UsageError, type RunOptions } from '../../src/cli/options.js';

const cwd = fs.realpathSync(os.tmpdir());
const run = (...argv: string[]): RunOptions => {
  const invocation = parseInvocation(argv, cwd);
  if (invocation.kind !== 'run') throw new Error('expected a run');
  return invocation.options;
};
const usageError = (...argv: string[]): string => {
  try {
    parseInvocation(argv, cwd);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error('expected a usage error');
};

describe('CLI options', () => {
  it('defaults to exporting on failure into ./memfs-report, with the working directory and temp dir as roots', () => {
    expect(run('run', '--', 'npm', 'test')).toMatchObject({
      outDir: path.join(cwd, 'memfs-report'), exportWhen: 'on-failure', includeTransient: true, command: ['npm', 'test'],
      roots: [{ label: 'workspace', path: cwd }],
    });
  });

  it('keeps a single command string as one element, to run through the shell', () => {
    expect(run('run', '--', 'npm test && npm run lint').command).toEqual(['npm test && npm run lint']);
  });

  it('takes repeated --root, --pass-through and --exclude flags', () => {
    const a = fs.mkdtempSync(path.join(cwd, 'root-a-'));
    let options;
    try {
      options = run('run', '--root', a, '--root', cwd, '--pass-through', 'dist/', '--pass-through', '*.log', '--exclude', '.env*', '--', 'x');
    } finally {
      fs.rmSync(a, { recursive: true });
    }
    expect(options.roots.map((r) => r.path)).toEqual([a, cwd]);
    expect(options.passThrough).toEqual(['dist/', '*.log']);
    expect(options.exclude).toEqual([...SECRET_FILE_PATTERNS, '.env*']);
  });

  it('leaves the secret files out of the export unless --include-secret-files', () => {
    expect(run('run', '--', 'x').exclude).toEqual(SECRET_FILE_PATTERNS);
    expect(run('run', '--include-secret-files', '--exclude', 'private/**', '--', 'x').exclude).toEqual(['private/**']);
  });

  it('names the flag for every value the preload would refuse, all at once', () => {
    expect(usageError('run', '--quota', '9000000t', '--spool-limit', '0', '--pass-through', '**', '--', 'x').split('\n')).toEqual([
      '--quota: "9000000t" is too large; use "unlimited".',
      '--spool-limit: "0" leaves no room for any write; use "unlimited" for no limit.',
      expect.stringMatching(/^--pass-through: "\*\*" would send every write under the root /),
    ]);
  });

  it('names the flag and the accepted values for a bad --export', () => {
    expect(usageError('run', '--export', 'sometimes', '--', 'x')).toBe('--export: "sometimes" is not one of on-failure, always, never.');
  });

  it('names --quota and the accepted forms for a size it cannot read', () => {
    expect(usageError('run', '--quota', 'lots', '--', 'x')).toMatch(/^--quota: "lots" is not a size\. Use bytes with an optional k, m, g or t suffix/);
  });

  it('reads --spool-limit as the preload reads MEMFS_SPOOL_LIMIT, and has no cap without it', () => {
    expect(run('run', '--spool-limit', '2g', '--', 'x').spoolLimitBytes).toBe(2 * 1024 ** 3);
    expect(run('run', '--spool-limit', 'unlimited', '--', 'x').spoolLimitBytes).toBeUndefined();
    expect(run('run', '--', 'x').spoolLimitBytes).toBeUndefined();
  });

  it('names --spool-limit and the accepted forms for a size it cannot read', () => {
    expect(usageError('run', '--spool-limit', '2 parsecs', '--', 'x')).toMatch(
      /^--spool-limit: "2 parsecs" is not a size\. Use bytes with an optional k, m, g or t suffix/);
    expect(usageError('run', '--spool-limit', '0', '--', 'x')).toBe('--spool-limit: "0" leaves no room for any write; use "unlimited" for no limit.');
    expect(usageError('run', '--spool-limit', '', '--', 'x')).toMatch(/^--spool-limit: an empty value is not a size/);
  });

  it('rejects a --root that does not exist', () => {
    expect(usageError('run', '--root', '/no/such/folder', '--', 'x')).toBe('--root: "/no/such/folder" does not exist; give an existing folder.');
  });

  it('rejects / as a root', () => {
    expect(usageError('run', '--root', '/', '--', 'x')).toMatch(/^--root: "\/" cannot be a root/);
  });

  it('rejects an unknown flag and says where the command goes', () => {
    expect(usageError('run', '--verbose', '--', 'x')).toMatch(/Unknown option '--verbose'.*Options go before "--", the command after it/);
  });

  it('rejects a run without a command', () => {
    expect(usageError('run', '--export', 'always')).toMatch(/^no command given/);
  });

  it('rejects an unknown subcommand', () => {
    expect(usageError('exec', '--', 'x')).toBe('unknown command "exec"; the only command is "run" (see --help).');
  });

  it('documents every flag it accepts in --help', () => {
    expect(parseInvocation(['--help'], cwd)).toEqual({ kind: 'help' });
    for (const flag of ['--out', '--root', '--pass-through', '--export', '--exclude', '--include-secret-files', '--no-transient', '--quota', '--spool-limit', '--help']) {
      expect(usage).toContain(flag);
    }
  });
});

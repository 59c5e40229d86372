import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

  it('says what to do when the temp dir, a root by default, does not exist (and takes --root without it)', () => {
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = '/no/such/temp';
    try {
      expect(usageError('run', '--', 'x')).toBe(
        'the temp dir "/no/such/temp" (TMPDIR) does not exist, and it is a root by default: create it, set TMPDIR to an existing folder, or name the roots with --root.',
      );
      expect(run('run', '--root', '.', '--', 'x').roots).toEqual([{ label: 'workspace', path: cwd }]);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
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
    for (const flag of ['--out', '--force', '--root', '--pass-through', '--export', '--exclude', '--include-secret-files', '--no-transient', '--quota', '--spool-limit', '--help', '--version']) {
      expect(usage).toContain(flag);
    }
  });

  it('answers --version, before or after run', () => {
    expect(parseInvocation(['--version'], cwd)).toEqual({ kind: 'version' });
    expect(parseInvocation(['run', '--version'], cwd)).toEqual({ kind: 'version' });
  });

  it('treats no arguments at all as a usage error that shows how to start', () => {
    expect(usageError()).toMatch(/^no command given; write memfs-action run -- <command>/);
  });
});

describe('CLI --out, checked before the command runs', () => {
  let project = '';
  beforeEach(() => {
    project = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-out-')));
  });
  afterEach(() => fs.rmSync(project, { recursive: true, force: true }));
  const runIn = (...argv: string[]): RunOptions => {
    const invocation = parseInvocation(argv, project);
    if (invocation.kind !== 'run') throw new Error('expected a run');
    return invocation.options;
  };
  const refusal = (...argv: string[]): string => {
    try {
      parseInvocation(argv, project);
    } catch (error) {
      if (error instanceof UsageError) return error.message;
      throw error;
    }
    throw new Error('expected a usage error');
  };
  const earlierExport = (folder: string) => {
    fs.mkdirSync(path.join(folder, 'files/workspace'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify({ generator: 'memfs-action' }));
    fs.writeFileSync(path.join(folder, 'summary.md'), '# summary');
  };

  it('takes a new folder, and an empty or earlier-export folder as the one to replace', () => {
    expect(runIn('run', '--', 'x').outPlan).toEqual({ path: path.join(project, 'memfs-report') });
    fs.mkdirSync(path.join(project, 'empty'));
    const empty = fs.statSync(path.join(project, 'empty'));
    expect(runIn('run', '--out', 'empty', '--', 'x').outPlan).toEqual({ path: path.join(project, 'empty'), replaces: { dev: empty.dev, ino: empty.ino } });
    earlierExport(path.join(project, 'memfs-report'));
    expect(runIn('run', '--', 'x').outPlan?.replaces).toEqual({ dev: expect.any(Number), ino: fs.statSync(path.join(project, 'memfs-report')).ino });
  });

  it('refuses a file, even with --force', () => {
    fs.writeFileSync(path.join(project, 'README.md'), '# mine');
    const expected = `--out: ${path.join(project, 'README.md')} is a file, not a folder; an export never replaces a file: choose another --out.`;
    expect(refusal('run', '--out', 'README.md', '--', 'x')).toBe(expected);
    expect(refusal('run', '--force', '--out', 'README.md', '--', 'x')).toBe(expected);
  });

  it('refuses a folder below a file', () => {
    fs.writeFileSync(path.join(project, 'notes'), '');
    expect(refusal('run', '--out', 'notes/report', '--', 'x')).toMatch(/notes is a file, so .*notes\/report cannot be made; choose another --out\.$/);
  });

  it('refuses a folder of other files unless --force, saying what --force does', () => {
    fs.mkdirSync(path.join(project, 'src'));
    fs.writeFileSync(path.join(project, 'src/index.js'), '');
    expect(refusal('run', '--out', 'src', '--', 'x')).toBe(
      `--out: ${path.join(project, 'src')} is not empty and holds no earlier memfs-action export; choose a new or empty folder, or add --force to replace it (its content is deleted).`);
    expect(runIn('run', '--force', '--out', 'src', '--', 'x').outPlan?.replaces?.ino).toBe(fs.statSync(path.join(project, 'src')).ino);
  });

  it('does not take a folder with other files beside an earlier export for one', () => {
    earlierExport(path.join(project, 'memfs-report'));
    fs.writeFileSync(path.join(project, 'memfs-report/notes.txt'), 'mine');
    expect(refusal('run', '--', 'x')).toMatch(/is not empty and holds no earlier memfs-action export/);
  });

  it('refuses a symbolic link, and the working directory or a folder holding a root, even with --force', () => {
    fs.mkdirSync(path.join(project, 'real'));
    fs.symlinkSync('real', path.join(project, 'link'));
    expect(refusal('run', '--out', 'link', '--', 'x')).toMatch(/link is a symbolic link \(to real\); give a real folder as --out\.$/);
    expect(refusal('run', '--force', '--out', '.', '--', 'x')).toMatch(/is the working directory or a root of the run; give the export a folder of its own/);
    expect(refusal('run', '--force', '--out', '..', '--', 'x')).toMatch(/holds .*, the working directory or a root of the run/);
  });

  it('checks nothing with --export never, which writes nothing', () => {
    fs.writeFileSync(path.join(project, 'README.md'), '# mine');
    expect(runIn('run', '--export', 'never', '--out', 'README.md', '--', 'x').outPlan).toBeUndefined();
  });
});

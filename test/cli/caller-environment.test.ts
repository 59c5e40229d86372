// The CLI owns the preload's configuration: MEMFS_* variables left in the caller's environment change nothing, a
// folder named with ":" works, and the secret files stay out of the export unless asked for.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliProject } from './cli-project.js';

const project = useCliProject('memfs-cli-env-');
const writeAndFail = "require('fs').writeFileSync('written.txt', 'in memory'); process.exitCode = 1;";

describe('a MEMFS_* variable in the caller environment', () => {
  it.each([
    ['MEMFS_DISABLE', '1'],
    ['MEMFS_PASS_THROUGH', '/'],
    ['MEMFS_PASS_THROUGH_DEFAULTS', 'off'],
    ['MEMFS_ROOTS', '/nonexistent'],
    ['MEMFS_QUOTA', '1'],
    ['MEMFS_SPOOL', '/nonexistent'],
    ['MEMFS_SPOOL_LIMIT', '1'],
  ])('%s=%s changes nothing: the write stays in memory and the report lists it', (name, value) => {
    project.script('write.cjs', writeAndFail);
    const result = project.run(['run', '--', 'node', 'write.cjs'], { env: { [name]: value } });
    expect(result.status, result.output).toBe(1);
    expect(fs.existsSync(path.join(project.dir, 'written.txt'))).toBe(false);
    expect(fs.readFileSync(project.exported('written.txt'), 'utf8')).toBe('in memory');
    expect(result.stderr).toContain('written.txt');
  });

  it('MEMFS_CODE_CACHE is kept (a cache location), and one every process would refuse is refused up front', () => {
    const result = project.run(['run', '--', 'node', '-e', '0'], { env: { MEMFS_CODE_CACHE: 'relative/cache' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('memfs-action: MEMFS_CODE_CACHE (from your environment; unset it or fix it): "relative/cache" is neither an absolute folder nor "off".\n');
  });
});

describe('validation before anything runs', () => {
  it.each([['/'], ['**'], ['*'], ['.']])('refuses --pass-through %j, which covers a whole root, naming the flag', (pattern) => {
    const result = project.run(['run', '--root', '.', '--pass-through', pattern, '--', 'node', '-e', '0']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^memfs-action: --pass-through: ${JSON.stringify(pattern).replace(/[.*/]/g, '\\$&')} would send every write under the root ${project.dir} to the real disk`));
  });

  it('refuses a quota too large, naming the flag', () => {
    const result = project.run(['run', '--quota', '9000000t', '--', 'node', '-e', '0']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('memfs-action: --quota: "9000000t" is too large; use "unlimited".\n');
  });
});

describe('a working directory whose name holds ":"', () => {
  it('is a root like any other: the write stays in memory and is exported', () => {
    const dir = path.join(project.dir, 'odd:name');
    fs.mkdirSync(dir);
    project.script('odd:name/write.cjs', writeAndFail);
    const result = project.run(['run', '--', 'node', 'write.cjs'], { cwd: 'odd:name' });
    expect(result.status, result.output).toBe(1);
    expect(fs.existsSync(path.join(dir, 'written.txt'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'memfs-report/files/workspace/written.txt'), 'utf8')).toBe('in memory');
  });
});

describe('secret files', () => {
  const writeSecrets = `
    const fs = require('fs');
    fs.mkdirSync('.aws');
    for (const name of ['.env', '.aws/credentials', 'deploy.pem', 'notes.txt']) fs.writeFileSync(name, 'secret of ' + name);
    process.exitCode = 1;`;

  it('are listed but not exported by default, and --exclude adds to them', () => {
    project.script('write.cjs', writeSecrets);
    const result = project.run(['run', '--exclude', 'notes.txt', '--', 'node', 'write.cjs']);
    expect(result.status, result.output).toBe(1);
    const excluded = project.manifest().changes.filter((c) => c.contentOmitted === 'excluded').map((c) => c.relativePath).sort();
    expect(excluded).toEqual(['.aws/credentials', '.env', 'deploy.pem', 'notes.txt']);
    for (const name of excluded) expect(fs.existsSync(project.exported(name))).toBe(false);
  });

  it('are exported with --include-secret-files', () => {
    project.script('write.cjs', writeSecrets);
    const result = project.run(['run', '--include-secret-files', '--', 'node', 'write.cjs']);
    expect(result.status, result.output).toBe(1);
    expect(fs.readFileSync(project.exported('.aws/credentials'), 'utf8')).toBe('secret of .aws/credentials');
    expect(fs.readFileSync(project.exported('.env'), 'utf8')).toBe('secret of .env');
  });
});

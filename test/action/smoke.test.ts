// The built action, copied alone into an empty folder as the runner checks it out: it loads (nothing missing from
// the bundle), and with no inputs it fails on the input, before running anything.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionDist, copyActionBundle } from './bundle.js';

let bundle: string;
beforeAll(() => {
  bundle = copyActionBundle();
});
afterAll(() => rmSync(bundle, { recursive: true, force: true }));

function runAlone(args: string[], env: Record<string, string> = {}) {
  const state = path.join(bundle, 'state');
  writeFileSync(state, '');
  return spawnSync(process.execPath, [...args, path.join(bundle, 'index.js')], {
    cwd: bundle,
    env: { PATH: process.env.PATH ?? '', GITHUB_STATE: state, ...env },
    encoding: 'utf8',
  });
}

describe('the bundled action', () => {
  it('fails with an input error when run with no inputs', () => {
    const result = runAlone([]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('::error::Input "run" is required');
  });

  it('names every bad input before running anything', () => {
    const result = runAlone([], { 'INPUT_RUN': 'touch should-not-exist', INPUT_UPLOAD: 'sometimes', 'INPUT_COMPRESSION-LEVEL': '11' });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('Input "upload" must be on-failure, always or never; got "sometimes".');
    expect(result.stdout).toContain('Input "compression-level" must be');
    expect(readdirSync(bundle)).not.toContain('should-not-exist');
  });

  it('says plainly that Windows runners are not supported yet', () => {
    const fakeWindows = path.join(bundle, 'fake-windows.cjs');
    writeFileSync(fakeWindows, "Object.defineProperty(process, 'platform', { value: 'win32' });\n");
    const result = runAlone(['--require', fakeWindows], { INPUT_RUN: 'npm test' });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('::error::memfs-action does not support Windows runners yet');
  });

  it('has no module that the bundler failed to include', () => {
    for (const name of readdirSync(actionDist()).filter((n) => n.endsWith('.js'))) {
      expect(readFileSync(path.join(actionDist(), name), 'utf8'), name).not.toContain('webpackMissingModule');
    }
  });

  it('is an ES module bundle, as its package.json declares', () => {
    expect(JSON.parse(readFileSync(path.join(bundle, 'package.json'), 'utf8'))).toEqual({ type: 'module' });
    expect(execFileSync(process.execPath, ['--check', path.join(bundle, 'index.js')], { encoding: 'utf8' })).toBe('');
  });
});

// The preload's temp dir must be the one os.tmpdir() names, for every combination of the variables it reads.
import { tmpdir as nodeTmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { tmpdir } from '../../src/platform/tmpdir.js';

const names = ['TMPDIR', 'TMP', 'TEMP'] as const;
const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));

afterEach(() => {
  for (const name of names) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe('tmpdir, without loading os', () => {
  it.each([
    {},
    { TMPDIR: '/x/' },
    { TMPDIR: '/x//' },
    { TMPDIR: '', TMP: '/y' },
    { TEMP: '/z/' },
    { TMPDIR: '/' },
    { TMPDIR: 'relative/' },
    { TMPDIR: '/a', TMP: '/b', TEMP: '/c' },
  ])('is what os.tmpdir() says for %o', (env: Partial<Record<(typeof names)[number], string>>) => {
    for (const name of names) {
      if (env[name] === undefined) delete process.env[name];
      else process.env[name] = env[name];
    }
    expect(tmpdir()).toBe(nodeTmpdir());
  });
});

import { describe, expect, it } from 'vitest';
import { testFileScore } from '../../src/changes/test-file.js';

describe('test file recognition', () => {
  it.each([
    ['/p/src/a.test.ts', 2],
    ['/p/src/a.spec.mjs', 2],
    ['/p/src/__tests__/a.js', 2],
    ['/p/test/helpers.js', 1],
    ['/p/spec/x.js', 1],
    ['/p/test.js', 1],
    ['/p/tests.mjs', 1],
    ['/p/packages/a/test.ts', 1],
    ['/p/src/contest.js', 0],
    ['/p/src/test-utils.js', 0],
    ['/p/src/index.js', 0],
    ['/p/node_modules/vitest/dist/a.test.js', 0],
    ['node:internal/fs/utils', 0],
  ] as const)('scores %s as %i', (file, score) => {
    expect(testFileScore(file, '/p')).toBe(score);
  });

  it('does not count a test/ folder above the working directory', () => {
    expect(testFileScore('/home/ci/test/project/src/index.js', '/home/ci/test/project')).toBe(0);
    expect(testFileScore('/home/ci/test.js', '/home/ci/project')).toBe(0);
  });
});

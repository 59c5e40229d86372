// Which paths the overlay owns: inside a root, not under a pass-through prefix or glob.
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../src/node/routing.js';

describe('createRouter', () => {
  const router = createRouter({
    roots: ['/work/project', '/tmp'],
    passThrough: ['/work/project/node_modules', '**/coverage', '/tmp/jest_*'],
  });

  it('owns a root itself and everything below it', () => {
    expect(router.owns('/work/project')).toBe(true);
    expect(router.owns('/work/project/src/a.ts')).toBe(true);
    expect(router.owns('/tmp/x')).toBe(true);
  });

  it('does not own a sibling whose name merely starts like a root', () => {
    expect(router.owns('/work/project-other/a')).toBe(false);
    expect(router.owns('/tmpfoo')).toBe(false);
  });

  it('does not own paths outside every root', () => {
    expect(router.owns('/etc/passwd')).toBe(false);
    expect(router.owns('/')).toBe(false);
  });

  it('leaves a pass-through prefix and everything under it to the disk', () => {
    expect(router.owns('/work/project/node_modules')).toBe(false);
    expect(router.owns('/work/project/node_modules/pkg/index.js')).toBe(false);
    expect(router.owns('/work/project/node_modules_extra')).toBe(true);
  });

  it('leaves paths matching a pass-through glob, and their contents, to the disk', () => {
    expect(router.owns('/work/project/coverage')).toBe(false);
    expect(router.owns('/work/project/packages/a/coverage/lcov.info')).toBe(false);
    expect(router.owns('/tmp/jest_0/cache')).toBe(false);
    expect(router.owns('/tmp/jest')).toBe(true);
  });

  it('treats a root given with a trailing slash like the same root without it', () => {
    const slashed = createRouter({ roots: ['/data/'], passThrough: [] });
    expect(slashed.owns('/data')).toBe(true);
    expect(slashed.owns('/data/x')).toBe(true);
    expect(slashed.owns('/database')).toBe(false);
  });
});

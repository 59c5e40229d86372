// The router skips picomatch for a path that lacks a literal every glob needs (src/node/glob-literals.ts). That is
// safe only if the reading is conservative: whenever picomatch matches a path, the literals say it may. Checked on
// random globs of every construct picomatch knows and random paths over the same alphabet, and on the defaults.
import fc from 'fast-check';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { mayMatch, necessaryLiterals } from '../../src/node/glob-literals.js';
import { createPathRouter } from '../../src/node/path-router.js';

const piece = fc.constantFrom(
  'a', 'b', 'ab', 'node_modules', 'x.xml', '.', '-', '_', '/', '/', '/',
  '*', '**', '?', '**/', '/**', '{a,b}', '{a,b*}', '{ab,/b/}', '{a,{b,c}}', '{1..3}', '[ab]', '[!a]', '[]a]', '[[:alpha:]]',
  '(a|b)', '@(a|b)', '+(a)', '!(a)', '*(b)', '\\*', '\\a', '{', '}', '[', ']', '(', ')', ',', '!', '$', '^', '+', '@',
);
const glob = fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => `/${parts.join('')}`);
const path = fc.array(fc.constantFrom('a', 'b', 'ab', 'node_modules', 'x.xml', '.', '-', '_', '1', '2', '/', '/', '*', '{', ','), { minLength: 1, maxLength: 10 })
  .map((parts) => `/${parts.join('')}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1'));

/** picomatch's matcher; a glob it cannot compile matches nothing (the router would throw at its first path). */
function picomatchOf(globs: string[]): (p: string) => boolean {
  try {
    return picomatch(globs, { dot: true });
  } catch {
    return () => false;
  }
}

describe('the literals a pass-through glob needs', () => {
  it('never rule out a path that picomatch matches', () => {
    fc.assert(fc.property(fc.array(glob, { minLength: 1, maxLength: 3 }), fc.array(path, { minLength: 1, maxLength: 8 }), (globs, paths) => {
      const withTwins = globs.flatMap((g) => [g, `${g.replace(/\/+$/, '')}/**`]);
      const literals = necessaryLiterals(withTwins);
      const matches = picomatchOf(withTwins);
      for (const p of paths) {
        if (matches(p)) expect(literals === undefined || mayMatch(literals, p), `${JSON.stringify(withTwins)} ${p}`).toBe(true);
      }
    }), { numRuns: 1500, seed: 20261207 });
  }, 120_000);

  it('rule out the modules of a project under the default globs, and not what those globs name', () => {
    const globs = ['/r/**/{node_modules,coverage,.nyc_output,junit*.xml,test-results,test-reports}', '/tmp/{jest_*,node-compile-cache,tsx-*,v8-compile-cache*}'];
    const literals = necessaryLiterals(globs.flatMap((g) => [g, `${g}/**`]))!;
    for (const p of ['/r/src/m1.js', '/r/test/a.test.ts', '/r/package.json', '/tmp/other/x']) expect(mayMatch(literals, p)).toBe(false);
    for (const p of ['/r/node_modules', '/r/a/node_modules/x/y.js', '/r/junit.xml', '/r/out/junit-1.xml', '/r/coverage/lcov.info', '/tmp/jest_0/haste', '/tmp/tsx-1000/x']) {
      expect(mayMatch(literals, p)).toBe(true);
    }
  });

  it('read nothing into a negated glob: every path may match', () => {
    expect(necessaryLiterals(['!/r/a'])).toBeUndefined();
  });
});

describe('the router with globs', () => {
  const options = { roots: ['/r'], passThrough: ['/r/**/{node_modules,junit*.xml}', '/r/keep[0-9]/**'] };

  it('answers as picomatch alone does', () => {
    const router = createPathRouter(options, (globs) => picomatch(globs, { dot: true }));
    const whole = picomatch(options.passThrough.flatMap((g) => [g, `${g}/**`]), { dot: true });
    for (const p of ['/r/src/m1.js', '/r/node_modules/a.js', '/r/x/node_modules', '/r/junit.xml', '/r/keep1/a', '/r/keepa/a', '/r']) {
      expect(router.owns(p), p).toBe(!whole(p));
    }
  });

  it('compiles the globs only when a path holds their literals', () => {
    let compiled = 0;
    const router = createPathRouter(options, (globs) => (compiled++, picomatch(globs, { dot: true })));
    expect(router.owns('/r/src/m1.js')).toBe(true);
    expect(router.owns('/r/test/a.test.js')).toBe(true);
    expect(compiled).toBe(0);
    expect(router.owns('/r/node_modules/pkg/index.js')).toBe(false);
    expect(compiled).toBe(1);
  });
});

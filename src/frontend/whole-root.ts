// A pass-through pattern that covers a whole root sends every write of the tests to the real disk: the run would look
// like one under the overlay and report nothing. The preload accepts such a pattern (it cannot tell a mistake from a
// wish, and compiling globs at every start costs time); the front ends refuse it before anything runs.
import { createRouter } from '../node/routing.js';
import { ENV, encodeList, readConfig, type ConfigSystem } from '../preload/config.js';
import { delimiter } from 'node:path';

/**
 * Names of every shape a test might write (digits, capitals, an extension, punctuation, a dot file), one level below a
 * root and two: a pattern that passes through all of one level passes through whatever the tests write there.
 */
const probes: readonly (readonly string[])[] = [
  ['0q', 'Zx.y', '_', '.h', '~-'],
  ['0q/Zx.y', '_/.h', '.h/_', 'Zx.y/0q', '~-/~-'],
];

/** The root whose writes `pattern` would all send to the disk, as the preload reads it; undefined when none. */
export function rootCoveredBy(pattern: string, roots: readonly string[], system: ConfigSystem): string | undefined {
  const result = readConfig(
    { [ENV.roots]: encodeList(roots, delimiter), [ENV.passThrough]: encodeList([pattern], '\n'), [ENV.passThroughDefaults]: 'off' },
    system,
  );
  if (result.disabled) return undefined;
  const router = createRouter({ roots: result.config.roots, passThrough: result.config.passThrough });
  return result.config.roots.find((root) => {
    if (!router.owns(root)) return true;
    return probes.some((level) => level.every((name) => !router.owns(`${root}/${name}`)));
  });
}

import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/fixtures/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/support/global-setup.ts'],
    // The preloaded children of the tests keep their code cache here, not in the developer's ~/.cache (the tests of
    // the cache's own folder give their children an environment of their own).
    env: { MEMFS_CODE_CACHE: path.resolve('.cache/test-code-cache') },
  },
});

// Builds the preload NODE_OPTIONS requires, for dist/ and for the tests (which build it afresh from the sources):
// src/preload/index.ts and what it imports bundled into one CommonJS script (target Node 20), preload-bundle.cjs, and
// beside it preload.cjs, src/preload/loader.ts, which runs the bundle through V8's code cache (the loader says why).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const common = { bundle: true, platform: 'node', target: 'node20', legalComments: 'none', logLevel: 'warning' };

/** Writes `outfile` (preload.cjs) and preload-bundle.cjs beside it; `repo` is the repository's root. */
export async function buildPreloadFile(repo, outfile) {
  const bundleFile = path.join(path.dirname(outfile), 'preload-bundle.cjs');
  // Wrapped as Node wraps a CommonJS module, so that the loader compiles the file's text as it is (no 300 KB copy);
  // whitespace and syntax minified (names kept, for stack traces): less to read and hash at every start.
  const bundled = await build({
    ...common,
    entryPoints: [path.join(repo, 'src/preload/index.ts')],
    format: 'cjs',
    outfile: bundleFile,
    write: false,
    minifyWhitespace: true,
    minifySyntax: true,
    banner: { js: '(function (exports, require, module, __filename, __dirname) {' },
    footer: { js: '\n})' },
  });
  const source = bundled.outputFiles[0].text;
  // The loader reads it as latin1, the cheapest decoding, which is right only for ASCII (esbuild escapes non-ASCII
  // characters in strings, and minifying drops the comments).
  if (!/^[\x00-\x7f]*$/.test(source)) throw new Error('the preload bundle is not pure ASCII: the loader would read it wrongly');
  writeFileSync(bundleFile, source);
  await build({
    ...common,
    entryPoints: [path.join(repo, 'src/preload/loader.ts')],
    format: 'cjs',
    outfile,
    define: {
      MEMFS_PRELOAD_BUNDLE_ID: JSON.stringify(createHash('sha256').update(source).digest('hex').slice(0, 16)),
      MEMFS_PRELOAD_BUNDLE_LENGTH: String(source.length),
    },
  });
}

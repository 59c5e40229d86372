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
  // Wrapped as Node wraps a CommonJS module, so that the loader compiles the file's text as it is (no 300 KB copy).
  // Whitespace-minified into lines of ~160 characters, not one: when an error is thrown inside the preload, Node prints
  // its source line on stderr, and a 200 KB line buries the message (and outgrows what a parent reads of its child's
  // stderr before 'exit'). Identifiers are kept, for readable stack traces.
  const bundled = await build({
    ...common,
    entryPoints: [path.join(repo, 'src/preload/index.ts')],
    format: 'cjs',
    outfile: bundleFile,
    write: false,
    minifySyntax: true,
    minifyWhitespace: true,
    lineLimit: 160,
    // memfsPreloadFile: the loader's own path, the file a child's NODE_OPTIONS must require (src/preload/reach.ts).
    banner: { js: '(function (exports, require, module, __filename, __dirname, memfsPreloadFile) {' },
    footer: { js: '\n})' },
  });
  const source = bundled.outputFiles[0].text;
  // The loader reads the bundle as Latin-1, which is the same text only for ASCII (esbuild's default charset escapes
  // every other character; this says so if that ever changes).
  const nonAscii = source.search(/[^\0-\x7f]/);
  if (nonAscii !== -1) throw new Error(`preload bundle: non-ASCII text at offset ${nonAscii} (${JSON.stringify(source.slice(nonAscii - 20, nonAscii + 20))}); keep esbuild's charset 'ascii'`);
  writeFileSync(bundleFile, source);
  await build({
    ...common,
    entryPoints: [path.join(repo, 'src/preload/loader.ts')],
    format: 'cjs',
    outfile,
    // Parsed at every start (no code cache can hold the code that loads the code cache): the smaller the better.
    minify: true,
    lineLimit: 160,
    define: {
      MEMFS_PRELOAD_BUNDLE_ID: JSON.stringify(createHash('sha256').update(source).digest('hex').slice(0, 16)),
      MEMFS_PRELOAD_BUNDLE_LENGTH: String(source.length),
    },
  });
}

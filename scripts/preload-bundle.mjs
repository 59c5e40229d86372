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
  // Not minified: when an error thrown by the overlay's fs goes uncaught, Node prints the source line it was thrown
  // from (where plain Node shows `return binding.open(` of node:fs), and that must read as code, not as 160 characters
  // of minified text; frames keep their names and lines. The code cache makes the larger text cost next to nothing at
  // start-up (bench/startup.bench.ts; docs/measurements.md).
  const bundled = await build({
    ...common,
    entryPoints: [path.join(repo, 'src/preload/index.ts')],
    format: 'cjs',
    outfile: bundleFile,
    write: false,
    // memfsPreloadFile: the loader's own path, the file a child's NODE_OPTIONS must require (src/preload/reach.ts).
    banner: { js: '(function (exports, require, module, __filename, __dirname, memfsPreloadFile) {' },
    footer: { js: '\n})' },
  });
  // esbuild escapes every character beyond ASCII in code (charset 'ascii'), but keeps comments as written: theirs are
  // spelt in ASCII here, so that the text stays Latin-1-readable.
  const source = asciiComments(bundled.outputFiles[0].text);
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

const asciiSpellings = { '\u2192': '->', '\u2190': '<-', '\u2014': '--', '\u2013': '-', '\u2026': '...', '\u2248': '~', '\u2265': '>=', '\u2264': '<=', '\u00d7': 'x', '\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"', '\u00a7': 'S' };

/** The bundle with each character beyond ASCII in its comments (the only place esbuild leaves them) spelt in ASCII. */
function asciiComments(text) {
  return text.replace(/[^\0-\x7f]/gu, (c) => asciiSpellings[c] ?? '?');
}

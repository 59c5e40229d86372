// The local CLI: `memfs-action run [options] -- <command>`. Bundled to dist/cli.mjs (package.json "bin").
import { parseInvocation, usage, UsageError } from './options.js';
import { runCommand } from './run.js';
import packageJson from '../../package.json' with { type: 'json' };

async function main(argv: string[]): Promise<number> {
  let invocation;
  try {
    invocation = parseInvocation(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`memfs-action: ${error.message}\n`);
    if (argv.length === 0) process.stderr.write(`\n${usage}`);
    return 2;
  }
  if (invocation.kind === 'help') {
    process.stdout.write(usage);
    return 0;
  }
  if (invocation.kind === 'version') {
    process.stdout.write(`${packageJson.version}\n`);
    return 0;
  }
  if (process.platform === 'win32') {
    // The overlay's paths, permissions and journal are POSIX; half-working on Windows would be worse than not.
    process.stderr.write('memfs-action: Windows is not supported yet; run it on Linux or macOS (or in WSL).\n');
    return 2;
  }
  return runCommand(invocation.options, {
    log: (text) => process.stderr.write(text),
    color: process.stderr.isTTY === true && !process.env.NO_COLOR,
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`memfs-action: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);

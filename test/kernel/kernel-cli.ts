// The CLI with the kernel engine's launcher beside it, bundled as scripts/build.mjs bundles them into one fresh
// folder (cli.mjs finds preload.cjs, kernel-launcher.mjs and recorder.cjs next to itself), and what the tests need to know of the
// machine: which ways into a mount namespace work here, as root and as nobody, proved by trying them.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli } from '../cli/cli-bundle.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const common = { bundle: true, platform: 'node', target: 'node20', legalComments: 'none', logLevel: 'warning' } as const;

export async function buildKernelCli(): Promise<string> {
  const cli = await buildCli();
  await build({ ...common, format: 'esm', entryPoints: [path.join(repo, 'src/kernel/launcher.ts')], outfile: path.join(path.dirname(cli), 'kernel-launcher.mjs') });
  await buildRecorder(path.join(path.dirname(cli), 'recorder.cjs'));
  return cli;
}

/** The recording preload (src/recorder/), bundled to `outfile` as scripts/build.mjs bundles it. */
export async function buildRecorder(outfile: string): Promise<string> {
  await build({ ...common, format: 'cjs', minify: true, entryPoints: [path.join(repo, 'src/recorder/index.ts')], outfile });
  return outfile;
}

/** `argv` as nobody (uid/gid 65534, no groups), through setpriv. */
export function asNobody(argv: string[]): string[] {
  return ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--', ...argv];
}

/** Why the kernel cannot give this user a mount namespace with a tmpfs and an overlay, or undefined when it can. */
export function whyNoOverlay(user: 'root' | 'nobody'): string | undefined {
  if (process.platform !== 'linux') return 'overlayfs is Linux only';
  if (user === 'root' && process.getuid?.() !== 0) return 'the tests do not run as root';
  const script = 'mount -t tmpfs none /mnt && mkdir /mnt/l /mnt/u /mnt/w /mnt/m && mount -t overlay none -o lowerdir=/mnt/l,upperdir=/mnt/u,workdir=/mnt/w' + (user === 'nobody' ? ',userxattr' : '') + ' /mnt/m';
  const unshare = user === 'root' ? ['unshare', '--mount', '--', 'sh', '-c', script] : asNobody(['unshare', '--user', '--map-root-user', '--mount', '--', 'sh', '-c', script]);
  const result = spawnSync(unshare[0]!, unshare.slice(1), { encoding: 'utf8' });
  if (result.status === 0) return undefined;
  return `the kernel refuses a mount namespace with an overlay to ${user}: ${(result.stderr || String(result.error)).trim()}`;
}

// The kernel engine's inside: runs as root of a private mount namespace (and pid namespace, as its pid 1), started by
// `unshare` (namespace-command.ts). It mounts a tmpfs, lays an overlay over each root (lower: the real folder, upper
// and work on the tmpfs), binds the pass-through folders back, runs the command as the caller, then — still inside,
// before anything is torn down — copies the upper layer out to the spool as plain data (capture.json + the files'
// bytes). Teardown is the kernel's: the mounts live only in this namespace, which dies with its last process, and
// every process of the pid namespace dies with this one, its pid 1.
// Bundled to dist/kernel-launcher.mjs; argv[2] is the plan's JSON file (plan.ts).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRouter } from '../node/routing.js';
import { blobsFolder, captureFileName, signalFileName, type CaptureFile, type LaunchPlan, type RootCapture, type UpperEntry } from './plan.js';

function main(): void {
  const planFile = process.argv[2];
  if (planFile === undefined) fail('no plan file given');
  const plan = JSON.parse(fs.readFileSync(planFile, 'utf8')) as LaunchPlan;
  const layer = path.join(plan.stagingDir, 'layer');
  fs.mkdirSync(layer, { recursive: true });
  mount(plan, ['-t', 'tmpfs', '-o', tmpfsOptions(plan), 'memfs-kernel', layer]);
  const roots = plan.roots;
  roots.forEach((root, i) => {
    const [lower, upper, work] = ['lower', 'upper', 'work'].map((part) => path.join(layer, part, String(i))) as [string, string, string];
    for (const folder of [lower, upper, work]) fs.mkdirSync(folder, { recursive: true });
    // The real folder stays reachable under the tmpfs: the lower layer, the source of pass-through binds, and what
    // the capture compares the merged view with.
    mount(plan, ['--bind', root, lower]);
    mount(plan, ['-t', 'overlay', 'memfs-overlay', '-o', `lowerdir=${lower},upperdir=${upper},workdir=${work}${plan.overlayOptions}`, root]);
  });
  runAndCapture(plan, layer);
}

function runAndCapture(plan: LaunchPlan, layer: string): void {
  const command = plan.command.length === 1 ? ['/bin/sh', '-c', plan.command[0]!] : plan.command;
  const child = spawnCommand(plan, command, plan.cwd);
  // As pid 1 this process gets only the signals it handles. Ctrl-C reaches the command from the terminal itself (one
  // foreground group); a termination is passed on. `unshare` passes nothing on, and the front end may not be allowed
  // to signal a process of sudo's: it asks through a file in the capture folder instead (signalFileName).
  process.on('SIGINT', () => {});
  for (const signal of ['SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
  const asked = path.join(plan.captureDir, signalFileName);
  const poll = setInterval(() => {
    let signal: string;
    try {
      signal = fs.readFileSync(asked, 'utf8').trim();
      fs.rmSync(asked);
    } catch {
      return;
    }
    if (signal in os.constants.signals) child.kill(signal as NodeJS.Signals);
  }, 100);
  child.on('exit', () => clearInterval(poll));
  let started = true;
  child.on('error', (error) => {
    started = false;
    process.stderr.write(`memfs-action: could not start ${command[0]}: ${error.message}\n`);
    finish(plan, layer, { code: 127, signal: null });
  });
  child.on('exit', (code, signal) => {
    if (started) finish(plan, layer, { code, signal });
  });
}

function finish(plan: LaunchPlan, layer: string, exit: CaptureFile['exit']): void {
  const problems: string[] = [];
  const roots = plan.roots.map((root, i) => captureRoot(plan, i, root, path.join(layer, 'lower', String(i)), path.join(layer, 'upper', String(i)), problems));
  // Pass-through paths are the overlay's during the run (a bind mount over them would make a program's `rm -rf
  // coverage` fail with EBUSY), and the real disk's after it: what the command left there is written back now.
  plan.roots.forEach((root, i) => writeBack(plan, root, path.join(layer, 'lower', String(i)), path.join(layer, 'upper', String(i)), problems));
  const capture: CaptureFile = { exit, roots, problems };
  const file = path.join(plan.captureDir, captureFileName);
  fs.writeFileSync(file, JSON.stringify(capture), { mode: 0o600 });
  if (plan.owner) chownTree(plan.captureDir, plan.owner);
  // The pid namespace ends with this process: every process the command left behind is killed with it.
  process.exit(exit.code ?? 128 + (os.constants.signals[exit.signal as NodeJS.Signals] ?? 0));
}

/** The upper layer of one root as data; the bytes of its files copied to captureDir/blobs. */
function captureRoot(plan: LaunchPlan, index: number, root: string, lower: string, upper: string, problems: string[]): RootCapture {
  const entries: UpperEntry[] = [];
  const hidden: string[] = [];
  const blobs = path.join(plan.captureDir, blobsFolder);
  fs.mkdirSync(blobs, { recursive: true, mode: 0o700 });
  const walk = (relative: string): void => {
    let names: string[];
    try {
      names = fs.readdirSync(path.join(upper, relative)).sort();
    } catch (error) {
      problems.push(`could not read ${path.join(root, relative)} in the upper layer: ${(error as Error).message}`);
      return;
    }
    for (const name of names) {
      const rel = relative === '' ? name : `${relative}/${name}`;
      const at = path.join(upper, rel);
      const stat = fs.lstatSync(at);
      const lowerStat = lstatOrUndefined(path.join(lower, rel));
      if (stat.isCharacterDevice() && stat.rdev === 0) {
        // A whiteout: the disk's entry is deleted.
        if (lowerStat) hidden.push(rel);
        continue;
      }
      const entry: UpperEntry = {
        relativePath: rel, type: typeOf(stat), mode: stat.mode, size: stat.size, uid: outsideUid(stat.uid), gid: outsideGid(stat.gid),
        ino: stat.ino, nlink: stat.nlink,
      };
      if (entry.type === 'symlink') entry.target = fs.readlinkSync(at);
      if (entry.type === 'file') {
        const blob = `${index}-${entries.length}`;
        try {
          fs.copyFileSync(at, path.join(blobs, blob));
          entry.blob = blob;
        } catch (error) {
          entry.unreadable = (error as Error).message;
        }
      }
      entries.push(entry);
      if (lowerStat?.isDirectory() && entry.type !== 'directory') hidden.push(rel);
      if (entry.type === 'directory') {
        // An opaque folder, or one whose entries were deleted: what the disk holds there and the merged view does not.
        if (lowerStat?.isDirectory()) {
          const merged = new Set(readNamesOrEmpty(path.join(root, rel)));
          for (const gone of readNamesOrEmpty(path.join(lower, rel))) {
            if (!merged.has(gone) && !hidden.includes(`${rel}/${gone}`)) hidden.push(`${rel}/${gone}`);
          }
        }
        walk(rel);
      }
    }
  };
  walk('');
  return { root, entries, hidden: [...new Set(hidden)].sort() };
}

/**
 * Applies the upper layer's entries under pass-through paths to the real folder (the lower layer's bind): files and
 * symlinks copied with their mode and owner, folders made, and what the merged view no longer shows removed.
 */
function writeBack(plan: LaunchPlan, root: string, lower: string, upper: string, problems: string[]): void {
  const router = createRouter({ roots: plan.allRoots, passThrough: plan.passThrough });
  const apply = (rel: string, stat: fs.Stats): void => {
    const from = path.join(upper, rel);
    const to = path.join(lower, rel);
    const existing = lstatOrUndefined(to);
    if (stat.isCharacterDevice() && stat.rdev === 0) {
      fs.rmSync(to, { recursive: true, force: true });
      return;
    }
    if (stat.isDirectory()) {
      if (existing && !existing.isDirectory()) fs.rmSync(to, { force: true });
      if (!existing?.isDirectory()) fs.mkdirSync(to);
      const merged = new Set(readNamesOrEmpty(path.join(root, rel)));
      for (const gone of readNamesOrEmpty(to)) if (!merged.has(gone)) fs.rmSync(path.join(to, gone), { recursive: true, force: true });
    } else {
      if (existing) fs.rmSync(to, { recursive: true, force: true });
      if (stat.isFile()) fs.copyFileSync(from, to);
      else if (stat.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(from), to);
      else return; // a FIFO or a socket left in a pass-through folder is not made on the disk
    }
    if (!stat.isSymbolicLink()) fs.chmodSync(to, stat.mode & 0o7777);
    try {
      fs.lchownSync(to, stat.uid, stat.gid);
    } catch {
      // an id the namespace cannot map: the file keeps the launcher's
    }
  };
  const walk = (relative: string, below: boolean): void => {
    for (const name of readNamesOrEmpty(path.join(upper, relative)).sort()) {
      const rel = relative === '' ? name : `${relative}/${name}`;
      const stat = fs.lstatSync(path.join(upper, rel));
      const passedThrough = below || !router.ownsLink(path.join(root, rel));
      try {
        if (passedThrough) apply(rel, stat);
      } catch (error) {
        problems.push(`could not write ${path.join(root, rel)} back to the disk (a pass-through path): ${(error as Error).message}`);
        continue;
      }
      if (stat.isDirectory()) walk(rel, passedThrough);
    }
  };
  walk('', false);
}

/**
 * An id as this namespace sees it, as the machine outside sees it (the disk the capture compares with): through the
 * user namespace's map, which in an unprivileged one names the caller alone (its uid is 0 here); -1 for an id the
 * namespace cannot name (shown here as the overflow id, 65534). Without a user namespace the map is the identity.
 */
function outsideIds(mapFile: string): (id: number) => number {
  let ranges: number[][];
  try {
    ranges = fs.readFileSync(mapFile, 'utf8').trim().split('\n').map((line) => line.trim().split(/\s+/).map(Number));
  } catch {
    return (id) => id;
  }
  return (id) => {
    for (const [inside = 0, outside = 0, count = 0] of ranges) if (id >= inside && id < inside + count) return outside + id - inside;
    return -1;
  };
}
const outsideUid = outsideIds('/proc/self/uid_map');
const outsideGid = outsideIds('/proc/self/gid_map');

function spawnCommand(plan: LaunchPlan, command: string[], cwd: string) {
  const drop = plan.drop;
  const argv = drop.how === 'none' ? command
    : drop.how === 'user-namespace'
      ? [plan.programs.unshare, '--user', `--map-user=${drop.uid}`, `--map-group=${drop.gid}`, '--', ...command]
      : [plan.programs.setpriv, `--reuid=${drop.uid}`, `--regid=${drop.gid}`,
          drop.groups.length > 0 ? `--groups=${drop.groups.join(',')}` : '--clear-groups', '--', ...command];
  return spawn(argv[0]!, argv.slice(1), { cwd, env: plan.env, stdio: 'inherit' });
}

function tmpfsOptions(plan: LaunchPlan): string {
  return ['mode=0700', ...(plan.sizeBytes !== undefined ? [`size=${plan.sizeBytes}`] : [])].join(',');
}

function mount(plan: LaunchPlan, args: string[]): void {
  try {
    execFileSync(plan.programs.mount, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim().split('\n')[0] ?? '';
    fail(`mount ${args.join(' ')} failed: ${stderr || (error as Error).message}`);
  }
}

function typeOf(stat: fs.Stats): UpperEntry['type'] {
  return stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : stat.isSymbolicLink() ? 'symlink' : 'other';
}

function lstatOrUndefined(target: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(target);
  } catch {
    return undefined;
  }
}

function readNamesOrEmpty(folder: string): string[] {
  try {
    return fs.readdirSync(folder);
  } catch {
    return [];
  }
}

function chownTree(folder: string, owner: { uid: number; gid: number }): void {
  fs.chownSync(folder, owner.uid, owner.gid);
  for (const name of fs.readdirSync(folder)) {
    const at = path.join(folder, name);
    if (fs.lstatSync(at).isDirectory()) chownTree(at, owner);
    else fs.chownSync(at, owner.uid, owner.gid);
  }
}

function fail(message: string): never {
  process.stderr.write(`memfs-action (kernel engine): ${message}\n`);
  process.exit(125);
}

main();

// How the front end gets into a private mount namespace where it may mount a tmpfs and overlays, tried in order:
// already root with CAP_SYS_ADMIN; an unprivileged user namespace (`unshare --map-root-user`, the command mapped back
// to the caller's uid by a second user namespace, as bwrap's `--uid` does); passwordless sudo (GitHub-hosted Ubuntu
// runners have it, and Ubuntu 24.04 restricts unprivileged user namespaces through AppArmor). Each is proved by doing
// the real thing once — a tmpfs and an overlay mounted in a throwaway namespace, and the way back to the caller's uid
// — never guessed from a sysctl or a capability set, which AppArmor, seccomp and containers all override.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { DropTo, LaunchPlan } from './plan.js';

export type WayIn = 'root' | 'user-namespace' | 'sudo';

export interface Attempt {
  way: WayIn;
  ok: boolean;
  /** Why it did not work (the kernel's or the tool's own words), when it did not. */
  reason?: string;
}

export interface Programs {
  node: string;
  launcher: string;
  /** The recording preload (dist/recorder.cjs) given to the command's Node processes; undefined: none. */
  recorder?: string | undefined;
  mount: string;
  unshare: string;
  setpriv: string;
  sudo: string | undefined;
}

/** The front end's uid, gid and groups: whom the command must run as. */
export interface Caller {
  uid: number;
  gid: number;
  groups: number[];
}

export function currentCaller(): Caller {
  return { uid: process.getuid!(), gid: process.getgid!(), groups: process.getgroups!() };
}

export const wayLabels: Record<WayIn, string> = {
  root: 'as root with CAP_SYS_ADMIN',
  'user-namespace': 'through an unprivileged user namespace',
  sudo: 'through passwordless sudo',
};

/** The ways worth trying for this caller, in order. */
export function waysFor(caller: Caller): WayIn[] {
  return caller.uid === 0 ? ['root', 'user-namespace'] : ['user-namespace', 'sudo'];
}

/** The program and arguments that start the launcher with `planFile` inside a new namespace, the way given. */
export function namespaceCommand(way: WayIn, programs: Programs, planFile: string): string[] {
  return inNamespace(way, programs, [programs.node, programs.launcher, planFile]);
}

/** `launch` run inside a new mount and pid namespace, the way given. */
function inNamespace(way: WayIn, programs: Programs, launch: string[]): string[] {
  // A pid namespace too, whose pid 1 is the launcher: when it ends, every process the command left behind ends with
  // it, so nothing keeps the namespace, and with it the tmpfs, alive. /proc is remounted to match.
  const namespaces = ['--mount', '--propagation', 'private', '--pid', '--fork', '--kill-child', '--mount-proc'];
  if (way === 'root') return [programs.unshare, ...namespaces, '--', ...launch];
  if (way === 'user-namespace') return [programs.unshare, '--user', '--map-root-user', ...namespaces, '--', ...launch];
  return [programs.sudo ?? 'sudo', '--non-interactive', '--', programs.unshare, ...namespaces, '--', ...launch];
}

/** What the launcher needs to know about the way: how to come back to the caller, overlay options, who owns output. */
export function wayDetails(way: WayIn, caller: Caller): Pick<LaunchPlan, 'drop' | 'overlayOptions' | 'owner'> {
  // In a user namespace the trusted.* xattrs are out of reach: overlayfs keeps its marks in user.overlay.* instead,
  // and then turns redirect_dir and metacopy off itself. As real root both are turned off by name: a renamed folder
  // is copied whole (EXDEV to the program, as `mv` handles), and a chmod copies the bytes up, so that the upper layer
  // always holds complete files.
  const overlayOptions = way === 'user-namespace' ? ',userxattr' : ',redirect_dir=off,metacopy=off';
  const drop: DropTo = way === 'root' ? { how: 'none' }
    : way === 'user-namespace' ? { how: 'user-namespace', uid: caller.uid, gid: caller.gid }
      : { how: 'setpriv', uid: caller.uid, gid: caller.gid, groups: caller.groups };
  return { drop, overlayOptions, owner: way === 'sudo' ? { uid: caller.uid, gid: caller.gid } : undefined };
}

/**
 * Tries each way for this caller until one mounts a tmpfs and an overlay and runs a command as the caller, in a
 * scratch folder of `workDir` (the run's spool). Returns every attempt, the working one last.
 */
export function probeWaysIn(programs: Programs, caller: Caller, workDir: string, env: NodeJS.ProcessEnv = process.env): Attempt[] {
  const attempts: Attempt[] = [];
  for (const way of waysFor(caller)) {
    const attempt = probeWay(way, programs, caller, workDir, env);
    attempts.push(attempt);
    if (attempt.ok) break;
  }
  return attempts;
}

// The probe does what the launcher will do first, as a shell script: no Node start-up (hundreds of ms on a busy
// machine) for an answer the kernel gives in a few.
const probeScript = [
  'set -e',
  'mount -t tmpfs -o mode=0700,size=1048576 memfs-kernel "$1"',
  'mkdir "$1/l" "$1/u" "$1/w"',
  'mount --bind "$2" "$1/l"',
  'mount -t overlay memfs-overlay -o "lowerdir=$1/l,upperdir=$1/u,workdir=$1/w$3" "$2"',
  'shift 3',
  '"$@" /bin/sh -c "exit 0" || { echo "the command could not be run back as the caller ($*)" >&2; exit 1; }',
].join('\n');

function probeWay(way: WayIn, programs: Programs, caller: Caller, workDir: string, env: NodeJS.ProcessEnv): Attempt {
  if (way === 'sudo' && programs.sudo === undefined) return { way, ok: false, reason: 'sudo is not installed' };
  const scratch = fs.mkdtempSync(path.join(workDir, `probe-${way}-`));
  const stagingDir = path.join(scratch, 'staging');
  const probeDir = path.join(scratch, 'root');
  fs.mkdirSync(stagingDir);
  fs.mkdirSync(probeDir);
  const details = wayDetails(way, caller);
  const drop = details.drop.how === 'none' ? []
    : details.drop.how === 'user-namespace' ? [programs.unshare, '--user', `--map-user=${details.drop.uid}`, `--map-group=${details.drop.gid}`, '--']
      : [programs.setpriv, `--reuid=${details.drop.uid}`, `--regid=${details.drop.gid}`, details.drop.groups.length > 0 ? `--groups=${details.drop.groups.join(',')}` : '--clear-groups', '--'];
  const argv = inNamespace(way, programs, ['/bin/sh', '-c', probeScript, 'probe', stagingDir, probeDir, details.overlayOptions, ...drop]);
  // mount(8) is found by the script through PATH: sudo's secure_path has it, and so does the caller's.
  const [program, ...args] = argv as [string, ...string[]];
  const result = spawnSync(program, args, { encoding: 'utf8', env: { ...env, PATH: `${path.dirname(programs.mount)}:${env.PATH ?? '/usr/bin:/bin'}` }, timeout: 20_000, stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error) return { way, ok: false, reason: `${path.basename(program)}: ${result.error.message}` };
  if (result.status === 0) return { way, ok: true };
  const said = `${result.stderr}`.trim().split('\n').filter(Boolean).slice(-1)[0] ?? `exit code ${result.status ?? result.signal}`;
  return { way, ok: false, reason: said };
}

/** The absolute path of a program on PATH, or undefined. */
export function findProgram(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dirs = [...(env.PATH ?? '').split(':').filter(Boolean), '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

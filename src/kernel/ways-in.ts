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
  // A pid namespace too, whose pid 1 is the launcher: when it ends, every process the command left behind ends with
  // it, so nothing keeps the namespace, and with it the tmpfs, alive. /proc is remounted to match.
  const namespaces = ['--mount', '--propagation', 'private', '--pid', '--fork', '--kill-child', '--mount-proc'];
  const launch = [programs.node, programs.launcher, planFile];
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

function probeWay(way: WayIn, programs: Programs, caller: Caller, workDir: string, env: NodeJS.ProcessEnv): Attempt {
  if (way === 'sudo' && programs.sudo === undefined) return { way, ok: false, reason: 'sudo is not installed' };
  const scratch = fs.mkdtempSync(path.join(workDir, `probe-${way}-`));
  const stagingDir = path.join(scratch, 'staging');
  const probeDir = path.join(scratch, 'root');
  fs.mkdirSync(stagingDir);
  fs.mkdirSync(probeDir);
  const plan: LaunchPlan = {
    mode: 'probe', stagingDir, sizeBytes: 1024 * 1024, roots: [], passThrough: [], ...wayDetails(way, caller),
    programs: { mount: programs.mount, unshare: programs.unshare, setpriv: programs.setpriv },
    command: [], cwd: probeDir, env: {}, captureDir: scratch, probeDir,
  };
  const planFile = path.join(scratch, 'plan.json');
  fs.writeFileSync(planFile, JSON.stringify(plan), { mode: 0o600 });
  const [program, ...args] = namespaceCommand(way, programs, planFile) as [string, ...string[]];
  const result = spawnSync(program, args, { encoding: 'utf8', env, timeout: 20_000, stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error) return { way, ok: false, reason: `${path.basename(program)}: ${result.error.message}` };
  if (result.status === 0) return { way, ok: true };
  const said = `${result.stderr}`.trim().split('\n').filter(Boolean).slice(-1)[0] ?? `exit code ${result.status ?? result.signal}`;
  return { way, ok: false, reason: said.replace(/^memfs-action \(kernel engine\): /, '') };
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

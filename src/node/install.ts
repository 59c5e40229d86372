// Patches the members of require('fs') and fs.promises in place, once, from the table in members.ts; copies each
// original's own properties (promisify symbols, .native, name, length); then syncs the ESM named exports.
import { fs, path } from '../platform/builtins.js';
import { syncBuiltinESMExports } from 'node:module';
import type { OverlayApi } from '../overlay/types.js';
import { context } from './context.js';
import { callbackFace, promiseFace, syncFace, untouchedFirstFace, type CallbackJob } from './faces.js';
import { routedFs, routedNative, routedPromises, type RoutedMember } from './members.js';
import { isWatched, notifyChange, type WatchEvent } from './watch.js';
import { enableLane, forgetLaneAnswers } from './untouched-lane.js';
import type { Router } from './path-router.js';

type AnyFunction = (...args: any[]) => any;

// Non-enumerable and shared by every copy of this module in the process (the preload may be bundled twice).
const installedMark = Symbol.for('memfs-action.node.installed');

export function copyOwnProperties(from: AnyFunction, to: AnyFunction): void {
  for (const key of Reflect.ownKeys(from)) {
    if (key === 'prototype') continue;
    const descriptor = Object.getOwnPropertyDescriptor(from, key)!;
    Object.defineProperty(to, key, descriptor);
  }
}

/** Which change each mutating member makes, for watch emulation: [event, path argument index]. */
const changes: Record<string, [WatchEvent, number, string][]> = {
  writeFile: [['change', 0, 'modify']], appendFile: [['change', 0, 'modify']], truncate: [['change', 0, 'modify']],
  copyFile: [['change', 1, 'modify']], cp: [['rename', 1, 'create']],
  mkdir: [['rename', 0, 'create']], rmdir: [['rename', 0, 'delete']], rm: [['rename', 0, 'delete']],
  unlink: [['rename', 0, 'delete']], rename: [['rename', 0, 'moved_from'], ['rename', 1, 'moved_to']],
  link: [['rename', 1, 'create']], symlink: [['rename', 1, 'create']],
  chmod: [['change', 0, 'attrib']], chown: [['change', 0, 'attrib']], lchown: [['change', 0, 'attrib']],
  utimes: [['change', 0, 'attrib']], lutimes: [['change', 0, 'attrib']],
};

/** readFileSync → readFile; a string test, not /Sync$/: this runs for every member at every start. */
function withoutSync(name: string): string {
  return name.endsWith('Sync') ? name.slice(0, -4) : name;
}

function changeNotes(name: string): ((args: any[], existedBefore: boolean[] | undefined) => void) | undefined {
  const base = withoutSync(name);
  const list = changes[base];
  if (!list) return undefined;
  const writesData = base === 'writeFile' || base === 'appendFile';
  return (args, existedBefore) => {
    // No watcher when the operation started: nothing to tell (a watcher made by the operation itself hears nothing,
    // as with inotify).
    if (existedBefore === undefined) return;
    list.forEach(([event, index, cause], i) => {
      const arg = args[index];
      if (typeof arg !== 'string') return;
      const abs = path.resolve(arg);
      if (event === 'change' && !existedBefore[i]) notifyChange('rename', abs, 'create');
      // inotify reports no modification for a write of nothing.
      const data = args[1] as { length?: number } | undefined;
      if (writesData && data != null && data.length === 0) return;
      notifyChange(event, abs, cause);
    });
  };
}

function existence(name: string, args: any[]): boolean[] | undefined {
  if (!isWatched()) return undefined;
  const list = changes[withoutSync(name)] ?? [];
  return list.map(([, index]) => typeof args[index] === 'string' && context.engine.exists(args[index]));
}

/** Wraps an implementation so that watchers hear about the change it made. */
function withNotes(name: string, member: RoutedMember): RoutedMember {
  const notes = changeNotes(name);
  if (!notes) return member;
  if (member.face === 'callback') {
    const prepare = member.impl as (args: any[]) => CallbackJob;
    return {
      ...member,
      impl: (args: any[]) => {
        const job = prepare(args);
        return {
          ...job,
          run: () => {
            const before = existence(name, args);
            const results = job.run();
            if (results instanceof Promise) return results.then((r) => (notes(args, before), r));
            notes(args, before);
            return results;
          },
        };
      },
    };
  }
  const impl = member.impl;
  return {
    ...member,
    impl: (...args: any[]) => {
      const before = existence(name, args);
      const result = impl(...args);
      if (result instanceof Promise) return result.then((r) => (notes(args, before), r));
      notes(args, before);
      return result;
    },
  };
}

/**
 * Members that change the disk's names when the call is not the overlay's: the router's answers that followed
 * symlinks on disk (disk-location.ts) may then be stale.
 */
const renamesOnDisk = new Set(['symlink', 'rename', 'unlink', 'rmdir', 'rm', 'cp']);

/** Node's own member, telling the router to forget what it knew of the disk's symlinks, before and once it is done. */
function forgettingSymlinks(original: AnyFunction): AnyFunction {
  return function (this: unknown, ...args: unknown[]) {
    forgetOnDisk();
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === 'function') {
      args[last] = function (this: unknown, ...results: unknown[]) {
        forgetOnDisk();
        return Reflect.apply(callback, this, results);
      };
    }
    const result = Reflect.apply(original, this, args);
    if (result instanceof Promise) result.then(forgetOnDisk, forgetOnDisk);
    else forgetOnDisk();
    return result;
  };
}

/** The router's answers that followed the disk's symlinks may be stale, and the lane's answers made of them. */
function forgetOnDisk(): void {
  context.router.forget();
  forgetLaneAnswers();
}

/** A face, still named `face` and of its own length: the caller copies the original's name and length onto it. */
function buildFace(name: string, nodeOriginal: AnyFunction, member: RoutedMember): AnyFunction {
  const original = renamesOnDisk.has(withoutSync(name)) ? forgettingSymlinks(nodeOriginal) : nodeOriginal;
  const routed = withNotes(name, member);
  switch (routed.face) {
    case 'sync':
      if (routed.onDisk !== undefined) return untouchedFirstFace(original, routed.owns, routed.impl, routed.onDisk);
      return syncFace(original, routed.owns, routed.impl);
    case 'callback':
      return callbackFace(original, routed.owns, routed.impl as (args: any[]) => CallbackJob);
    case 'promise':
      return promiseFace(original, routed.owns, routed.impl);
  }
}

/** A member's function; an accessor (v20's lazy opendir/opendirSync) is read, which loads the member. */
function currentValue(target: object, key: string, descriptor = Object.getOwnPropertyDescriptor(target, key)): AnyFunction | undefined {
  if (!descriptor) return undefined;
  const value = 'value' in descriptor ? descriptor.value : descriptor.get?.call(target);
  return typeof value === 'function' ? value : undefined;
}

function patchMember(target: object, key: string, member: RoutedMember, originalKey: string): AnyFunction | undefined {
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  const original = currentValue(target, key, descriptor);
  if (!original) return undefined; // not on this Node version
  context.originals[originalKey] = original;
  const face = buildFace(key, original, member);
  copyOwnProperties(original, face);
  context.faces.add(face);
  // A plain assignment where it keeps the attributes (most members), cheaper at every start than defineProperty;
  // accessors become plain data properties holding the face.
  if (descriptor!.writable && descriptor!.configurable) (target as Record<string, unknown>)[key] = face;
  else Object.defineProperty(target, key, { value: face, writable: true, enumerable: descriptor!.enumerable ?? true, configurable: true });
  return face;
}

export interface InstallOptions {
  /**
   * Patch fs.promises when it is first reached instead of now. Loading Node's fs.promises costs every process about
   * 2 ms (it pulls in readline and the watchers), and many processes of a test run (npm, a runner's CommonJS parent)
   * never use it. Safe only where every way to reach it can be intercepted: the fs.promises getter, and
   * process.getBuiltinModule, here; require and import of fs/promises by the module hooks (modules.ts), which exist
   * from Node 22.15 on. Without them, fs/promises imported from ESM would be the unpatched object.
   */
  deferPromises?: boolean;
  /**
   * The engine and the router stay for the life of the process, the router's answers changing only when it is told to
   * forget: statSync, existsSync, readFileSync(p, 'utf8') and require may then remember per path where an untouched
   * path leads (untouched-lane.ts).
   */
  untouchedLane?: boolean;
}

let promisesPatched = false;

/** Patches fs.promises now if it is not yet; the module hooks call this before fs/promises is resolved. */
export function patchFsPromises(): void {
  if (promisesPatched) return;
  patchPromiseMembers();
  // ES modules that imported from node:fs before this moment see the patched members from now on.
  syncBuiltinESMExports();
}

function patchPromiseMembers(): void {
  promisesPatched = true;
  const fsp = nodePromises!();
  // Captured before the promise members are patched: FileHandle's class comes from a real handle opened by Node's own
  // open (filehandle.ts).
  for (const key of routedPromises.keys()) {
    const original = currentValue(fsp, key);
    if (original) context.originals[`promises.${key}`] = original;
  }
  for (const [key, member] of routedPromises) patchMember(fsp, key, member, `promises.${key}`);
}

/** Node's own getter of fs.promises, which loads them on first use. */
let nodePromises: (() => typeof fs.promises) | undefined;

function deferPromises(): void {
  const descriptor = Object.getOwnPropertyDescriptor(fs, 'promises')!;
  const get = descriptor.get;
  if (get === undefined) return patchPromiseMembers(); // already a plain value: nothing left to save
  Object.defineProperty(fs, 'promises', {
    ...descriptor,
    get: function promises() {
      patchFsPromises();
      return get.call(fs);
    },
  });
  const processWithBuiltins = process as { getBuiltinModule?: (id: string) => unknown };
  const getBuiltinModule = processWithBuiltins.getBuiltinModule;
  if (typeof getBuiltinModule !== 'function') return;
  const wrapped = {
    getBuiltinModule(id: string): unknown {
      if (id === 'fs/promises' || id === 'node:fs/promises') patchFsPromises();
      return Reflect.apply(getBuiltinModule, process, [id]);
    },
  }.getBuiltinModule;
  copyOwnProperties(getBuiltinModule, wrapped);
  Object.defineProperty(process, 'getBuiltinModule', { ...Object.getOwnPropertyDescriptor(process, 'getBuiltinModule'), value: wrapped });
}

export function installFs(engine: OverlayApi, router: Router, o: InstallOptions = {}): void {
  const marked = fs as unknown as Record<symbol, boolean>;
  if (marked[installedMark]) return;
  Object.defineProperty(fs, installedMark, { value: true, enumerable: false });
  context.engine = engine;
  context.router = router;
  const promisesGetter = Object.getOwnPropertyDescriptor(fs, 'promises')?.get;
  nodePromises = promisesGetter ? () => promisesGetter.call(fs) : () => fs.promises;

  for (const [key, member] of routedFs) {
    const face = patchMember(fs, key, member, key);
    if (face && key in routedNative) {
      const nativeOriginal = (context.originals[key] as unknown as { native?: AnyFunction }).native;
      if (nativeOriginal) {
        const nativeMember = routedNative[key as keyof typeof routedNative];
        const nativeFace = buildFace(key, nativeOriginal, nativeMember);
        copyOwnProperties(nativeOriginal, nativeFace);
        Object.defineProperty(face, 'native', { value: nativeFace, writable: true, enumerable: true, configurable: true });
      }
    }
  }
  if (o.untouchedLane) enableLane();
  if (o.deferPromises) deferPromises();
  else patchPromiseMembers();

  syncBuiltinESMExports();
}

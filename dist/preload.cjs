"use strict";

// src/preload/loader.ts
var import_node_fs = require("node:fs");
var import_node_vm = require("node:vm");

// src/platform/without-trailing-slashes.ts
function withoutTrailingSlashes(text) {
  let end = text.length;
  while (end > 1 && text.charCodeAt(end - 1) === 47) end--;
  return end === text.length ? text : text.slice(0, end);
}

// src/preload/loader.ts
var disk = { closeSync: import_node_fs.closeSync, fstatSync: import_node_fs.fstatSync, mkdirSync: import_node_fs.mkdirSync, openSync: import_node_fs.openSync, readdirSync: import_node_fs.readdirSync, readFileSync: import_node_fs.readFileSync, renameSync: import_node_fs.renameSync, statSync: import_node_fs.statSync, unlinkSync: import_node_fs.unlinkSync, writeSync: import_node_fs.writeSync };
var bundleFile = `${__dirname}/preload-bundle.cjs`;
var unusedFor = 30 * 24 * 3600 * 1e3;
function fnv1a(text) {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return (hash >>> 0).toString(16).padStart(8, "0");
}
function absolute(value) {
  const trimmed = value?.trim();
  return trimmed?.startsWith("/") ? withoutTrailingSlashes(trimmed) : void 0;
}
function cacheFolders(env) {
  const chosen = env.MEMFS_CODE_CACHE?.trim();
  if (chosen) {
    if (["0", "false", "off", "no"].includes(chosen.toLowerCase())) return [];
    const folder = absolute(chosen);
    return folder === void 0 ? [] : [folder];
  }
  const folders = [];
  const home = absolute(env.HOME);
  const userCache = absolute(env.XDG_CACHE_HOME) ?? (home === void 0 ? void 0 : `${home === "/" ? "" : home}/.cache`);
  if (userCache !== void 0) folders.push(`${userCache === "/" ? "" : userCache}/memfs-action`);
  const spool = absolute(env.MEMFS_SPOOL);
  if (spool !== void 0) folders.push(spool);
  return folders;
}
function cacheName() {
  const options = fnv1a(`${process.execArgv.join("\0")}
${process.env.NODE_OPTIONS ?? ""}`);
  return `preload-${"28e1ebdcedafd1a4"}-${process.version}-${process.arch}-${options}.v8cache`;
}
function readCache(file) {
  let fd;
  try {
    fd = disk.openSync(file, "r");
    const stat = disk.fstatSync(fd);
    const owner = stat.uid === 0 || stat.uid === process.getuid?.();
    if (!owner || (stat.mode & 18) !== 0) return void 0;
    return disk.readFileSync(fd);
  } catch {
    return void 0;
  } finally {
    if (fd !== void 0) disk.closeSync(fd);
  }
}
function writeCache(folders, name, script) {
  const data = script.createCachedData();
  for (const folder of folders) {
    try {
      disk.mkdirSync(folder, { recursive: true, mode: 448 });
      const temporary = `${folder}/${name}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
      const fd = disk.openSync(temporary, "wx", 420);
      try {
        for (let done = 0; done < data.length; ) done += disk.writeSync(fd, data, done);
      } finally {
        disk.closeSync(fd);
      }
      disk.renameSync(temporary, `${folder}/${name}`);
      removeUnused(folder);
      return;
    } catch {
    }
  }
}
function removeUnused(folder) {
  const now = Date.now();
  for (const entry of disk.readdirSync(folder)) {
    if (!entry.startsWith("preload-") || !(entry.endsWith(".v8cache") || entry.endsWith(".tmp"))) continue;
    try {
      const file = `${folder}/${entry}`;
      if (now - disk.statSync(file).mtimeMs > (entry.endsWith(".tmp") ? 3600 * 1e3 : unusedFor)) disk.unlinkSync(file);
    } catch {
    }
  }
}
function load() {
  const source = disk.readFileSync(bundleFile, "utf8");
  const folders = source.length === 239467 ? cacheFolders(process.env) : [];
  const name = cacheName();
  let cachedData;
  for (const folder of folders) if (cachedData = readCache(`${folder}/${name}`)) break;
  const script = new import_node_vm.Script(source, { filename: bundleFile, cachedData });
  const run = script.runInThisContext();
  const bundleModule = { exports: {} };
  run.call(bundleModule.exports, bundleModule.exports, require, bundleModule, bundleFile, __dirname);
  if (folders.length > 0 && (cachedData === void 0 || script.cachedDataRejected === true)) writeCache(folders, name, script);
}
load();

"use strict";

// src/preload/loader.ts
var import_node_fs = require("node:fs");
var import_node_vm = require("node:vm");
var disk = { closeSync: import_node_fs.closeSync, fstatSync: import_node_fs.fstatSync, openSync: import_node_fs.openSync, readFileSync: import_node_fs.readFileSync, renameSync: import_node_fs.renameSync, writeFileSync: import_node_fs.writeFileSync };
var bundleFile = `${__dirname}/preload-bundle.cjs`;
function fnv1a(text) {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return (hash >>> 0).toString(16).padStart(8, "0");
}
function cacheFile() {
  const spool = process.env.MEMFS_SPOOL?.trim();
  if (!spool?.startsWith("/")) return void 0;
  const options = fnv1a(`${process.execArgv.join("\0")}
${process.env.NODE_OPTIONS ?? ""}`);
  return `${spool.replace(/\/+$/, "")}/preload-${"b420f5b9694c68a1"}-${process.version}-${process.arch}-${options}.v8cache`;
}
function readCache(file) {
  if (file === void 0) return void 0;
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
function writeCache(file, script) {
  try {
    const temporary = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
    disk.writeFileSync(temporary, script.createCachedData(), { mode: 420, flag: "wx" });
    disk.renameSync(temporary, file);
  } catch {
  }
}
function load() {
  const source = disk.readFileSync(bundleFile, "utf8");
  const file = source.length === 314684 ? cacheFile() : void 0;
  const cachedData = readCache(file);
  const script = new import_node_vm.Script(source, {
    filename: bundleFile,
    cachedData
  });
  const run = script.runInThisContext();
  const bundleModule = { exports: {} };
  run.call(bundleModule.exports, bundleModule.exports, require, bundleModule, bundleFile, __dirname);
  if (file !== void 0 && (cachedData === void 0 || script.cachedDataRejected === true)) writeCache(file, script);
}
load();

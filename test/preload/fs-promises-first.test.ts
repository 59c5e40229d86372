// Where the module hooks exist (Node ≥ 22.15), the preload patches fs.promises only when a process first reaches it
// (install.ts says why). Whatever way a program reaches it first, it must get the patched object: a write through it
// lands in memory, never on the disk.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeBinaries } from '../support/node-versions.js';
import { buildPreload, nodeOptionsWith } from './preload-bundle.js';

let preload: string;
let base: string;
beforeAll(async () => {
  preload = await buildPreload();
  base = realpathSync(mkdtempSync(path.join(tmpdir(), 'memfs-promises-first-')));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Each program reaches fs.promises its own way first, writes written.txt through it, and reads it back with fs. */
const firstReach: Record<string, { args: string[] }> = {
  'require("fs/promises")': { args: ['-e', 'require("fs/promises").writeFile("written.txt", "x").then(() => process.stdout.write(require("fs").readFileSync("written.txt", "utf8")))'] },
  'require("node:fs/promises")': { args: ['-e', 'require("node:fs/promises").writeFile("written.txt", "x").then(() => process.stdout.write(require("fs").readFileSync("written.txt", "utf8")))'] },
  'require("fs").promises': { args: ['-e', 'require("fs").promises.writeFile("written.txt", "x").then(() => process.stdout.write(require("fs").readFileSync("written.txt", "utf8")))'] },
  'process.getBuiltinModule("fs/promises")': { args: ['-e', 'process.getBuiltinModule("fs/promises").writeFile("written.txt", "x").then(() => process.stdout.write(require("fs").readFileSync("written.txt", "utf8")))'] },
  'import from "node:fs/promises"': { args: ['--input-type=module', '-e', 'import { writeFile } from "node:fs/promises"; import { readFileSync } from "node:fs"; await writeFile("written.txt", "x"); process.stdout.write(readFileSync("written.txt", "utf8"))'] },
  'import("fs/promises")': { args: ['-e', 'import("fs/promises").then((m) => m.writeFile("written.txt", "x")).then(() => process.stdout.write(require("fs").readFileSync("written.txt", "utf8")))'] },
  'import { promises } from "node:fs"': { args: ['--input-type=module', '-e', 'import { promises, readFileSync } from "node:fs"; await promises.writeFile("written.txt", "x"); process.stdout.write(readFileSync("written.txt", "utf8"))'] },
};

let boxes = 0;
describe.each(nodeBinaries())('fs.promises reached first on Node $major', ({ path: node }) => {
  it.each(Object.keys(firstReach))('through %s, writes in memory', (way) => {
    const work = path.join(base, `w${++boxes}`);
    const tmp = `${work}-tmp`;
    for (const dir of [work, tmp]) mkdirSync(dir, { recursive: true });
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, TMPDIR: tmp, NODE_OPTIONS: nodeOptionsWith(preload) };
    const r = spawnSync(node, firstReach[way]!.args, { cwd: work, env, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('x');
    expect(existsSync(path.join(work, 'written.txt'))).toBe(false);
  });
});


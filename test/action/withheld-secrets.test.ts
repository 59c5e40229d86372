import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { environmentBlock } from '../../src/action/withheld-secrets.js';

const moduleUrl = new URL('../../src/action/withheld-secrets.ts', import.meta.url).href;
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('environmentBlock', () => {
  it('counts the fields after the last ")", whatever the command name holds', () => {
    const tail = Array.from({ length: 52 - 2 }, (_, i) => String(i + 3)); // fields 3..52 hold their own numbers
    tail[50 - 3] = '140737488347000';
    tail[51 - 3] = '140737488351000';
    expect(environmentBlock(`4242 (a) b (c) d) ${tail.join(' ')}\n`)).toEqual({ envStart: 140737488347000, envEnd: 140737488351000 });
  });

  it('refuses a stat line without an environment block, rather than write anywhere', () => {
    expect(() => environmentBlock('4242 (node) S 1 2 3')).toThrow(/gives no environment block/);
  });
});

/**
 * A node process that withholds SECRET_TOKEN, then starts a child that reads its parent's /proc/<pid>/environ, as a
 * test would read the action's; it prints what the child saw and what process.env holds before and after restore().
 */
function withholdInAChild(): { seenByChild: boolean; envBefore: string | null; envAfter: string | null; outcome: unknown } {
  const script = `
    const { withholdSecrets } = await import(${JSON.stringify(moduleUrl)});
    const { execFileSync } = await import('node:child_process');
    const secrets = withholdSecrets(['SECRET_TOKEN', 'ABSENT_TOKEN']);
    const seen = execFileSync(process.execPath, ['-e', 'process.stdout.write(require("fs").readFileSync("/proc/" + process.ppid + "/environ", "latin1"))'], { env: { PATH: process.env.PATH } });
    const envBefore = process.env.SECRET_TOKEN ?? null;
    secrets.restore();
    console.log(JSON.stringify({ seenByChild: seen.includes('tok-3f9a1c'), envBefore, envAfter: process.env.SECRET_TOKEN ?? null, outcome: secrets.outcome }));
  `;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: repo, encoding: 'utf8', env: { PATH: process.env.PATH, SECRET_TOKEN: 'tok-3f9a1c', KEPT: 'yes' },
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!);
}

describe.runIf(process.platform === 'linux')('withholdSecrets on Linux', () => {
  it("erases the value from the process's initial environment, where a descendant could read it, and restores it on demand", () => {
    const r = withholdInAChild();
    expect(r.outcome).toEqual({ scrubbed: true });
    expect(r.seenByChild).toBe(false);
    expect(r.envBefore).toBeNull();
    expect(r.envAfter).toBe('tok-3f9a1c');
  });
});

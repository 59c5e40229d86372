// Runs the test children with `node --import tsx` on a given Node binary.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const support = path.join(repo, 'test/node/support');

export interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runChild(nodePath: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ChildResult> {
  return new Promise((resolve) => {
    execFile(nodePath, ['--import', 'tsx', ...args], { cwd: options.cwd ?? repo, env: options.env ?? process.env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

export function parseJson(result: ChildResult): any {
  try {
    return JSON.parse(result.stdout);
  } catch {
    throw new Error(`child printed no JSON (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  }
}

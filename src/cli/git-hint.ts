// A hint, never a failure: an export inside a git work tree that git does not ignore is one `git add .` away from
// being committed. Asks git itself when it is installed (it knows every .gitignore, info/exclude and global rule);
// without git, looks for a .git above and a .gitignore line naming the folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The sentence to print, or undefined when the folder is ignored, outside any repository, or git cannot tell. */
export function gitIgnoreHint(exportDir: string): string | undefined {
  const repository = enclosingRepository(exportDir);
  if (repository === undefined) return undefined;
  const relative = path.relative(repository, exportDir).split(path.sep).join('/');
  if (relative === '' || relative.startsWith('..')) return undefined;
  if (isIgnored(repository, relative)) return undefined;
  return `${relative}/ is inside the git repository ${repository} and not ignored: add the line "/${relative}/" to ${path.join(repository, '.gitignore')} so that it is not committed.`;
}

function enclosingRepository(folder: string): string | undefined {
  for (let dir = path.dirname(folder); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir; // a folder, or a file in a worktree or submodule
    if (dir === path.dirname(dir)) return undefined;
  }
}

function isIgnored(repository: string, relative: string): boolean {
  const git = spawnSync('git', ['check-ignore', '-q', '--', `${relative}/`], { cwd: repository, stdio: 'ignore', timeout: 5000 });
  if (git.status === 0) return true;
  if (git.status === 1) return false;
  // No git, or it could not answer: the repository's own .gitignore, read plainly.
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(repository, '.gitignore'), 'utf8').split(/\r?\n/);
  } catch {
    return false;
  }
  const wanted = relative.replace(/\/+$/, '');
  return lines.some((line) => {
    const trimmed = line.trim().replace(/\/+$/, '');
    const anchored = trimmed.includes('/'); // "a/b" or "/b" names a path from the repository; "b" a name at any depth
    const name = trimmed.replace(/^\//, '');
    return name === wanted || (!anchored && name === path.posix.basename(wanted));
  });
}

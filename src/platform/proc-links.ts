// /proc's links that name this process's own state, which the overlay may hold differently from the kernel.

/**
 * `/proc/<this pid>/cwd` (also reached as /proc/self/cwd and /proc/thread-self/cwd) is the kernel's working directory,
 * which waits at a disk ancestor while the process is inside a folder that only the overlay has (working-directory.ts):
 * the process's own `cwd()` is the truth then.
 */
export function ownWorkingDirectoryLink(realPath: string, cwd: () => string): string | undefined {
  if (!realPath.startsWith('/proc/') || !realPath.endsWith('/cwd')) return undefined;
  const match = /^\/proc\/(\d+)(?:\/task\/\d+)?\/cwd$/.exec(realPath);
  return match && Number(match[1]) === process.pid ? cwd() : undefined;
}

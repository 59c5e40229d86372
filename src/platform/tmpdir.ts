// os.tmpdir() as Node 20–26 compute it on Linux and macOS (the platforms this tool runs on), without loading `os`:
// the preload needs only this of it, and loading os costs every process of the user's run 0.2–0.4 ms at start-up.
export function tmpdir(): string {
  const dir = process.env.TMPDIR || process.env.TMP || process.env.TEMP || '/tmp';
  return dir.length > 1 && dir.endsWith('/') ? dir.slice(0, -1) : dir;
}

// NODE_OPTIONS with the preload in front: how the front ends start the command, and how the preload hands itself on
// to a child whose environment lost it (reach.ts). One place, so that both quote the path the same way.

/** The preload goes first so that it patches fs before any other --require; what the user had is kept after it. */
export function withPreload(preloadPath: string, existing: string | undefined): string {
  const require = `--require ${quoteForNodeOptions(preloadPath)}`;
  const theirs = existing?.trim();
  return theirs ? `${require} ${theirs}` : require;
}

/** NODE_OPTIONS splits on spaces and understands double quotes with backslash escapes. */
export function quoteForNodeOptions(value: string): string {
  return /[\s"\\]/.test(value) ? `"${value.replace(/["\\]/g, '\\$&')}"` : value;
}

/**
 * Whether `nodeOptions` already loads the preload. The path itself, not the whole option: the front ends quote it only
 * when they must, a user's script or a test may quote it always. (A path with quotes or backslashes, escaped inside
 * NODE_OPTIONS, is not found: the preload is then required twice, and its second copy does nothing.)
 */
export function loadsPreload(nodeOptions: string | undefined, preloadPath: string): boolean {
  return nodeOptions !== undefined && nodeOptions.includes(preloadPath);
}

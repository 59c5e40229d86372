/** Writes `outfile` (preload.cjs) and preload-bundle.cjs beside it; `repo` is the repository's root. */
export function buildPreloadFile(repo: string, outfile: string): Promise<void>;

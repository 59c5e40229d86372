// What a path must contain for a pass-through glob to match it: the literal runs of the glob, outside every wildcard
// and group. Most paths a test run asks about (its modules, its fixtures) contain none of the defaults' names
// (node_modules, coverage, junit…): the router then answers without loading and compiling picomatch (≈ 3 ms in every
// process, half the preload's own cost of loading 400 modules) and without running its expressions on every new path.
// Conservative by construction: a character that is not plainly literal ends a run, a group is skipped whole, and a
// glob this reading cannot take apart says "may match", so that picomatch decides.

/** Characters kept in a literal run; anything else may mean something to picomatch. */
function isPlain(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
    || code === 47 /* / */ || code === 46 /* . */ || code === 45 /* - */ || code === 95 /* _ */;
}

/** Groups skipped whole; a bracket class ends the reading instead (runsOf). */
const CLOSING: Record<string, string> = { '(': ')', '{': '}' };

/** Where the group opened at `start` ends (its closing character), nested groups counted; -1 if it does not. */
function groupEnd(glob: string, start: number): number {
  const stack = [CLOSING[glob[start]!]!];
  for (let i = start + 1; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '\\') i++;
    else if (char in CLOSING) stack.push(CLOSING[char]!);
    else if (char === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return i;
    }
  }
  return -1;
}

/** `{a,b*,c}` alternatives made of plain characters and wildcards only: each one as its own glob. */
function simpleAlternatives(body: string): string[] | undefined {
  if (body.includes('..')) return undefined; // a range ({1..3})
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    if (!isPlain(code) && code !== 44 /* , */ && code !== 42 /* * */ && code !== 63 /* ? */) return undefined;
  }
  return body.split(',');
}

/** The literal runs of a glob with no simple braces left: each must be a substring of any path it matches. */
function runsOf(glob: string): string[] {
  const runs: string[] = [];
  let run = '';
  const end = (): void => {
    if (run !== '') runs.push(run);
    run = '';
  };
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*' && glob[i + 1] === '*') {
      // A globstar may match no folder at all ("a/**/b" matches "a/b", "a/**" matches "a"): the slashes around it
      // are not necessary.
      if (run.endsWith('/')) run = run.slice(0, -1);
      end();
      while (glob[i + 1] === '*') i++;
      if (glob[i + 1] === '/') i++;
    } else if (char === '[') {
      // A bracket class has rules of its own (a leading `]` is a member, POSIX classes nest brackets): nothing from
      // here on is counted on.
      end();
      return runs;
    } else if (char in CLOSING) {
      end();
      const close = groupEnd(glob, i);
      if (close === -1) return runs; // unbalanced: nothing after it is counted on
      i = close;
    } else if (char === '\\') {
      end();
      i++; // the escaped character is literal, but it is simpler to count on nothing there
    } else if (isPlain(glob.charCodeAt(i))) run += char;
    else end();
  }
  // A trailing slash in a glob is no character a normalised path ends with.
  if (run.endsWith('/')) run = run.slice(0, -1);
  end();
  return runs;
}

/** The globs `glob` stands for once its first simple brace group is expanded, repeatedly; at most `limit` of them. */
function expandBraces(glob: string, limit: number): string[] | undefined {
  if (glob.includes('[')) return [glob]; // a brace may be a bracket class's member: runsOf stops at the class anyway
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '\\') {
      i++;
      continue;
    }
    if (char !== '{') continue;
    const close = groupEnd(glob, i);
    if (close === -1) return [glob];
    const alternatives = simpleAlternatives(glob.slice(i + 1, close));
    if (alternatives === undefined) {
      i = close; // a group runsOf skips whole
      continue;
    }
    const out: string[] = [];
    for (const alternative of alternatives) {
      const expanded = expandBraces(glob.slice(0, i) + alternative + glob.slice(close + 1), limit - out.length);
      if (expanded === undefined) return undefined;
      out.push(...expanded);
      if (out.length > limit) return undefined;
    }
    return out;
  }
  return [glob];
}

/**
 * For each glob, the lists of literals a matching path must contain (one list per brace alternative); undefined
 * when some glob cannot be read so (a negation, too many alternatives): every path may then match.
 */
export function necessaryLiterals(globs: readonly string[]): string[][] | undefined {
  const out: string[][] = [];
  for (const glob of globs) {
    if (glob.startsWith('!')) return undefined;
    const alternatives = expandBraces(glob, 64);
    if (alternatives === undefined) return undefined;
    // Last run first: it is the glob's most particular name (node_modules, .xml), and the first, the root every
    // path of the run holds, would be read in full for nothing.
    for (const alternative of alternatives) out.push(runsOf(alternative).reverse());
  }
  // A glob and its `/**` twin (path-router.ts) mostly read the same: each list once.
  const seen = new Set<string>();
  return out.filter((runs) => {
    const key = runs.join('\0');
    return !seen.has(key) && seen.add(key) !== undefined;
  });
}

/** Whether some glob's literals are all in `path`: only then can picomatch's answer be yes. */
export function mayMatch(literals: readonly string[][], path: string): boolean {
  outer: for (const runs of literals) {
    for (const run of runs) if (!path.includes(run)) continue outer;
    return true;
  }
  return false;
}

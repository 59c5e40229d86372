// Long sentences (warnings, command lines) are wrapped or folded, never cut in the middle of a word: a warning says
// what was lost and what to do, and every word of it counts.

/**
 * Lines of at most `width` characters, broken at spaces; a word longer than the width (a path) gets a line of its
 * own, whole. Every line after the first starts with `indent`.
 */
export function wrapWords(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    const limit = lines.length === 0 ? width : width - indent.length;
    if (Array.from(candidate).length <= limit || line === '') line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : indent + l));
}

/**
 * A text kept under `max` characters by dropping whole sentences from its end (or, in one long sentence, whole words),
 * saying where the rest is. Texts under the limit, nearly all, come back as they are.
 */
export function foldText(text: string, max: number, rest = 'the whole text is in manifest.json'): string {
  if (text.length <= max) return text;
  const marker = ` … (${rest})`;
  const budget = Math.max(0, max - marker.length);
  const head = text.slice(0, budget + 1);
  const sentenceEnd = Math.max(head.lastIndexOf('. '), head.lastIndexOf('; '), head.lastIndexOf(': '));
  const wordEnd = head.lastIndexOf(' ');
  const cut = sentenceEnd > budget / 2 ? sentenceEnd + 1 : wordEnd > 0 ? wordEnd : budget;
  return `${text.slice(0, cut).trimEnd()}${marker}`;
}

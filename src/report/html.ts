// core.summary escapes nothing: every piece of text that reaches the job summary goes through here first.

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  // Control characters (a file name may hold any byte but / and NUL) are shown as \xNN rather than passed on.
  return text.replace(/[&<>"']/g, (c) => entities[c] ?? c).replace(/[\u0000-\u001f\u007f]/g, hexEscape);
}

export function hexEscape(c: string): string {
  return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

/** Cut a long text (a command line, a path) in the middle so both ends stay readable; applied before escaping. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const codePoints = Array.from(text); // never split a surrogate pair
  if (codePoints.length <= max) return text;
  const keep = Math.max(1, Math.floor((max - 1) / 2));
  return `${codePoints.slice(0, keep).join('')}…${codePoints.slice(codePoints.length - keep).join('')}`;
}

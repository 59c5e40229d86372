// core.summary escapes nothing: every piece of text that reaches the job summary goes through here first.
import { showInvisible } from './visible.js';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  // A file name may hold any byte but / and NUL: control characters, invisible and direction-changing characters,
  // and bytes that are not UTF-8 (which would reach the page as U+FFFD) are shown as escapes instead (visible.ts).
  return showInvisible(text.replace(/[&<>"']/g, (c) => entities[c] ?? c));
}

/** Cut a long text (a command line, a path) in the middle so both ends stay readable; applied before escaping. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const codePoints = Array.from(text); // never split a surrogate pair
  if (codePoints.length <= max) return text;
  const keep = Math.max(1, Math.floor((max - 1) / 2));
  return `${codePoints.slice(0, keep).join('')}…${codePoints.slice(codePoints.length - keep).join('')}`;
}

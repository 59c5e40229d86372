// Text from the run (file names, commands, gap details) shown to people must show every character it holds: a
// character that is invisible, moves the cursor or changes the direction of the text around it could make one
// name look like another (U+202E turns "txt.exe" around) or hide part of a line. Each is written as an escape.

/**
 * Control characters (C0, DEL, C1), format characters (bidi overrides and isolates, zero-width spaces and joiners,
 * the soft hyphen, the BOM, tag characters), line and paragraph separators, every space but U+0020, the combining
 * grapheme joiner and the Hangul fillers (letters that draw nothing), and lone surrogates.
 */
const invisible = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Zs}\p{Cs}\u034f\u115f\u1160\u3164\uffa0]/gu;

/**
 * C0 controls and DEL as \xNN of their code (as a terminal shows them), a byte of a name that is not UTF-8 (the lone
 * surrogates U+DC80–U+DCFF the engine holds them as) as \xNN of that byte, anything else as \u{XXXX}.
 */
export function escapeCharacter(char: string): string {
  const code = char.codePointAt(0)!;
  if (code < 0x80) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code >= 0xdc80 && code <= 0xdcff) return `\\x${(code - 0xdc00).toString(16).padStart(2, '0')}`;
  return `\\u{${code.toString(16).toUpperCase().padStart(4, '0')}}`;
}

export function showInvisible(text: string): string {
  return text.replace(invisible, (char) => (char === ' ' ? char : escapeCharacter(char)));
}

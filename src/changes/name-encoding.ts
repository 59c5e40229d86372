// File names in the export must survive the artifact zip and the systems people open it on. The artifact service
// rejects " : < > | * ? \r \n in paths, Windows rejects them and control characters when unzipping, and a backslash
// becomes a separator there. Each such character, and the escape character % itself (so decoding is exact), is
// written as %XX (two upper-case hex digits of its code point). Every other character, non-ASCII included, stays.
// A name whose bytes are not UTF-8 holds each such byte as a lone surrogate U+DC80–U+DCFF (src/overlay/name-bytes.ts),
// which no zip entry can hold: it is written as %XX of that byte (%80–%FF, which no character above produces).
// The manifest keeps the real path; this only names the exported copy.

// With the u flag a surrogate pair is one code point, so only a lone surrogate matches U+DC80–U+DCFF.
const mustEncode = /[%":<>|*?\\\x00-\x1f\x7f\u{dc80}-\u{dcff}]/gu;
const escapedByte = 0xdc00;

/** The byte an escape U+DC80–U+DCFF stands for, else the character's own code. */
function byteOrCode(char: string): number {
  const code = char.charCodeAt(0);
  return code >= 0xdc80 && code <= 0xdcff ? code - escapedByte : code;
}

export function encodeNameSegment(segment: string): string {
  // No file is named . or ..: such a segment comes from a forged path, and must stay a name, not a step up.
  if (segment === '.' || segment === '..') return segment.replaceAll('.', '%2E');
  return segment.replace(mustEncode, (char) => '%' + byteOrCode(char).toString(16).toUpperCase().padStart(2, '0'));
}

export function decodeNameSegment(encoded: string): string {
  return encoded.replace(/%([0-9A-F]{2})/g, (_match, hex: string) => {
    const code = parseInt(hex, 16);
    return String.fromCharCode(code >= 0x80 ? escapedByte + code : code);
  });
}

/** A POSIX relative path, segment by segment (the separators stay separators). */
export function encodeRelativePath(relativePath: string): string {
  return relativePath.split('/').map(encodeNameSegment).join('/');
}

export function decodeRelativePath(encoded: string): string {
  return encoded.split('/').map(decodeNameSegment).join('/');
}

/**
 * How text meant for people (the summaries, the terminal) shows a character it must not pass on: a control character
 * as \xNN of its code, a byte that is not UTF-8 (U+DC80–U+DCFF) as \xNN of that byte.
 */
export function hexEscape(char: string): string {
  return `\\x${byteOrCode(char).toString(16).padStart(2, '0')}`;
}

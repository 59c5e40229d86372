// File names in the export must survive the artifact zip and the systems people open it on. The artifact service
// rejects " : < > | * ? \r \n in paths, Windows rejects them and control characters when unzipping, and a backslash
// becomes a separator there. Each such character, and the escape character % itself (so decoding is exact), is
// written as %XX (two upper-case hex digits of its code point). Every other character, non-ASCII included, stays.
// The manifest keeps the real path; this only names the exported copy.

const mustEncode = /[%":<>|*?\\\x00-\x1f\x7f]/g;

export function encodeNameSegment(segment: string): string {
  return segment.replace(mustEncode, (char) => '%' + char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

export function decodeNameSegment(encoded: string): string {
  return encoded.replace(/%([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A POSIX relative path, segment by segment (the separators stay separators). */
export function encodeRelativePath(relativePath: string): string {
  return relativePath.split('/').map(encodeNameSegment).join('/');
}

export function decodeRelativePath(encoded: string): string {
  return encoded.split('/').map(decodeNameSegment).join('/');
}

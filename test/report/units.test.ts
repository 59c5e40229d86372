import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration } from '../../src/report/units.js';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.0 KiB'],
    [10_188, '9.9 KiB'],
    [10_200, '10 KiB'],
    [1536, '1.5 KiB'],
    [1_048_570, '1.0 MiB'],
    [1_048_576, '1.0 MiB'],
    [1024 ** 3 - 1, '1.0 GiB'],
    [5 * 1024 ** 4, '5.0 TiB'],
    [2048 * 1024 ** 4, '2048 TiB'],
  ])('shows %i bytes as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 ms'],
    [999.4, '999 ms'],
    [999.6, '1.0 s'],
    [3250, '3.3 s'],
    [59_940, '59.9 s'],
    [59_960, '1 min 0 s'],
    [59_999, '1 min 0 s'],
    [61_000, '1 min 1 s'],
    [599_600, '10 min 0 s'],
    [3_599_600, '1 h 0 min'],
    [3_661_000, '1 h 1 min'],
    [7_199_999, '2 h 0 min'],
  ])('shows %i ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

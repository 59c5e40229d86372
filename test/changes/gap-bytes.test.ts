import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/changes/fold.js';

describe("the sizes in a gap's sentence", () => {
  it.each([
    [1000, '1000 bytes'],
    [1024, '1 KiB'],
    [4096, '4 KiB'],
    [1536, '1.5 KiB'],
    [1_048_570, '1.0 MiB'],
    [2 * 1024 ** 2, '2 MiB'],
    [1024 ** 3 - 1, '1.0 GiB'],
    [3 * 1024 ** 3, '3 GiB'],
  ])('shows %i bytes as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

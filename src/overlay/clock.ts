// Wall-clock time in nanoseconds: Date.now()'s milliseconds plus a sub-millisecond part from the monotonic clock,
// so that two changes within one millisecond still get distinct, increasing times in the common case.
const hrtime = process.hrtime.bigint;

export function wallClockNs(): bigint {
  return BigInt(Date.now()) * 1_000_000n + (hrtime() % 1_000_000n);
}

// The recording preload's journal: one append-only file per thread in the run's provenance folder, in the journal's
// frame format (record.ts): a `begin` naming the process, then one `wrote` record per change. Opened at the first
// change (most processes of a test run change nothing). The records of one turn of the event loop go out in one
// write at its end, and a change repeated at once (writeFileSync opens the file through fs.openSync, a loop appends
// to one log) is one record: provenance of a file costs a write system call per turn, not per call. A process killed
// by SIGKILL loses its last turn's records, never anything else: the kernel keeps the bytes; its changes then show as
// made by a program the recorder did not see.
import { encodeFrame, journalVersion, type BeginRecord, type ProvenanceOp, type ProvenanceRecord } from '../changes/record.js';
import { testFileOfCurrentRun } from '../changes/test-file.js';
import { currentThread } from '../changes/thread.js';
import { fs, path } from '../platform/builtins.js';
import { provenanceSuffix } from './record-config.js';

/** A batch this large is written without waiting for the end of the turn. */
const flushBytes = 64 * 1024;

export class ProvenanceWriter {
  private fd: number | undefined;
  private broken = false;
  /** Encoded at the flush: until then a repeated change only updates the time of the last record. */
  private pending: ProvenanceRecord[] = [];
  private pendingBytes = 0;
  private flushQueued = false;
  /** Node's own, taken before the recorder wraps fs (its own file lies outside the roots anyway). */
  private readonly writeSync = fs.writeSync;
  private readonly openSync = fs.openSync;
  private readonly flushNow = () => this.flush();

  constructor(private readonly folder: string) {}

  note(op: ProvenanceOp, target: string, to?: string): void {
    if (this.broken) return;
    const tf = testFileOfCurrentRun();
    const t = String(process.hrtime.bigint());
    const last = this.pending[this.pending.length - 1];
    if (last && last.op === op && last.path === target && last.to === to && last.tf === tf) {
      last.t = t;
      return;
    }
    const record: ProvenanceRecord = { k: 'wrote', t, op, path: target };
    if (to !== undefined) record.to = to;
    if (tf !== undefined) record.tf = tf;
    this.pending.push(record);
    this.pendingBytes += 96 + target.length + (to?.length ?? 0) + (tf?.length ?? 0);
    if (this.pendingBytes >= flushBytes) return this.flush();
    if (!this.flushQueued) {
      this.flushQueued = true;
      process.nextTick(this.flushNow);
    }
  }

  /** Writes what waits; never throws (it runs at exit). */
  flush(): void {
    this.flushQueued = false;
    const records = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    if (records.length === 0 || this.broken) return;
    try {
      const frames: Buffer[] = [];
      if (this.fd === undefined) frames.push(this.open());
      // encodeFrame's first buffer may be its shared scratch: copied before the next record is encoded.
      for (const record of records) frames.push(Buffer.concat(encodeFrame(record)));
      const bytes = Buffer.concat(frames);
      for (let at = 0; at < bytes.length; ) at += this.writeSync(this.fd!, bytes, at, bytes.length - at);
    } catch {
      // The spool is gone or full: recording stops, the process goes on (the kernel keeps its changes anyway).
      this.broken = true;
    }
  }

  /** Opens this thread's file; its first frame (returned) says which process this is. */
  private open(): Buffer {
    const { threadId } = currentThread();
    const random = Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, '0');
    this.fd = this.openSync(path.join(this.folder, `${process.pid}-${threadId}-${random}${provenanceSuffix}`), 'a', 0o600);
    const begin: BeginRecord = {
      k: 'begin', version: journalVersion, pid: process.pid, ppid: process.ppid, threadId, argv: process.argv.slice(),
      execArgv: process.execArgv.slice(), cwd: process.cwd(), wallNs: String(BigInt(Date.now()) * 1_000_000n),
      monoNs: String(process.hrtime.bigint()),
    };
    return Buffer.concat(encodeFrame(begin));
  }
}

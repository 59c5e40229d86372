// Writes journals by hand, frame by frame, so the fold can be tested as a pure function: journals in, change set out.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encodeFrame, journalVersion, type BeginRecord, type ChangeRecord, type JournalRecord } from '../../../src/changes/record.js';

let clock = 1_000_000_000n;

/** A clock reading later than every earlier one: the order of calls is the order of visibility. */
export function tick(): string {
  clock += 1000n;
  return String(clock);
}

type Change = ChangeRecord extends infer R ? (R extends ChangeRecord ? Omit<R, 't'> & { t?: string } : never) : never;

export interface ProcessOptions {
  pid?: number;
  argv?: string[];
  ended?: boolean;
  /** The format its begin record names: another build's, to see it refused. */
  version?: number;
}

export class JournalBuilder {
  readonly file: string;
  private readonly fd: number;

  constructor(spoolDir: string, o: ProcessOptions = {}) {
    const pid = o.pid ?? 4_000_000 + Math.floor(Math.random() * 100_000);
    this.file = path.join(spoolDir, `${pid}-0-${Math.random().toString(16).slice(2, 10)}.journal`);
    this.fd = fs.openSync(this.file, 'a');
    const begin: BeginRecord = {
      k: 'begin', version: (o.version ?? journalVersion) as typeof journalVersion, pid, ppid: process.pid, threadId: 0, argv: o.argv ?? ['node', `worker-${pid}.js`],
      cwd: '/', wallNs: '1700000000000000000', monoNs: '1000000000',
    };
    this.raw(begin);
  }

  change(record: Change, data?: string | Buffer): this {
    const full = { ...record, t: record.t ?? tick() } as JournalRecord;
    return this.raw(full, data === undefined ? undefined : Buffer.from(data));
  }

  content(filePath: string, content: string | Buffer, o: { mode?: number; tf?: string; ino?: number } = {}): this {
    const data = Buffer.from(content);
    return this.change({
      k: 'content', path: filePath, ino: o.ino ?? 1, mode: 0o100000 | (o.mode ?? 0o644), uid: 0, gid: 0, size: data.length,
      atimeNs: '0', mtimeNs: '0', ...(o.tf ? { tf: o.tf } : {}),
    }, data);
  }

  /** A write through a descriptor not saved yet (the engine's `unsaved` report). */
  unsaved(filePath: string, ino = 1): this {
    return this.raw({ k: 'unsaved', t: tick(), path: filePath, ino });
  }

  raw(record: JournalRecord, data?: Buffer): this {
    fs.writevSync(this.fd, encodeFrame(record, data));
    return this;
  }

  /** A frame whose header is any JSON text (or any bytes) at all, as a forged journal may hold. */
  header(json: string | Buffer, data: Buffer = Buffer.alloc(0)): this {
    const header = Buffer.from(json);
    const head = Buffer.alloc(8);
    head.writeUInt32LE(header.length, 0);
    head.writeUInt32LE(data.length, 4);
    fs.writevSync(this.fd, [head, header, data]);
    return this;
  }

  end(): this {
    this.raw({ k: 'end', t: tick() });
    fs.closeSync(this.fd);
    return this;
  }
}

const made: string[] = [];

/** A fresh folder in the temp dir, removed by removeTempDirs (call it from afterEach). */
export function tempDir(prefix: string): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

// Records what each step of a scenario returned or threw, and whether callbacks came back synchronously.
import path from 'node:path';
import { describe } from './describe.js';

export class Recorder {
  readonly log: Record<string, unknown> = {};
  constructor(readonly dir: string, readonly root: string) {}

  p(...names: string[]): string {
    return path.join(this.dir, ...names);
  }

  note(label: string, value: unknown): void {
    this.log[label] = describe(value, this.root);
  }

  sync(label: string, fn: () => unknown): unknown {
    try {
      const value = fn();
      this.log[label] = { ok: describe(value, this.root) };
      return value;
    } catch (err) {
      this.log[label] = { threw: describe(err, this.root) };
      return undefined;
    }
  }

  async promise(label: string, fn: () => Promise<unknown>): Promise<unknown> {
    let settledSync = true;
    try {
      const pending = fn();
      settledSync = false;
      const value = await pending;
      this.log[label] = { resolved: describe(value, this.root) };
      return value;
    } catch (err) {
      this.log[label] = settledSync ? { threw: describe(err, this.root) } : { rejected: describe(err, this.root) };
      return undefined;
    }
  }

  /** Calls `start` with a callback; records the callback's arguments and whether it ran before `start` returned. */
  cb(label: string, start: (done: (...args: unknown[]) => void) => void): Promise<unknown[]> {
    return new Promise((resolve) => {
      let returned = false;
      let calledSync = false;
      try {
        start((...args) => {
          calledSync = !returned;
          this.log[label] = { calledSync, args: describe(args, this.root) };
          resolve(args);
        });
        returned = true;
      } catch (err) {
        this.log[label] = { threw: describe(err, this.root) };
        resolve([err]);
      }
    });
  }
}

// When the journal must reach the spool: at exit, on fatal signals and on uncaught exceptions. Each hook is written so
// that it changes nothing else about how the process ends.
import { currentThread } from '../changes/thread.js';

export interface Flushable {
  flush(): void;
  close(): void;
}

const FATAL_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

export function flushOnEveryEnding(journal: Flushable): void {
  process.on('exit', () => journal.close());
  // The monitor event runs before Node's default handler and, unlike 'uncaughtException', does not stop the crash.
  process.on('uncaughtExceptionMonitor', () => journal.flush());
  // Signals reach only the main thread; a worker's journal is flushed by its own 'exit' when the process ends.
  if (!currentThread().isMainThread) return;
  for (const signal of FATAL_SIGNALS) {
    const onSignal = (): void => {
      journal.flush();
      // A listener of ours alone would keep the process alive: step aside and let the signal do what it would have
      // done. When the program listens too, its handler decides how the process ends.
      if (process.listenerCount(signal) === 1) {
        process.removeListener(signal, onSignal);
        process.kill(process.pid, signal);
      }
    };
    process.on(signal, onSignal);
  }
}

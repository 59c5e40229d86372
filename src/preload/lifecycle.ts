// When the journal must reach the spool: at exit and on uncaught exceptions. Each hook is written so that it changes
// nothing else about how the process ends.
//
// There is deliberately no signal listener. A JS listener for SIGTERM, SIGINT or SIGHUP replaces the kernel's default
// action: a process busy in synchronous code would never die (a timeout, a cancelled CI job would wait forever), and
// re-raising the signal afterwards changes the exit a program's own handlers see. Nothing needs one: the journal
// writes every change synchronously as it becomes visible, so a signal can only take the unsaved writes to files
// still open through a descriptor, and the journal has already named those files (an `unsaved` record).

export interface Flushable {
  flush(): void;
  close(): void;
}

export function flushOnEveryEnding(journal: Flushable): void {
  process.on('exit', () => journal.close());
  // The monitor event runs before Node's default handler and, unlike 'uncaughtException', does not stop the crash.
  process.on('uncaughtExceptionMonitor', () => journal.flush());
}

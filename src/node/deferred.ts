// When an asynchronous fs call takes effect. Node hands it to the thread pool, which runs it after the calling code
// has gone on: an rm called just before an open in the same tick has not removed the file yet when the open runs,
// and a sync call made right after an async one usually comes first. The overlay runs the operation in a later
// event-loop turn (setImmediate, first in, first out: call order), never at the call.
//
// A process that exits meanwhile (process.exit() right after fs.writeFile(…, cb)) would lose those operations,
// which Node's pool had most likely done by then: whatever is still waiting runs at 'exit', in call order, without
// its callback, as Node gives none.

const waiting = new Set<() => void>();
let drainsAtExit = false;

/** Runs `work` after `turns` event-loop turns (1: the next check phase), or at 'exit' if the process ends first. */
export function afterTurns(turns: number, work: () => void): void {
  const task = () => {
    if (!waiting.delete(task)) return; // already run at exit
    work();
  };
  waiting.add(task);
  if (!drainsAtExit) {
    drainsAtExit = true;
    process.on('exit', drainAtExit);
  }
  let left = turns;
  const step = () => (--left > 0 ? setImmediate(step) : task());
  setImmediate(step);
}

function drainAtExit(): void {
  for (const task of [...waiting]) {
    try {
      task();
    } catch {
      // An operation failing at exit has nobody to tell: Node's callback would not run either.
    }
  }
}

// The preload hands itself on to every child process and worker this process starts (hand-on.ts, shared with the
// kernel engine's recorder), and writes its journal's queue first at each start and at every other hand-over a child
// or worker could see: fork's channel, a worker's messages, a write to a pipe or socket.
//
// Patched when the program first reaches the module (first-reach.ts): loading child_process or worker_threads at
// every start-up would cost milliseconds that most processes never use.
import { loadBuiltin } from '../platform/builtins.js';
import { whenBuiltinReached } from '../node/first-reach.js';
import { handOnToChildProcesses, handOnToWorkers, type Inheritance, type StartMoments } from './hand-on.js';
import { afterHandOver, beforeHandOver, handingOver } from './hand-over.js';

export { inheritedEnv, inheritedEnvPairs, missingFrom, type Inheritance } from './hand-on.js';

const moments: StartMoments = {
  before: beforeHandOver,
  after: afterHandOver,
  started(child) {
    // fork's channel: child.send is made by spawn, on the instance.
    const withChannel = child as { send?: AnyFunction };
    if (typeof withChannel.send === 'function') withChannel.send = handingOver(withChannel.send);
  },
};

export function installReach(inheritance: Inheritance): void {
  whenBuiltinReached(['child_process', 'cluster'], () => patchChildProcess(inheritance));
  whenBuiltinReached(['worker_threads'], () => patchWorker(inheritance));
  whenBuiltinReached(['net', 'http', 'https', 'http2', 'tls', 'child_process', 'cluster'], patchSockets);
}

/**
 * A write to a pipe or socket (a child's stdin, a request to a server the test started) may tell its reader to look
 * at a file: the journal's queue goes first. Every stream write of a net.Socket goes through _writeGeneric, on Node
 * 20–26; where it is missing, such writes are written at the end of the turn like the rest.
 */
let socketsPatched = false;
function patchSockets(): void {
  if (socketsPatched) return;
  socketsPatched = true;
  const proto = (loadBuiltin('node:net') as { Socket: { prototype: { _writeGeneric?: AnyFunction } } }).Socket.prototype;
  if (typeof proto._writeGeneric === 'function') proto._writeGeneric = handingOver(proto._writeGeneric);
}

type AnyFunction = (...args: unknown[]) => unknown;

function patchChildProcess(inheritance: Inheritance): void {
  handOnToChildProcesses(inheritance, moments);
}

function patchWorker(inheritance: Inheritance): void {
  // A worker's postMessage goes through its port's; so does a worker's parentPort.postMessage.
  const port = (loadBuiltin('node:worker_threads') as { MessagePort: { prototype: { postMessage: AnyFunction } } }).MessagePort.prototype;
  port.postMessage = handingOver(port.postMessage);
  handOnToWorkers(inheritance, moments);
}

// Which thread of the process this code runs in. node:worker_threads would say, but loading it costs a few
// milliseconds (it pulls in streams and message ports), paid by every process of the user's run. Node loads it
// itself in every worker thread before the preload runs, so when it is not loaded yet this is the main thread.
// process.moduleLoadList (Node's list of the builtins loaded so far) exists on Node 20–26; without it, load it.

interface ThreadInfo {
  isMainThread: boolean;
  threadId: number;
}

function workerThreadsModule(): ThreadInfo | undefined {
  const loaded = (process as { moduleLoadList?: string[] }).moduleLoadList;
  if (loaded !== undefined && !loaded.includes('NativeModule worker_threads')) return undefined;
  const getBuiltin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule; // Node ≥ 20.16
  return getBuiltin?.('node:worker_threads') as ThreadInfo | undefined;
}

export function currentThread(): ThreadInfo {
  const workers = workerThreadsModule();
  return { isMainThread: workers?.isMainThread ?? true, threadId: workers?.threadId ?? 0 };
}

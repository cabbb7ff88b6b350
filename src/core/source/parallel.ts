/**
 * Reading and parsing the files of a large data root on two threads. The main
 * thread and one worker (load-worker.ts, bundled as dist/load-worker.cjs) take
 * chunks of the same file list from a shared counter, so neither waits for the
 * other; each file goes through the same loadRead either way, and results are
 * put back in list order, so the outcome is the same as on one thread. The
 * main thread stays synchronous: it waits on an Atomics flag and takes the
 * worker's results with receiveMessageOnPort. When the worker cannot start, or
 * fails, the main thread loads whatever it did not deliver.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { FilePlace, SourceFile } from '../load-file.js';

/** A file the worker can read by itself: a disk path, and whether its link check was done while listing. */
export interface DiskItem extends FilePlace {
  linkChecked: boolean;
}

export interface WorkerJob {
  realRoot: string;
  items: DiskItem[];
  /** Int32Array over a SharedArrayBuffer: [next index to claim, state, files loaded by the worker so far] */
  shared: SharedArrayBuffer;
  chunk: number;
}

export interface WorkerChunk {
  from: number;
  files: SourceFile[];
}

/** shared[1]: 0 not started, 1 the worker runs, 2 closed before it started, 3 the worker is done */
export const STATE = { idle: 0, running: 1, closed: 2, done: 3 } as const;
export const CHUNK = 64;
/** How long the main thread waits for a running worker that loads nothing (it may have died) before loading the rest itself. */
const STALL_MS = 5_000;

export interface ParallelOptions {
  /** the worker script (dist/load-worker.cjs) */
  script: string;
  /** fewer files than this are loaded on the main thread alone (a worker takes some 30 ms to start) */
  minFiles?: number;
  /** how long to wait for a worker that loads nothing before loading the rest here (default 5 s) */
  stallMs?: number;
}

export const DEFAULT_MIN_FILES = 2000;

/**
 * Loads `items` with the worker's help. `local(i)` loads item i on this
 * thread. The result has one SourceFile per item, in order, and says how many
 * of them the worker loaded.
 */
export function loadParallel(realRoot: string, items: DiskItem[], local: (i: number) => SourceFile, options: ParallelOptions): { files: SourceFile[]; fromWorker: number } {
  const out = new Array<SourceFile | undefined>(items.length);
  const shared = new SharedArrayBuffer(12);
  const state = new Int32Array(shared);
  const { port1, port2 } = new MessageChannel();
  let worker: Worker | undefined;
  try {
    worker = new Worker(options.script, { workerData: { job: { realRoot, items, shared, chunk: CHUNK } satisfies WorkerJob, port: port2 }, transferList: [port2], stdout: true, stderr: true });
    worker.unref();
    // an error in the worker is seen through the state it leaves behind; never let it surface as an unhandled event
    worker.on('error', () => undefined);
  } catch {
    worker = undefined;
  }
  for (let from = Atomics.add(state, 0, CHUNK); from < items.length; from = Atomics.add(state, 0, CHUNK)) {
    for (let i = from; i < Math.min(from + CHUNK, items.length); i++) out[i] = local(i);
  }
  // a worker that has not started by now is not needed
  if (worker && Atomics.compareExchange(state, 1, STATE.idle, STATE.closed) === STATE.running) {
    // the worker counts the files it loads: while that moves, it is alive
    let seen = Atomics.load(state, 2);
    let since = Date.now();
    while (Atomics.load(state, 1) === STATE.running) {
      Atomics.wait(state, 1, STATE.running, 50);
      const now = Atomics.load(state, 2);
      if (now !== seen) [seen, since] = [now, Date.now()];
      else if (Date.now() - since > (options.stallMs ?? STALL_MS)) break;
    }
  }
  let fromWorker = 0;
  for (let message = receiveMessageOnPort(port1); message; message = receiveMessageOnPort(port1)) {
    const { from, files } = message.message as WorkerChunk;
    for (let k = 0; k < files.length; k++) out[from + k] = files[k];
    fromWorker += files.length;
  }
  port1.close();
  if (worker) void worker.terminate();
  // anything the worker claimed but did not deliver
  for (let i = 0; i < items.length; i++) out[i] ??= local(i);
  return { files: out as SourceFile[], fromWorker };
}

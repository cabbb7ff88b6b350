/**
 * The loader's worker (see parallel.ts): claims chunks of the file list,
 * reads, parses and schema-checks them, and posts each chunk's results.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { loadRead } from '../load-file.js';
import { readDataFile } from '../read.js';
import { CHUNK, STATE, type WorkerChunk, type WorkerJob } from './parallel.js';

const { job, port } = workerData as { job: WorkerJob; port: MessagePort };
const state = new Int32Array(job.shared);
if (Atomics.compareExchange(state, 1, STATE.idle, STATE.running) === STATE.idle) {
  try {
    const buffer: { bytes?: Buffer } = {};
    const { items, realRoot } = job;
    for (let from = Atomics.add(state, 0, CHUNK); from < items.length; from = Atomics.add(state, 0, CHUNK)) {
      const files = [];
      for (let i = from; i < Math.min(from + CHUNK, items.length); i++) {
        const item = items[i]!;
        files.push(loadRead(item, readDataFile(item.path, realRoot, undefined, { linkChecked: item.linkChecked, buffer })));
        Atomics.add(state, 2, 1);
      }
      port.postMessage({ from, files } satisfies WorkerChunk);
    }
  } finally {
    Atomics.store(state, 1, STATE.done);
    Atomics.notify(state, 1);
  }
}

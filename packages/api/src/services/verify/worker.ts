/**
 * A verify-audit worker thread: its own connection to the database file, says it is ready, then
 * takes one task at a time from the thread that started it (see parallel.ts) until told to stop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '@kader/db';
import { runTask, type VerifyTask } from './tasks';

export type WorkerRequest = { n: number; task: VerifyTask } | { n: null };

const port = parentPort;
if (!port) throw new Error('verify/worker.ts runs as a worker thread');
const handle = openDatabase((workerData as { file: string }).file);
port.postMessage({ ready: true });
port.on('message', (request: WorkerRequest) => {
  if (request.n === null) {
    handle.close();
    port.close();
    return;
  }
  try {
    port.postMessage({ n: request.n, result: runTask(handle, request.task) });
  } catch (error) {
    port.postMessage({ n: request.n, error: error instanceof Error ? error.message : String(error) });
  }
});

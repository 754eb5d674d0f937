/**
 * The pipeline's side of `lucid extract`: as a worker thread (`--jobs N`) it reads, decodes and
 * extracts the files it is sent and posts back each one's finished output; the main thread, one
 * of the jobs, imports it too (cli/pool.ts) and calls `extractFile` itself.
 */
import { parentPort } from 'node:worker_threads';
import { extractFile } from './extract-file';
import type { ExtractFileOptions } from './options';

export { extractFile };

export interface Task {
  index: number;
  file: string;
  options: ExtractFileOptions;
  /** The page's bytes when the main thread read them (standard input). */
  bytes?: Uint8Array;
}

parentPort?.on('message', (task: Task) => {
  parentPort!.postMessage({ index: task.index, result: extractFile(task.file, task.options, task.bytes) });
});

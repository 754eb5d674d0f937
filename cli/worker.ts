/** A `lucid extract --jobs N` worker thread: extracts the files it is sent, one result each. */
import { parentPort } from 'node:worker_threads';
import { extractFile, type ExtractFileOptions } from './extract-file';

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

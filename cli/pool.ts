/**
 * Spreads FILEs over worker threads and prints each file's result in input order, as soon as
 * its turn comes. Memory stays bounded: each worker holds at most PER_WORKER files at a time
 * (one working, the next queued so it never waits on the main thread), and no file is started
 * more than WINDOW_PER_WORKER × jobs places ahead of the next one to print, so a slow file
 * cannot make finished results pile up.
 */
import { Worker } from 'node:worker_threads';
import type { FileResult } from './extract-file';
import type { Task } from './worker';

const PER_WORKER = 2;
const WINDOW_PER_WORKER = 4;

/**
 * A worker running the script next to this module: worker.mjs in the compiled CLI; worker.ts
 * when the CLI runs from source under tsx, whose loader a worker thread does not inherit, so the
 * worker registers it before importing the script.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.mjs', import.meta.url));
  const script = new URL('./worker.ts', import.meta.url).href;
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); });`, { eval: true });
}

export function runPool(
  tasks: Omit<Task, 'index'>[],
  jobs: number,
  print: (result: FileResult) => void,
): Promise<void> {
  if (!tasks.length) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const results = new Map<number, FileResult>();
    let nextToStart = 0;
    let nextToPrint = 0;
    const workers = Array.from({ length: Math.min(jobs, tasks.length) }, () => {
      const worker = startWorker();
      const state = { worker, inFlight: 0 };
      worker.on('message', ({ index, result }: { index: number; result: FileResult }) => {
        state.inFlight--;
        results.set(index, result);
        while (results.has(nextToPrint)) {
          print(results.get(nextToPrint)!);
          results.delete(nextToPrint++);
        }
        if (nextToPrint === tasks.length) {
          for (const w of workers) void w.worker.terminate();
          resolve();
          return;
        }
        feed();
      });
      worker.on('error', (err) => {
        for (const w of workers) void w.worker.terminate();
        reject(err);
      });
      return state;
    });
    const feed = () => {
      for (const state of workers) {
        while (state.inFlight < PER_WORKER && nextToStart < tasks.length && nextToStart - nextToPrint < WINDOW_PER_WORKER * workers.length) {
          const task = tasks[nextToStart];
          state.worker.postMessage({ ...task, index: nextToStart++ } satisfies Task);
          state.inFlight++;
        }
      }
    };
    feed();
  });
}

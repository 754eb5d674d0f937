/**
 * Spreads FILEs over worker threads and prints each file's result in input order, as soon as
 * its turn comes. Memory stays bounded: each worker holds at most PER_WORKER files at a time
 * (one working, the next queued so it never waits on the main thread), and no file is started
 * more than WINDOW_PER_WORKER × jobs places ahead of the next one to print, so a slow file
 * cannot make finished results pile up.
 */
import { Worker } from 'node:worker_threads';
import type { FileResult } from './options';
import type { extractFile, Task } from './worker';

const PER_WORKER = 2;
const WINDOW_PER_WORKER = 4;

/** The pipeline's script: worker.mjs next to the compiled CLI, worker.ts when the CLI runs from source under tsx. */
const PIPELINE = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.mjs', import.meta.url).href;

/**
 * The pipeline in this thread, for one job: the worker's script imported here, and only now,
 * so that with several jobs this thread never loads jsdom and linkedom (it only orders and
 * prints, and leaves the cores to the workers).
 */
export async function loadExtractFile(): Promise<typeof extractFile> {
  return ((await import(PIPELINE)) as typeof import('./worker')).extractFile;
}

/** A worker thread running the pipeline's script; under tsx, whose loader a worker does not inherit, it registers it first. */
function startWorker(): Worker {
  if (!PIPELINE.endsWith('.ts')) return new Worker(new URL(PIPELINE));
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(PIPELINE)}); });`, { eval: true });
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

/**
 * Runs FILEs on `jobs` jobs — this thread plus up to jobs − 1 worker threads — and prints each
 * file's result in input order, as soon as its turn comes. This thread is a job too: a worker
 * costs a second copy of the pipeline (loading jsdom and linkedom, compiling the pipeline's hot
 * code in its own V8 isolate), so with N jobs there are N copies, not N + 1.
 *
 * Memory stays bounded: each worker holds at most PER_WORKER files at a time (one working, the
 * next queued so it never waits on this thread), this thread one, and no file is started more
 * than WINDOW_PER_JOB × jobs places ahead of the next one to print, so a slow file cannot make
 * finished results pile up.
 */
import { Worker } from 'node:worker_threads';
import type { FileResult } from './options';
import type { extractFile, Task } from './worker';

const PER_WORKER = 2;
const WINDOW_PER_JOB = 4;

/**
 * Each worker must have at least this many files to pay back what it costs: about 1 s of CPU
 * to load the pipeline and 1 s more to compile its hot code, which a page (about 60 ms of CPU
 * once compiled, much more before) repays only over a batch. Measured on this project's 2-core
 * machine, main thread plus one worker against the main thread alone (README, "Command line"):
 * 2 files took longer with the worker, 20 files about as long, 40 files less.
 */
const FILES_PER_JOB = 1;

/** How many workers a batch gets beside this thread: jobs − 1, fewer when the batch is too small to repay them. */
function workerCount(jobs: number, files: number): number {
  return Math.max(0, Math.min(jobs, Math.floor(files / FILES_PER_JOB)) - 1);
}

/** The pipeline's script: worker.mjs next to the compiled CLI, worker.ts when the CLI runs from source under tsx. */
const PIPELINE = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.mjs', import.meta.url).href;

/** The pipeline in this thread: the worker's script imported here (it starts no worker loop in the main thread). */
async function loadExtractFile(): Promise<typeof extractFile> {
  return ((await import(PIPELINE)) as typeof import('./worker')).extractFile;
}

/** A worker thread running the pipeline's script; under tsx, whose loader a worker does not inherit, it registers it first. */
function startWorker(): Worker {
  if (!PIPELINE.endsWith('.ts')) return new Worker(new URL(PIPELINE));
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(PIPELINE)}); });`, { eval: true });
}

export async function runPool(tasks: Omit<Task, 'index'>[], jobs: number, print: (result: FileResult) => void): Promise<void> {
  if (!tasks.length) return;
  const results = new Map<number, FileResult>();
  let nextToStart = 0;
  let nextToPrint = 0;
  const canStart = () => nextToStart < tasks.length && nextToStart - nextToPrint < WINDOW_PER_JOB * jobs;

  let settled = false;
  let finish!: (err?: unknown) => void;
  const done = new Promise<void>((resolve, reject) => {
    finish = (err) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.worker.terminate();
      if (err === undefined) resolve();
      else reject(err);
    };
  });

  const deliver = (index: number, result: FileResult) => {
    results.set(index, result);
    while (results.has(nextToPrint)) {
      print(results.get(nextToPrint)!);
      results.delete(nextToPrint++);
    }
    if (nextToPrint === tasks.length) finish();
  };

  const workers = Array.from({ length: workerCount(jobs, tasks.length) }, () => {
    const state = { worker: startWorker(), inFlight: 0 };
    state.worker.on('message', ({ index, result }: { index: number; result: FileResult }) => {
      state.inFlight--;
      deliver(index, result);
      feed();
    });
    state.worker.on('error', finish);
    return state;
  });

  const feedWorkers = () => {
    for (const state of workers) {
      while (state.inFlight < PER_WORKER && canStart()) {
        state.worker.postMessage({ ...tasks[nextToStart], index: nextToStart++ } satisfies Task);
        state.inFlight++;
      }
    }
  };

  // This thread's job: one file at a time, each in its own turn of the event loop, so that the
  // workers' results are printed, and the workers fed, between two of this thread's files.
  let extractHere: typeof extractFile | undefined;
  let busyHere = false;
  const runHere = () => {
    feedWorkers(); // the workers first: they must not wait while this thread works
    if (settled || !canStart()) {
      busyHere = false;
      return;
    }
    const index = nextToStart++;
    const { file, options, bytes } = tasks[index];
    try {
      deliver(index, extractHere!(file, options, bytes));
    } catch (err) {
      finish(err); // a file's own failures are in its result: this is a fault of the CLI itself
      return;
    }
    busyHere = false;
    feed();
  };
  const feed = () => {
    if (settled) return;
    feedWorkers();
    if (extractHere && !busyHere && canStart()) {
      busyHere = true;
      setImmediate(runHere);
    }
  };

  feedWorkers(); // the workers start loading the pipeline while this thread loads its own
  loadExtractFile().then((extract) => {
    extractHere = extract;
    feed();
  }, finish);
  return done;
}

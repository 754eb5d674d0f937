/**
 * Runs FILEs on `jobs` jobs — this thread plus up to jobs − 1 worker threads — and prints each
 * file's result in input order, as soon as its turn comes. This thread is a job too: a worker
 * costs a second copy of the pipeline (loading jsdom and linkedom, compiling the pipeline's hot
 * code in its own V8 isolate), so with N jobs there are N copies, not N + 1.
 *
 * Memory stays bounded: each worker holds at most PER_WORKER files at a time (one working, the
 * next queued so it never waits on this thread), this thread one, and no file is started more
 * than WINDOW_PER_JOB places per running job ahead of the next one to print, so a slow file
 * cannot make finished results pile up.
 */
import { Worker } from 'node:worker_threads';
import type { FileResult } from './options';
import type { extractFile, Task } from './worker';

const PER_WORKER = 2;
const WINDOW_PER_JOB = 4;

/**
 * A worker is started only for every FILES_PER_WORKER files of the batch. A worker is a second
 * copy of the pipeline: about 0.7 s of CPU to load jsdom and linkedom, then more to compile the
 * pipeline's hot code again in its own isolate, and meanwhile it competes for the cores with this
 * thread, which is doing the same. Measured on this project's 2-core machine (whole process, runs
 * with no other load; README, "Command line"), this thread plus one worker against this thread
 * alone on the first Zyte pages: 2 files 1.37 s against 1.15 s, 5 files 1.58 against 1.30,
 * 10 files 1.85 against 1.56, 20 files 2.70 against 2.31: the worker costs about 0.35 s of wall
 * time (and 0.7–1.7 s of CPU) on any such batch. Over the 181 Zyte pages it saved about 1.5 s
 * (the last `npm run bench` on the idle machine), about 11.5 ms a file past the twentieth, so it
 * breaks even near 50 files.
 */
export const FILES_PER_WORKER = 50;

/** How many workers a batch gets beside this thread: jobs − 1, fewer when the batch is too small to repay them. */
export function workerCount(jobs: number, files: number): number {
  return Math.min(jobs - 1, Math.floor(files / FILES_PER_WORKER));
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
  const workerTotal = workerCount(jobs, tasks.length);
  const canStart = () => nextToStart < tasks.length && nextToStart - nextToPrint < WINDOW_PER_JOB * (workerTotal + 1);

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

  const workers = Array.from({ length: workerTotal }, () => {
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

/**
 * Promise queues by key: a task runs once every earlier task on any of its keys has finished.
 * A task's keys are all queued at once, when it is submitted, so tasks on overlapping keys run
 * in submission order and cannot wait on each other in a cycle.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(keys: readonly string[], task: () => Promise<T>): Promise<T> {
    let release!: () => void;
    const finished = new Promise<void>((resolve) => (release = resolve));
    const earlier: Promise<void>[] = [];
    for (const key of new Set(keys)) {
      earlier.push(this.tails.get(key) ?? Promise.resolve());
      this.tails.set(key, finished);
    }
    const result = Promise.all(earlier).then(task);
    result
      .catch(() => undefined) // the caller sees the failure; the queue just moves on
      .finally(() => {
        release();
        for (const key of new Set(keys)) if (this.tails.get(key) === finished) this.tails.delete(key);
      });
    return result;
  }
}

/**
 * The pipeline's steps, each run through `step(name, fn)`: it runs `fn` and adds the time it
 * took to the step's total (a step may run more than once, or be split around another).
 */
export type StepTimes<Name extends string> = Partial<Record<Name, number>>;

export interface Steps<Name extends string> {
  step<T>(name: Name, fn: () => T): T;
  readonly times: StepTimes<Name>;
}

export function stepTimer<Name extends string>(): Steps<Name> {
  const times: StepTimes<Name> = {};
  return {
    times,
    step(name, fn) {
      const t0 = performance.now();
      try {
        return fn();
      } finally {
        times[name] = (times[name] ?? 0) + performance.now() - t0;
      }
    },
  };
}

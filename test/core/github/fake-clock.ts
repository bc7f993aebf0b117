/** A clock for client tests: time moves only when the client sleeps, and every wait is recorded. */
import type { Clock } from '../../../main/core/ports';

export interface TestClock extends Clock {
  /** Every clock.sleep(ms) the code under test asked for, in order. */
  sleeps: number[];
  advance(ms: number): void;
}

export function testClock(start = Date.parse('2026-11-14T10:00:00.000Z')): TestClock {
  let t = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    advance(ms) {
      t += ms;
    },
    async sleep(ms, signal) {
      signal?.throwIfAborted();
      sleeps.push(ms);
      t += ms;
    },
    setTimer: () => () => undefined,
  };
}

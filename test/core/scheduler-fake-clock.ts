/**
 * A clock that runs days in milliseconds. Timers fire in order as `runUntil` moves time; after each one the
 * caller's `settle` runs so async work started by the timer finishes before time moves on. `suspend` models a
 * sleeping machine: wall time jumps, and pending timers are pushed back by the same amount, as monotonic
 * timers are on macOS and Linux.
 */
import type { Clock } from '../../main/core/ports';

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

export class FakeClock implements Clock {
  private t: number;
  private timers: Timer[] = [];
  private seq = 0;
  constructor(start: number) {
    this.t = start;
  }
  now(): number {
    return this.t;
  }
  setTimer(ms: number, fn: () => void): () => void {
    const timer: Timer = { at: this.t + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((x) => x !== timer);
    };
  }
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const cancel = this.setTimer(ms, resolve);
      signal?.addEventListener('abort', () => {
        cancel();
        reject(signal.reason);
      });
    });
  }
  pending(): number[] {
    return this.timers.map((x) => x.at).sort((a, b) => a - b);
  }
  /** Fires every timer due before `t` (in time order), settling after each, then sets the time to `t`. */
  async runUntil(t: number, settle: () => Promise<void>): Promise<void> {
    for (;;) {
      let next: Timer | undefined;
      for (const x of this.timers)
        if (!next || x.at < next.at || (x.at === next.at && x.seq < next.seq)) next = x;
      if (!next || next.at >= t) break;
      this.timers = this.timers.filter((x) => x !== next);
      this.t = next.at;
      next.fn();
      await settle();
    }
    this.t = Math.max(this.t, t);
  }
  suspend(ms: number): void {
    this.t += ms;
    for (const x of this.timers) x.at += ms;
  }
}

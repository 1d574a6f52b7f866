import type { Clock } from '../../src/shared/clock.js';

/** A clock a test moves by hand (lifecycle tests need no waiting); it starts at real time. */
export function manualClock(start = Date.now()): Clock & { advance(ms: number): void; set(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    advance(ms) {
      now += ms;
    },
    set(ms) {
      now = ms;
    },
  };
}

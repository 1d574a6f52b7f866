/** One watched value's state: whether it fires, and what a new reading changes. */
export interface ThresholdTracker {
  readonly firing: boolean;
  /** Takes a reading; returns the change it makes, if any. */
  observe(
    value: number,
    threshold: number,
    now: number,
    options: { holdMs: number; hysteresis: number },
  ): 'firing' | 'resolved' | undefined;
}

/**
 * One watched value (CPU, memory, one filesystem): fires only once it has been above the
 * threshold for the hold time, resolves once it falls below the threshold minus the hysteresis.
 * A threshold of 0 disables it (and resolves what was firing).
 *
 * @example const t = thresholdTracker(); t.observe(95, 90, 0, { holdMs: 300_000, hysteresis: 5 }) // undefined (holding)
 */
export function thresholdTracker(): ThresholdTracker {
  let overSince: number | undefined;
  let firing = false;
  return {
    get firing() {
      return firing;
    },
    observe(value, threshold, now, options) {
      if (threshold === 0) {
        overSince = undefined;
        if (!firing) return undefined;
        firing = false;
        return 'resolved';
      }
      if (value >= threshold) {
        overSince ??= now;
        if (!firing && now - overSince >= options.holdMs) {
          firing = true;
          return 'firing';
        }
        return undefined;
      }
      overSince = undefined;
      if (firing && value < threshold - options.hysteresis) {
        firing = false;
        return 'resolved';
      }
      return undefined;
    },
  };
}

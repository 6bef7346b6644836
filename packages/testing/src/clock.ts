import type { Clock } from '@cocuk-koruma/platform';

export interface TestClock extends Clock {
  /** Moves the pinned date, as a walkthrough moves from one quarter to the next. */
  set(today: string): void;
}

/** A pinned clock a test can move; the servers it is given read it on every request. */
export function testClock(today: string): TestClock {
  let current = today;
  return {
    pinned: true,
    today: () => current,
    now: () => new Date(),
    set(next) {
      current = next;
    },
  };
}

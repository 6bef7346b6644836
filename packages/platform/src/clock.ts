/** Today's date and the current time, passed to each server so that tests and demos can pin the date. */
export interface Clock {
  /** Today as YYYY-MM-DD. */
  today(): string;
  now(): Date;
  /** Set on a clock whose date does not follow the calendar; production refuses one. */
  readonly pinned?: boolean;
}

// Deadlines are Turkish civil dates: an action due "2026-03-31" is overdue from 1 April in Ankara,
// whatever the server's own time zone.
const TURKISH_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Istanbul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The production clock: the date in Türkiye. */
export const systemClock: Clock = {
  today: () => TURKISH_DATE.format(new Date()),
  now: () => new Date(),
};

/** The quarter a date (YYYY-MM-DD) falls in, as periods are written: 2026-06-30 is in 2026-Q2. */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
}

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A clock stopped on `today` (YYYY-MM-DD) for tests and demos; `now()` still runs. */
export function pinnedClock(today: string): Clock {
  if (!DATE_PATTERN.test(today)) throw new Error(`A pinned date must be a date such as 2026-06-30, not "${today}".`);
  return { today: () => today, now: () => new Date(), pinned: true };
}

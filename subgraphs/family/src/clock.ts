/** Today's date and the current time, injectable so deadline tests do not depend on the calendar. */
export interface Clock {
  /** Today as YYYY-MM-DD. */
  today(): string;
  now(): Date;
}

// Deadlines are Turkish civil dates: an action due "2026-03-31" is overdue from 1 April in Ankara,
// whatever the server's own time zone.
const TURKISH_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Istanbul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** TODAY (YYYY-MM-DD), read at call time so a test may set it after the server started; else the date in Türkiye. */
export const systemClock: Clock = {
  today() {
    const fixed = process.env.TODAY?.trim();
    if (fixed) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(fixed))
        throw new Error(`TODAY must be a date such as 2026-06-30, not "${fixed}".`);
      return fixed;
    }
    return TURKISH_DATE.format(new Date());
  },
  now: () => new Date(),
};

/** Whole days from `from` to `to`, both YYYY-MM-DD; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** ESCALATION_DAYS, default 90: how long an action may be overdue before it is escalated. */
export function escalationDays(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.ESCALATION_DAYS?.trim();
  if (!raw) return 90;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 0)
    throw new Error(`ESCALATION_DAYS must be a whole number of days, not "${raw}".`);
  return days;
}

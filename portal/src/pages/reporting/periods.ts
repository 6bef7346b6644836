/** The plan's first reporting quarter; the graph refuses reports before it. */
export const FIRST_PERIOD = '2014-Q1';

/** The quarter a day falls in, as the ministries count it (Türkiye's time zone), e.g. 2026-Q3. */
export function quarterOf(date: Date): string {
  const [year, month] = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    timeZone: 'Europe/Istanbul',
  })
    .format(date)
    .split('-')
    .map(Number);
  return `${year}-Q${Math.ceil((month ?? 1) / 3)}`;
}

export function currentQuarter(): string {
  return quarterOf(new Date());
}

/** Every reporting quarter from the current one back to the plan's first, newest first. */
export function reportingPeriods(current = currentQuarter()): string[] {
  const periods: string[] = [];
  let [year, quarter] = current.split('-Q').map(Number) as [number, number];
  for (let period = current; period >= FIRST_PERIOD; period = `${year}-Q${quarter}`) {
    periods.push(period);
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  return periods;
}

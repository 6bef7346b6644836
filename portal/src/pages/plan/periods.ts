/** The plan's first reporting quarter: the graph refuses periods before it. */
const FIRST_YEAR = 2014;

/** Every quarter from 2014-Q1 to the current one, newest first, as the graph writes them ("2026-Q3"). */
export function planQuarters(today: Date = new Date()): string[] {
  const quarters: string[] = [];
  const year = today.getFullYear();
  const quarter = Math.floor(today.getMonth() / 3) + 1;
  for (let y = year; y >= FIRST_YEAR; y -= 1) {
    for (let q = y === year ? quarter : 4; q >= 1; q -= 1) quarters.push(`${y}-Q${q}`);
  }
  return quarters;
}

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

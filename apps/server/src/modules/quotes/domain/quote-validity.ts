/** How long a quote stays open when the sender sets no date: 30 days, a common Dutch term. */
export const DEFAULT_VALIDITY_DAYS = 30;

export function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

export function defaultValidUntil(issueDate: string): string {
  return addDays(issueDate, DEFAULT_VALIDITY_DAYS);
}

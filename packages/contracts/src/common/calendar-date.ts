/**
 * Legal dates as ISO strings (YYYY-MM-DD): a due date or a collection date is a calendar day,
 * not an instant, so all arithmetic runs on UTC midnight and never meets a time zone or a DST
 * change (domain rules §0: days late = paid date − due date).
 */
export type CalendarDate = string;

const DAY_MS = 86_400_000;

function toUtc(date: CalendarDate): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`not a calendar date: ${date}`);
  return new Date(`${date}T00:00:00Z`);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const next = toUtc(date);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/**
 * Adds calendar months and clamps to the last day of a shorter month: 2026-01-31 + 1 month =
 * 2026-02-28 (how a "month" runs in the started-month clause, §4.4, and the 36-month mandate
 * expiry, §5.2).
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const start = toUtc(date);
  const monthIndex = start.getUTCMonth() + months;
  const lastDayOfTarget = new Date(Date.UTC(start.getUTCFullYear(), monthIndex + 1, 0)).getUTCDate();
  const day = Math.min(start.getUTCDate(), lastDayOfTarget);
  return new Date(Date.UTC(start.getUTCFullYear(), monthIndex, day)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`: 2026-03-16 → 2026-05-20 = 65 (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: CalendarDate): number {
  return toUtc(date).getUTCDay();
}

export function earlierOf(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a <= b ? a : b;
}

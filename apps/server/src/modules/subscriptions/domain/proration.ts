import { addDays, type CalendarDate, daysBetween, divideHalfUp } from '@clientbox/contracts';
import type { GridPeriod } from './billing-periods.ts';

/**
 * The part of a full-period amount (cents) for the days `from`–`to` (inclusive) of `period`,
 * charged by day. Computed as the difference of two rounded running totals — the amount up to
 * `to` minus the amount before `from` — so the parts of any split of a period add up to exactly
 * the full amount, whatever the rounding.
 */
export function prorate(fullAmount: bigint, period: GridPeriod, from: CalendarDate, to: CalendarDate): bigint {
  const days = BigInt(period.days);
  const upTo = (date: CalendarDate) => divideHalfUp(fullAmount * BigInt(daysBetween(period.start, date) + 1), days);
  const before = from <= period.start ? 0n : upTo(addDays(from, -1));
  return upTo(to) - before;
}

import { addDays, addMonths, type CalendarDate } from './calendar-date.ts';
import { isTargetDay, nextTargetDay, previousTargetDay } from './target-calendar.ts';

/**
 * The collection date (ReqdColltnDt) for a requested date: that day when it is a TARGET day,
 * otherwise the next one (§5.1). Requested 2026-04-06 (Easter Monday) → 2026-04-07.
 */
export function collectionDateFor(requested: CalendarDate): CalendarDate {
  return isTargetDay(requested) ? requested : nextTargetDay(requested);
}

/**
 * The day the pain.008 file must reach the bank, before its cut-off: D-1, one TARGET day before
 * the collection date (§5.1; the bank's cut-off time is reference data). Collect 2026-04-07 →
 * submit by 2026-04-02, over Good Friday and Easter Monday.
 */
export function submitBy(collectionDate: CalendarDate): CalendarDate {
  return previousTargetDay(collectionDate);
}

/** Pre-notification: at least 14 calendar days unless agreed otherwise (§5.1). Sent 2026-03-02 → 2026-03-16. */
export const PRE_NOTIFICATION_DAYS = 14;

export function earliestCollectionAfterNotice(
  sentOn: CalendarDate,
  days: number = PRE_NOTIFICATION_DAYS,
): CalendarDate {
  return addDays(sentOn, days);
}

/** A mandate lapses after 36 months without a collection (SEPA rulebook; domain rules §5.2). */
const MANDATE_EXPIRY_MONTHS = 36;

/** The last collection date a mandate still covers: 36 months after its last use, or its signing. */
export function mandateUsableUntil(mandate: {
  signedOn: CalendarDate;
  lastCollectionOn: CalendarDate | null;
}): CalendarDate {
  return addMonths(mandate.lastCollectionOn ?? mandate.signedOn, MANDATE_EXPIRY_MONTHS);
}

/** Last collection 2023-03-15 → 2026-03-15 still allowed, 2026-03-16 needs a new mandate. */
export function isMandateUsableOn(
  mandate: { signedOn: CalendarDate; lastCollectionOn: CalendarDate | null },
  collectionDate: CalendarDate,
): boolean {
  return collectionDate <= mandateUsableUntil(mandate);
}

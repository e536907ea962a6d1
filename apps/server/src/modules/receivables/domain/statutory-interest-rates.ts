import type { CalendarDate } from './calendar-date.ts';

export type CustomerKind = 'b2b' | 'b2c';

/**
 * One row of the statutory interest table (domain rules §4.2). The operator maintains the table
 * as reference data; these rows are its starting content. A percentage is a decimal string; null
 * means "not published yet", so the previous row keeps applying and the caller is warned.
 */
export interface StatutoryInterestRate {
  valid_from: CalendarDate;
  /** Statutory commercial interest (art. 6:119a BW): ECB main refinancing rate + 8 points, reset 1 Jan and 1 Jul. */
  b2b_percent: string | null;
  /** Statutory interest (art. 6:119 BW), set by decree. */
  b2c_percent: string | null;
}

export const STATUTORY_INTEREST_RATES: readonly StatutoryInterestRate[] = [
  { valid_from: '2024-01-01', b2b_percent: '12.50', b2c_percent: '7.00' },
  { valid_from: '2024-07-01', b2b_percent: '12.25', b2c_percent: '7.00' },
  // From 2025 on, every figure is marked (verify) in the rulebook: confirm before production.
  { valid_from: '2025-01-01', b2b_percent: '11.15', b2c_percent: '6.00' },
  { valid_from: '2025-07-01', b2b_percent: '10.15', b2c_percent: '6.00' },
  // B2C: "add when published" (verify); until then the 2025-07-01 row applies, with a warning.
  { valid_from: '2026-01-01', b2b_percent: '10.15', b2c_percent: null },
];

export interface ApplicableRate {
  percent: string;
  valid_from: CalendarDate;
  /** The half-year (1 Jan or 1 Jul) that has started without a row of its own, if any. */
  missingHalfYear: CalendarDate | null;
}

/** The first day of the half-year a date falls in: the days the rates are reset. */
export function halfYearStart(date: CalendarDate): CalendarDate {
  return `${date.slice(0, 4)}-${Number(date.slice(5, 7)) < 7 ? '01' : '07'}-01`;
}

/**
 * The rate on a date: the newest row with a rate for that kind of customer from on or before the
 * date ("a row applies until a newer one exists", §4.2). It still applies when a half-year has
 * started without a row, but then `missingHalfYear` says so, as the admin screen warns.
 */
export function statutoryRateOn(
  rates: readonly StatutoryInterestRate[],
  date: CalendarDate,
  kind: CustomerKind,
): ApplicableRate {
  const applicable = rates
    .filter((row) => row.valid_from <= date && (kind === 'b2b' ? row.b2b_percent : row.b2c_percent) !== null)
    .sort((a, b) => a.valid_from.localeCompare(b.valid_from))
    .at(-1);
  if (!applicable) throw new RangeError(`statutory_interest_rate_missing: no ${kind} rate on ${date}`);
  const halfYear = halfYearStart(date);
  return {
    percent: (kind === 'b2b' ? applicable.b2b_percent : applicable.b2c_percent)!,
    valid_from: applicable.valid_from,
    missingHalfYear: applicable.valid_from < halfYear ? halfYear : null,
  };
}

import { type Cents, divideHalfUp, PERCENT_SCALE, parseDecimal } from '@clientbox/contracts';
import { addDays, addMonths, type CalendarDate, daysBetween, earlierOf } from './calendar-date.ts';
import {
  type CustomerKind,
  halfYearStart,
  type StatutoryInterestRate,
  statutoryRateOn,
} from './statutory-interest-rates.ts';

/** 100% in the units of a parsed percentage, so a rate divides exactly until the one rounding. */
const HUNDRED_PERCENT = parseDecimal('100', PERCENT_SCALE);
/** Domain rules §4.2: a day is 1/365 of the yearly rate, also in leap years (verify). */
const DAYS_PER_YEAR = 365n;

export interface InterestSegment {
  /** First and last interest day of the segment, both inclusive. */
  from: CalendarDate;
  to: CalendarDate;
  days: number;
  percent: string;
  /** The principal the segment runs on: the original one plus interest capitalised so far. */
  principal: Cents;
  interest: Cents;
}

export interface StatutoryInterest {
  interest: Cents;
  segments: InterestSegment[];
  /** Half-years that started without a row of their own in the rate table (the last row was used). */
  missingRateHalfYears: CalendarDate[];
}

/**
 * Statutory interest (art. 6:119 BW for consumers, art. 6:119a BW for businesses) on a principal
 * from the day after the due date up to and including `paidOn` (the payment day, or the day an
 * open claim is reckoned to). Domain rules §4.2:
 * - the period is split at every 1 January and 1 July (the rate resets), at every anniversary of
 *   the first interest day (compounding) and wherever the rate table has a row;
 * - per segment roundHalfUp(P × rate/100 × days/365): 365 also in leap years (verify);
 * - at each anniversary the year's interest is added to the principal (art. 6:119 lid 2 BW).
 */
export function statutoryInterest(input: {
  principal: Cents;
  dueDate: CalendarDate;
  paidOn: CalendarDate;
  kind: CustomerKind;
  rates: readonly StatutoryInterestRate[];
}): StatutoryInterest {
  const firstInterestDay = addDays(input.dueDate, 1);
  const segments: InterestSegment[] = [];
  const missing = new Set<CalendarDate>();
  let principal = input.principal;
  let interestThisYear = 0n;
  let anniversaries = 1;
  let from = firstInterestDay;
  while (from <= input.paidOn) {
    const anniversary = addMonths(firstInterestDay, 12 * anniversaries);
    const nextStart = [nextHalfYearStart(from), anniversary, ...rateChangesAfter(input.rates, input.kind, from)].reduce(
      earlierOf,
    );
    const to = earlierOf(addDays(nextStart, -1), input.paidOn);
    const rate = statutoryRateOn(input.rates, from, input.kind);
    if (rate.missingHalfYear) missing.add(rate.missingHalfYear);
    const days = daysBetween(from, to) + 1;
    const interest = divideHalfUp(
      principal * parseDecimal(rate.percent, PERCENT_SCALE) * BigInt(days),
      HUNDRED_PERCENT * DAYS_PER_YEAR,
    );
    segments.push({ from, to, days, percent: rate.percent, principal, interest });
    interestThisYear += interest;
    if (nextStart === anniversary) {
      principal += interestThisYear;
      interestThisYear = 0n;
      anniversaries += 1;
    }
    from = nextStart;
  }
  return {
    interest: segments.reduce((total, segment) => total + segment.interest, 0n),
    segments,
    missingRateHalfYears: [...missing].sort(),
  };
}

function nextHalfYearStart(date: CalendarDate): CalendarDate {
  return addMonths(halfYearStart(date), 6);
}

/** A row dated inside a half-year (a correction, say) starts a new segment for its kind of customer. */
function rateChangesAfter(
  rates: readonly StatutoryInterestRate[],
  kind: CustomerKind,
  date: CalendarDate,
): CalendarDate[] {
  return rates
    .filter((row) => row.valid_from > date && (kind === 'b2b' ? row.b2b_percent : row.b2c_percent) !== null)
    .map((row) => row.valid_from);
}

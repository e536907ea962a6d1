import { addDays, addMonths, type CalendarDate, daysBetween } from '@clientbox/contracts';

/** What decides a subscription's periods and the day each is invoiced. */
export interface BillingSchedule {
  intervalMonths: number;
  billing: 'advance' | 'arrears';
  alignment: 'start_date' | 'calendar';
  invoiceDateRule: 'first_day' | 'days_before' | 'last_day' | 'day_after';
  invoiceDaysBefore: number;
  startDate: CalendarDate;
  endDate: CalendarDate | null;
}

/** A full period of the schedule's grid, whatever part of it is billed. */
export interface GridPeriod {
  start: CalendarDate;
  end: CalendarDate;
  days: number;
}

/** The part of one grid period that one invoice covers: from the cursor to the period's (or the subscription's) end. */
export interface BillingRange {
  start: CalendarDate;
  end: CalendarDate;
  period: GridPeriod;
}

/** A runaway guard: a subscription is never billed for more periods than this in one go. */
export const MAX_PERIODS_AT_ONCE = 120;

/**
 * Where the grid starts. Periods are counted from this anchor each time (never by adding a month
 * to the previous period), so 31 January → 28 February → 31 March does not drift to the 28th.
 * Calendar alignment anchors at 1 January when the interval divides the year (months, quarters,
 * half-years, years), else at the first of the start month.
 */
function anchorOf(schedule: BillingSchedule): CalendarDate {
  if (schedule.alignment === 'start_date') return schedule.startDate;
  const [year, month] = schedule.startDate.split('-');
  return 12 % schedule.intervalMonths === 0 ? `${year}-01-01` : `${year}-${month}-01`;
}

function monthsFrom(from: CalendarDate, to: CalendarDate): number {
  const [fromYear, fromMonth] = from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = to.split('-').map(Number) as [number, number];
  return (toYear - fromYear) * 12 + (toMonth - fromMonth);
}

/** The grid period that contains `date` (a date on or after the anchor). */
export function gridPeriodContaining(schedule: BillingSchedule, date: CalendarDate): GridPeriod {
  const anchor = anchorOf(schedule);
  const interval = schedule.intervalMonths;
  let index = Math.max(0, Math.floor(monthsFrom(anchor, date) / interval));
  while (index > 0 && addMonths(anchor, index * interval) > date) index -= 1;
  while (addMonths(anchor, (index + 1) * interval) <= date) index += 1;
  const start = addMonths(anchor, index * interval);
  const end = addDays(addMonths(anchor, (index + 1) * interval), -1);
  return { start, end, days: daysBetween(start, end) + 1 };
}

/** The range the next invoice covers, from the billing cursor; null when the subscription has ended before it. */
export function rangeFrom(schedule: BillingSchedule, cursor: CalendarDate): BillingRange | null {
  if (schedule.endDate !== null && cursor > schedule.endDate) return null;
  const period = gridPeriodContaining(schedule, cursor);
  const end = schedule.endDate !== null && schedule.endDate < period.end ? schedule.endDate : period.end;
  return { start: cursor, end, period };
}

/** The day a range's invoice is made and dated, per the schedule's rule. */
export function invoiceDateOf(schedule: BillingSchedule, range: BillingRange): CalendarDate {
  switch (schedule.invoiceDateRule) {
    case 'first_day':
      return range.start;
    case 'days_before':
      return addDays(range.start, -schedule.invoiceDaysBefore);
    case 'last_day':
      return range.end;
    case 'day_after':
      return addDays(range.end, 1);
  }
}

/**
 * Every range from the cursor whose invoice day has come by `today`, in order: the periods a
 * run bills now, including any it missed while the application was down (catch-up).
 */
export function dueRanges(schedule: BillingSchedule, cursor: CalendarDate, today: CalendarDate): BillingRange[] {
  const due: BillingRange[] = [];
  let range = rangeFrom(schedule, cursor);
  while (range && invoiceDateOf(schedule, range) <= today && due.length < MAX_PERIODS_AT_ONCE) {
    due.push(range);
    range = rangeFrom(schedule, addDays(range.end, 1));
  }
  return due;
}

/** The day the next invoice is due to be made from this cursor, or null when nothing is left to bill. */
export function nextInvoiceDate(schedule: BillingSchedule, cursor: CalendarDate): CalendarDate | null {
  const range = rangeFrom(schedule, cursor);
  return range ? invoiceDateOf(schedule, range) : null;
}

/** The first grid period start on or after `date`: where an announced price takes over. */
export function firstPeriodStartOnOrAfter(schedule: BillingSchedule, date: CalendarDate): CalendarDate {
  if (date <= schedule.startDate) return schedule.startDate;
  const period = gridPeriodContaining(schedule, date);
  return period.start === date ? date : addDays(period.end, 1);
}

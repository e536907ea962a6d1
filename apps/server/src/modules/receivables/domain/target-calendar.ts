import { addDays, type CalendarDate, dayOfWeek } from './calendar-date.ts';

/**
 * The TARGET2 calendar (domain rules §5.1): SEPA collections settle only on TARGET days. Closed on
 * weekends, 1 January, Good Friday, Easter Monday, 1 May, 25 and 26 December. The operator keeps
 * the holidays as reference data; these are the ECB's fixed closing days.
 */
const FIXED_CLOSING_DAYS = new Set(['01-01', '05-01', '12-25', '12-26']);

/** Easter Sunday in the Gregorian calendar (the anonymous Meeus/Jones/Butcher algorithm). */
export function easterSunday(year: number): CalendarDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isTargetDay(date: CalendarDate): boolean {
  const weekday = dayOfWeek(date);
  if (weekday === 0 || weekday === 6) return false;
  if (FIXED_CLOSING_DAYS.has(date.slice(5))) return false;
  const easter = easterSunday(Number(date.slice(0, 4)));
  return date !== addDays(easter, -2) && date !== addDays(easter, 1);
}

/** The first TARGET day after `date`. */
export function nextTargetDay(date: CalendarDate): CalendarDate {
  let next = addDays(date, 1);
  while (!isTargetDay(next)) next = addDays(next, 1);
  return next;
}

/** The last TARGET day before `date`. */
export function previousTargetDay(date: CalendarDate): CalendarDate {
  let previous = addDays(date, -1);
  while (!isTargetDay(previous)) previous = addDays(previous, -1);
  return previous;
}

/** Dates and months as the Dutch office sees them (times are stored in UTC). */
export const OFFICE_TIME_ZONE = 'Europe/Amsterdam';

const dateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: OFFICE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** `YYYY-MM-DD` of this moment in Amsterdam. */
export function officeDate(at: Date = new Date()): string {
  return dateFormat.format(at);
}

/** The `count` calendar months up to and including the one of `at`, oldest first: `['2025-12', '2026-01']`. */
export function monthsUpTo(at: Date, count: number): string[] {
  const [year, month] = officeDate(at).split('-').map(Number) as [number, number];
  const months: string[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const index = year * 12 + (month - 1) - back;
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

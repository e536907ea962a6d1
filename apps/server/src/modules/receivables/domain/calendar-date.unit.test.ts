import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayOfWeek, daysBetween } from './calendar-date.ts';

describe('calendar dates', () => {
  it.each([
    ['2026-03-02', 14, '2026-03-16'],
    ['2028-02-20', 10, '2028-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-29', 1, '2026-03-30'], // the night clocks go forward in Amsterdam changes nothing
    ['2026-04-01', -1, '2026-03-31'],
  ])('addDays(%s, %i) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2026-03-16', 1, '2026-04-16'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-01-31', 2, '2026-03-31'],
    ['2023-03-15', 36, '2026-03-15'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-11-30', 3, '2027-02-28'],
  ])('addMonths(%s, %i) = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('counts days late as paid date − due date (§0)', () => {
    expect(daysBetween('2026-03-16', '2026-05-20')).toBe(65);
    expect(daysBetween('2025-03-31', '2026-06-30')).toBe(456);
    expect(daysBetween('2026-03-16', '2026-03-01')).toBe(-15);
  });

  it('knows the day of the week and refuses what is not a date', () => {
    expect(dayOfWeek('2026-04-03')).toBe(5);
    expect(() => addDays('2026-4-3', 1)).toThrow(RangeError);
  });
});

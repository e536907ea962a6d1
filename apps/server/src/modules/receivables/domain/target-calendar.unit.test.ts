import { describe, expect, it } from 'vitest';
import { easterSunday, isTargetDay, nextTargetDay, previousTargetDay } from './target-calendar.ts';

describe('TARGET2 calendar (domain rules §5.1)', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('Easter %i is %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it.each([
    ['2026-01-01', false], // New Year
    ['2026-01-02', true],
    ['2026-04-02', true],
    ['2026-04-03', false], // Good Friday
    ['2026-04-04', false], // Saturday
    ['2026-04-05', false], // Sunday
    ['2026-04-06', false], // Easter Monday
    ['2026-04-07', true],
    ['2026-04-27', true], // King's Day: a Dutch holiday, but TARGET is open
    ['2026-05-01', false], // Labour Day
    ['2026-05-14', true], // Ascension Day: open
    ['2026-12-24', true],
    ['2026-12-25', false],
    ['2026-12-28', true],
    ['2027-12-26', false], // Sunday anyway
    ['2025-12-26', false],
  ])('%s is a TARGET day: %s', (date, expected) => {
    expect(isTargetDay(date)).toBe(expected);
  });

  it.each([
    ['2026-04-02', '2026-04-07', '2026-04-01'],
    ['2026-04-30', '2026-05-04', '2026-04-29'],
    ['2026-12-24', '2026-12-28', '2026-12-23'],
    ['2026-12-31', '2027-01-04', '2026-12-30'],
  ])('after %s comes %s, before it %s', (date, next, previous) => {
    expect(nextTargetDay(date)).toBe(next);
    expect(previousTargetDay(date)).toBe(previous);
  });
});

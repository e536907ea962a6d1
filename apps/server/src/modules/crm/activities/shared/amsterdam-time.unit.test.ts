import { describe, expect, it } from 'vitest';
import { monthsUpTo, officeDate } from './amsterdam-time.ts';

describe('office dates (Europe/Amsterdam)', () => {
  it.each([
    ['2026-01-31T22:59:59Z', '2026-01-31'],
    ['2026-01-31T23:00:00Z', '2026-02-01'],
    ['2026-06-30T21:59:59Z', '2026-06-30'],
    ['2026-06-30T22:00:00Z', '2026-07-01'],
  ])('%s is %s in Amsterdam', (utc, date) => {
    expect(officeDate(new Date(utc))).toBe(date);
  });

  it('lists the months up to the current one across a year boundary', () => {
    expect(monthsUpTo(new Date('2026-02-10T12:00:00Z'), 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsUpTo(new Date('2025-12-31T23:30:00Z'), 1)).toEqual(['2026-01']);
  });
});

import { formatAmount, parseAmount } from '@clientbox/contracts';
import { describe, expect, it } from 'vitest';
import { statutoryInterest } from './statutory-interest.ts';
import { STATUTORY_INTEREST_RATES, statutoryRateOn } from './statutory-interest-rates.ts';

const interestOn = (principal: string, dueDate: string, paidOn: string, kind: 'b2b' | 'b2c' = 'b2b') =>
  statutoryInterest({ principal: parseAmount(principal), dueDate, paidOn, kind, rates: STATUTORY_INTEREST_RATES });

describe('statutoryInterest (domain rules §4.2)', () => {
  it('computes the worked example per segment and capitalises at the anniversary: 1,319.30', () => {
    const result = interestOn('10000.00', '2025-03-31', '2026-06-30');
    const rows = result.segments.map((segment) => [
      segment.from,
      segment.to,
      segment.days,
      segment.percent,
      formatAmount(segment.principal),
      formatAmount(segment.interest),
    ]);
    expect(rows).toEqual([
      ['2025-04-01', '2025-06-30', 91, '11.15', '10000.00', '277.99'],
      ['2025-07-01', '2025-12-31', 184, '10.15', '10000.00', '511.67'],
      ['2026-01-01', '2026-03-31', 90, '10.15', '10000.00', '250.27'],
      ['2026-04-01', '2026-06-30', 91, '10.15', '11039.93', '279.37'],
    ]);
    expect(formatAmount(result.interest)).toBe('1319.30');
    expect(result.missingRateHalfYears).toEqual([]);
  });

  it.each([
    ['paid on the due date', '2026-03-16'],
    ['paid before the due date', '2026-03-01'],
  ])('is zero when %s', (_, paidOn) => {
    const result = interestOn('1210.00', '2026-03-16', paidOn);
    expect(result.interest).toBe(0n);
    expect(result.segments).toEqual([]);
  });

  it.each([
    ['b2b', '2026-03-16', '2026-05-20', '21.87', []],
    ['b2c', '2026-03-16', '2026-05-20', '12.93', ['2026-01-01']],
    ['b2b', '2026-03-16', '2026-03-17', '0.34', []],
    ['b2c', '2025-03-16', '2025-05-20', '12.93', []],
  ])('%s: 1,210.00 due %s paid %s → %s', (kind, dueDate, paidOn, expected, missing) => {
    const result = interestOn('1210.00', dueDate, paidOn, kind as 'b2b' | 'b2c');
    expect(formatAmount(result.interest)).toBe(expected);
    expect(result.missingRateHalfYears).toEqual(missing);
  });

  it('uses the last row for a half-year without one and reports that half-year', () => {
    const rates = STATUTORY_INTEREST_RATES.filter((row) => row.valid_from < '2026-01-01');
    const result = statutoryInterest({
      principal: parseAmount('10000.00'),
      dueDate: '2025-12-31',
      paidOn: '2026-07-31',
      kind: 'b2b',
      rates,
    });
    expect(result.segments.map((segment) => [segment.from, segment.percent])).toEqual([
      ['2026-01-01', '10.15'],
      ['2026-07-01', '10.15'],
    ]);
    expect(result.missingRateHalfYears).toEqual(['2026-01-01', '2026-07-01']);
  });

  it('splits at a row dated inside a half-year', () => {
    const rates = [...STATUTORY_INTEREST_RATES, { valid_from: '2026-02-01', b2b_percent: '9.00', b2c_percent: null }];
    const result = statutoryInterest({
      principal: parseAmount('1000.00'),
      dueDate: '2026-01-15',
      paidOn: '2026-02-10',
      kind: 'b2b',
      rates,
    });
    expect(result.segments.map((segment) => [segment.from, segment.to, segment.percent])).toEqual([
      ['2026-01-16', '2026-01-31', '10.15'],
      ['2026-02-01', '2026-02-10', '9.00'],
    ]);
  });

  it('refuses a date before the first row of the table', () => {
    expect(() => statutoryRateOn(STATUTORY_INTEREST_RATES, '2023-12-31', 'b2b')).toThrow(
      /statutory_interest_rate_missing/,
    );
  });
});

import { formatAmount, parseAmount } from '@clientbox/contracts';
import { describe, expect, it } from 'vitest';
import { clauseAmounts, clauseCharges, startedMonths } from './contractual-clause.ts';
import { fourteenDayLetterTerm } from './fourteen-day-letter.ts';
import { STATUTORY_INTEREST_RATES } from './statutory-interest-rates.ts';
import { wikCollectionCosts } from './wik-collection-costs.ts';

/** The worked example of §4.4: €1,000.00 + 21% dated 2026-03-02, 14-day term, due 03-16, paid 05-20. */
const EXAMPLE = {
  principal: parseAmount('1210.00'),
  dueDate: '2026-03-16',
  paidOn: '2026-05-20',
  rates: STATUTORY_INTEREST_RATES,
};
const LETTER_EXPIRED_ON = fourteenDayLetterTerm('2026-03-17', 'email').expiresOn;

const amounts = (charges: { interest: bigint; costs: bigint }) => [
  formatAmount(charges.interest),
  formatAmount(charges.costs),
];

describe('startedMonths (domain rules §4.4)', () => {
  it.each([
    ['2026-03-16', '2026-03-01', 0],
    ['2026-03-16', '2026-03-16', 0],
    ['2026-03-16', '2026-03-17', 1],
    ['2026-03-16', '2026-04-16', 1],
    ['2026-03-16', '2026-04-17', 2],
    ['2026-03-16', '2026-05-20', 3],
    ['2026-01-31', '2026-02-28', 1],
    ['2026-01-31', '2026-03-01', 2],
    ['2026-01-31', '2026-03-31', 2],
    ['2026-01-31', '2026-04-01', 3],
  ])('due %s, paid %s → %i', (dueDate, paidOn, expected) => {
    expect(startedMonths(dueDate, paidOn)).toBe(expected);
  });
});

describe('clauseCharges (domain rules §4.4)', () => {
  it('B2B: clause interest 36.30 and costs 145.20; statutory 21.87 only for comparison', () => {
    const charges = clauseCharges({ ...EXAMPLE, customerKind: 'b2b' });
    expect(amounts(charges)).toEqual(['36.30', '145.20']);
    expect(charges.interestRule).toBe('clause');
    expect(formatAmount(charges.statutory.interest)).toBe('21.87');
  });

  it('B2C: statutory interest 12.93 at the 6% row (reported as carried over) and costs 145.20 below the WIK', () => {
    const charges = clauseCharges({ ...EXAMPLE, customerKind: 'b2c', fourteenDayLetterExpiredOn: LETTER_EXPIRED_ON });
    expect(amounts(charges)).toEqual(['12.93', '145.20']);
    expect(charges.interestRule).toBe('statutory');
    expect(charges.statutory.segments.map((segment) => segment.percent)).toEqual(['6.00']);
    expect(charges.statutory.missingRateHalfYears).toEqual(['2026-01-01']);
  });

  it.each([
    ['no letter', null, '2026-05-20'],
    ['paid within the letter term', LETTER_EXPIRED_ON, '2026-03-31'],
  ])('B2C: no costs with %s', (_, expiredOn, paidOn) => {
    const charges = clauseCharges({ ...EXAMPLE, paidOn, customerKind: 'b2c', fourteenDayLetterExpiredOn: expiredOn });
    expect(charges.costs).toBe(0n);
    expect(charges.interest).toBeGreaterThan(0n);
  });

  it.each(['b2b', 'b2c'] as const)('%s: nothing when paid on the due date', (customerKind) => {
    const charges = clauseCharges({
      ...EXAMPLE,
      paidOn: EXAMPLE.dueDate,
      customerKind,
      fourteenDayLetterExpiredOn: LETTER_EXPIRED_ON,
    });
    expect(amounts(charges)).toEqual(['0.00', '0.00']);
  });

  it.each([
    // P, clause costs, WIK, B2B costs, B2C costs
    ['200.00', '50.00', '40.00', '50.00', '40.00'],
    ['1210.00', '145.20', '181.50', '145.20', '145.20'],
    ['6050.00', '726.00', '677.50', '726.00', '677.50'],
  ])('P %s: clause %s, WIK %s → B2B %s, B2C %s', (principal, clauseCosts, wik, b2b, b2c) => {
    const cents = parseAmount(principal);
    expect(formatAmount(clauseAmounts(cents, 3).costs)).toBe(clauseCosts);
    expect(formatAmount(wikCollectionCosts(cents))).toBe(wik);
    const input = { ...EXAMPLE, principal: cents, fourteenDayLetterExpiredOn: LETTER_EXPIRED_ON };
    expect(formatAmount(clauseCharges({ ...input, customerKind: 'b2b' }).costs)).toBe(b2b);
    expect(formatAmount(clauseCharges({ ...input, customerKind: 'b2c' }).costs)).toBe(b2c);
  });

  it('B2B: costs never below €40 even when a clause asks less', () => {
    const clause = { interest_percent_per_started_month: '1', costs_percent: '5', costs_minimum: '10.00' };
    const charges = clauseCharges({ ...EXAMPLE, principal: parseAmount('200.00'), customerKind: 'b2b', clause });
    expect(amounts(charges)).toEqual(['6.00', '40.00']);
  });
});

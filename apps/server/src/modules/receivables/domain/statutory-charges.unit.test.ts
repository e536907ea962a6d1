import { formatAmount, parseAmount } from '@clientbox/contracts';
import { describe, expect, it } from 'vitest';
import { fourteenDayLetterTerm } from './fourteen-day-letter.ts';
import { statutoryCharges } from './statutory-charges.ts';
import { STATUTORY_INTEREST_RATES } from './statutory-interest-rates.ts';

const LETTER_EXPIRED_ON = fourteenDayLetterTerm('2026-03-17', 'email').expiresOn;

const charges = (
  principal: string,
  customerKind: 'b2b' | 'b2c',
  paidOn: string,
  fourteenDayLetterExpiredOn: string | null = null,
) => {
  const result = statutoryCharges({
    principal: parseAmount(principal),
    dueDate: '2026-03-16',
    paidOn,
    customerKind,
    fourteenDayLetterExpiredOn,
    rates: STATUTORY_INTEREST_RATES,
  });
  return [formatAmount(result.interest), formatAmount(result.costs)];
};

describe('statutoryCharges (domain rules §4.2–4.3)', () => {
  it.each([
    // B2B: statutory commercial interest + WIK with the €40 fixed compensation as a floor, no letter needed.
    ['1210.00', 'b2b', '2026-05-20', null, '21.87', '181.50'],
    ['200.00', 'b2b', '2026-05-20', null, '3.62', '40.00'],
    ['1210.00', 'b2b', '2026-03-17', null, '0.34', '181.50'],
    ['1210.00', 'b2b', '2026-03-16', null, '0.00', '0.00'],
    // B2C: statutory interest; the WIK only after the 14-day letter's term.
    ['1210.00', 'b2c', '2026-05-20', null, '12.93', '0.00'],
    ['1210.00', 'b2c', '2026-03-31', LETTER_EXPIRED_ON, '2.98', '0.00'],
    ['1210.00', 'b2c', '2026-04-01', LETTER_EXPIRED_ON, '3.18', '181.50'],
    ['200.00', 'b2c', '2026-05-20', LETTER_EXPIRED_ON, '2.14', '40.00'],
  ])(
    'P %s %s paid %s (letter term ends %s) → interest %s, costs %s',
    (principal, kind, paidOn, letter, interest, costs) => {
      expect(charges(principal, kind as 'b2b' | 'b2c', paidOn, letter)).toEqual([interest, costs]);
    },
  );
});

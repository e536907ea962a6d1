import { type Cents, parseAmount } from '@clientbox/contracts';
import { hasFourteenDayTermPassed } from './fourteen-day-letter.ts';
import type { LateCharges, LateChargesInput } from './late-charges.ts';
import { statutoryInterest } from './statutory-interest.ts';
import { wikCollectionCosts } from './wik-collection-costs.ts';

/** Art. 6:96 lid 4 BW (Directive 2011/7/EU art. 6): the fixed compensation a business debtor owes at least. */
const B2B_FIXED_COMPENSATION = parseAmount('40.00');

/**
 * Late charges without a clause (§4.2, §4.3):
 * - B2B: statutory commercial interest (art. 6:119a BW) from the day after the due date, and
 *   collection costs on the WIK scale with the €40 fixed compensation as a floor (not on top);
 * - B2C: statutory interest (art. 6:119 BW), and the WIK costs only once the 14-day letter's term
 *   has passed (art. 6:96 lid 6 BW).
 */
export function statutoryCharges(input: LateChargesInput): LateCharges {
  const statutory = statutoryInterest({ ...input, kind: input.customerKind });
  const isLate = input.paidOn > input.dueDate;
  let costs: Cents = 0n;
  if (isLate && input.customerKind === 'b2b') {
    const wik = wikCollectionCosts(input.principal);
    costs = wik > B2B_FIXED_COMPENSATION ? wik : B2B_FIXED_COMPENSATION;
  } else if (isLate && hasFourteenDayTermPassed(input.fourteenDayLetterExpiredOn, input.paidOn)) {
    costs = wikCollectionCosts(input.principal);
  }
  return { interest: statutory.interest, costs, interestRule: 'statutory', statutory };
}

import { type Cents, divideHalfUp, PERCENT_SCALE, parseAmount, parseDecimal, percentOf } from '@clientbox/contracts';
import { addMonths, type CalendarDate } from './calendar-date.ts';
import { hasFourteenDayTermPassed } from './fourteen-day-letter.ts';
import type { LateCharges, LateChargesInput } from './late-charges.ts';
import { statutoryInterest } from './statutory-interest.ts';
import { wikCollectionCosts } from './wik-collection-costs.ts';

/** A clause like "1% interest per started month + 12% surcharge, minimum €50 (excl. VAT)" (§4.4). */
export interface ContractualClause {
  interest_percent_per_started_month: string;
  costs_percent: string;
  costs_minimum: string;
}

/** The operator's own clause; a tenant may set its own figures. */
export const DEFAULT_CONTRACTUAL_CLAUSE: ContractualClause = {
  interest_percent_per_started_month: '1',
  costs_percent: '12',
  costs_minimum: '50.00',
};

/** Art. 6:96 lid 4 BW: a business debtor owes at least €40 collection costs, whatever the clause says. */
const B2B_MINIMUM_COSTS = parseAmount('40.00');
const HUNDRED_PERCENT = parseDecimal('100', PERCENT_SCALE);

/**
 * Started months late (§4.4): the smallest n ≥ 1 with addMonths(due, n) ≥ paid, 0 when paid on
 * time. addMonths clamps to the month end, so due 2026-01-31 paid 02-28 is 1 month, 03-01 is 2.
 */
export function startedMonths(dueDate: CalendarDate, paidOn: CalendarDate): number {
  if (paidOn <= dueDate) return 0;
  let months = 1;
  while (addMonths(dueDate, months) < paidOn) months += 1;
  return months;
}

/** The clause's own figures, before the law caps them: interest per started month and the surcharge. */
export function clauseAmounts(
  principal: Cents,
  months: number,
  clause: ContractualClause = DEFAULT_CONTRACTUAL_CLAUSE,
): { interest: Cents; costs: Cents } {
  const interest = divideHalfUp(
    principal * parseDecimal(clause.interest_percent_per_started_month, PERCENT_SCALE) * BigInt(months),
    HUNDRED_PERCENT,
  );
  const surcharge = percentOf(principal, clause.costs_percent);
  const minimum = parseAmount(clause.costs_minimum);
  return { interest, costs: surcharge > minimum ? surcharge : minimum };
}

/**
 * Late charges under the contractual clause (§4.4):
 * - B2B: the clause interest (contractual interest replaces statutory interest, art. 6:119a BW)
 *   and costs max(clause, €40) (art. 6:96 lid 4 BW; a court may still reduce them, art. 242 Rv);
 * - B2C: statutory interest only, because a court tests a started-month clause for unfairness of
 *   its own motion (Directive 93/13, art. 6:233 BW); costs min(clause, WIK), and only once the
 *   14-day letter's term has passed: the excess over the WIK is void (art. 6:96 lid 5–6 BW).
 */
export function clauseCharges(input: LateChargesInput & { clause?: ContractualClause }): LateCharges {
  const statutory = statutoryInterest({ ...input, kind: input.customerKind });
  const months = startedMonths(input.dueDate, input.paidOn);
  if (months === 0) return { interest: 0n, costs: 0n, interestRule: 'clause', statutory };
  const clause = clauseAmounts(input.principal, months, input.clause);
  if (input.customerKind === 'b2b') {
    const costs = clause.costs > B2B_MINIMUM_COSTS ? clause.costs : B2B_MINIMUM_COSTS;
    return { interest: clause.interest, costs, interestRule: 'clause', statutory };
  }
  const wik = wikCollectionCosts(input.principal);
  const costs = hasFourteenDayTermPassed(input.fourteenDayLetterExpiredOn, input.paidOn)
    ? minimumOf(clause.costs, wik)
    : 0n;
  return { interest: statutory.interest, costs, interestRule: 'statutory', statutory };
}

function minimumOf(a: Cents, b: Cents): Cents {
  return a < b ? a : b;
}

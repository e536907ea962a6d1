import type { Cents } from '@clientbox/contracts';
import type { CalendarDate } from './calendar-date.ts';

/** The open parts of one claim. */
export interface ClaimParts {
  costs: Cents;
  interest: Cents;
  principal: Cents;
}

export interface Allocation {
  /** What the payment pays off of each part. */
  allocated: ClaimParts;
  /** What stays open of each part; interest keeps running on the open principal. */
  open: ClaimParts;
  /** The part of the payment above the whole claim: an over-payment, to the next claim or a credit balance. */
  remainder: Cents;
}

/**
 * Allocation within a claim (art. 6:44 BW, domain rules §4.5): a payment goes to the costs first,
 * then the interest, then the principal, whatever the debtor says. P 1,210.00, interest 36.30,
 * costs 145.20, payment 1,000.00 → 818.50 to the principal, 391.50 open.
 */
export function allocatePayment(claim: ClaimParts, amount: Cents): Allocation {
  if (amount < 0n) throw new RangeError('a payment to allocate cannot be negative');
  let left = amount;
  const take = (open: Cents): Cents => {
    const paid = open < left ? open : left;
    left -= paid;
    return paid;
  };
  const allocated = { costs: take(claim.costs), interest: take(claim.interest), principal: take(claim.principal) };
  return {
    allocated,
    open: {
      costs: claim.costs - allocated.costs,
      interest: claim.interest - allocated.interest,
      principal: claim.principal - allocated.principal,
    },
    remainder: left,
  };
}

export interface AllocatableInvoice {
  number: string;
  dueDate: CalendarDate;
}

/**
 * The order in which a payment pays several open invoices of one debtor (art. 6:43 BW, §4.5): the
 * invoice the debtor designates (by reference or invoice number) first; then the oldest due date,
 * then the lowest invoice number. Numbers compare by their digits, so 2026-9 comes before 2026-10.
 */
export function orderForAllocation<Invoice extends AllocatableInvoice>(
  invoices: readonly Invoice[],
  designatedNumber?: string | null,
): Invoice[] {
  return [...invoices].sort(
    (a, b) =>
      Number(b.number === designatedNumber) - Number(a.number === designatedNumber) ||
      a.dueDate.localeCompare(b.dueDate) ||
      a.number.localeCompare(b.number, 'en', { numeric: true }),
  );
}

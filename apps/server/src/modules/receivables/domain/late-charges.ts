import type { Cents } from '@clientbox/contracts';
import type { CalendarDate } from './calendar-date.ts';
import type { StatutoryInterest } from './statutory-interest.ts';
import type { CustomerKind, StatutoryInterestRate } from './statutory-interest-rates.ts';

/** What a late payer owes on top of the principal. Neither part carries VAT: both are damages (§4.3). */
export interface LateCharges {
  interest: Cents;
  costs: Cents;
  /** The rule the interest comes from: the tenant's clause or the law. */
  interestRule: 'clause' | 'statutory';
  /**
   * The statutory interest over the same days, with its segments and rate-table warnings: the
   * interest itself under the statutory rule and for consumers; a comparison under a B2B clause.
   */
  statutory: StatutoryInterest;
}

export interface LateChargesInput {
  /** The invoice total including VAT. */
  principal: Cents;
  dueDate: CalendarDate;
  /** The payment day, or the day an open claim is reckoned to. */
  paidOn: CalendarDate;
  customerKind: CustomerKind;
  /** The last day of the consumer's 14-day letter term (fourteenDayLetterTerm().expiresOn); null = no letter yet. */
  fourteenDayLetterExpiredOn?: CalendarDate | null;
  rates: readonly StatutoryInterestRate[];
}

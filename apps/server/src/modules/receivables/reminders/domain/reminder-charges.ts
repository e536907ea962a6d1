import type { Cents, ChargeRule } from '@clientbox/contracts';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import {
  clauseAmounts,
  clauseCharges,
  type ContractualClause,
  startedMonths,
} from '../../domain/contractual-clause.ts';
import { fourteenDayLetterTerm } from '../../domain/fourteen-day-letter.ts';
import { statutoryCharges } from '../../domain/statutory-charges.ts';
import { type CustomerKind, STATUTORY_INTEREST_RATES } from '../../domain/statutory-interest-rates.ts';
import { wikCollectionCosts } from '../../domain/wik-collection-costs.ts';

export interface ReminderChargesInput {
  rule: ChargeRule;
  clause: ContractualClause;
  customerKind: CustomerKind;
  /** The open principal: what is still due of the invoice. */
  principal: Cents;
  dueDate: CalendarDate;
  /** The letter's date: interest is reckoned to it. */
  reckonedOn: CalendarDate;
  /** This level states the charges (the final notice by default). */
  includeCharges: boolean;
  /** This letter is the consumer's 14-day letter. */
  isFourteenDayLetter: boolean;
  /** The last day of the term of an earlier 14-day letter, if one was sent. */
  fourteenDayLetterExpiresOn: CalendarDate | null;
}

export interface ReminderCharges {
  interest: Cents;
  costs: Cents;
  interestRule: 'clause' | 'statutory' | null;
  /** What the 14-day letter announces: the costs owed if the term passes without payment. */
  fourteenDayLetter: { expiresOn: CalendarDate; costs: Cents } | null;
}

/**
 * The amounts one letter states (domain rules §4.2–4.5). Charges only on a level that states
 * them and under a rule other than `none`; a consumer's costs only after a 14-day letter's term
 * (the law's functions below enforce that). A 14-day letter announces the exact costs: the WIK
 * scale, or the clause capped by it.
 */
export function reminderCharges(input: ReminderChargesInput): ReminderCharges {
  const fourteenDayLetter = input.isFourteenDayLetter
    ? {
        expiresOn: fourteenDayLetterTerm(input.reckonedOn, 'email').expiresOn,
        costs: announcedConsumerCosts(input),
      }
    : null;
  if (input.rule === 'none' || !input.includeCharges)
    return { interest: 0n, costs: 0n, interestRule: null, fourteenDayLetter };
  const lateInput = {
    principal: input.principal,
    dueDate: input.dueDate,
    paidOn: input.reckonedOn,
    customerKind: input.customerKind,
    fourteenDayLetterExpiredOn: input.fourteenDayLetterExpiresOn,
    rates: STATUTORY_INTEREST_RATES,
  };
  const charges =
    input.rule === 'clause' ? clauseCharges({ ...lateInput, clause: input.clause }) : statutoryCharges(lateInput);
  return { interest: charges.interest, costs: charges.costs, interestRule: charges.interestRule, fourteenDayLetter };
}

function announcedConsumerCosts(input: ReminderChargesInput): Cents {
  const wik = wikCollectionCosts(input.principal);
  if (input.rule !== 'clause') return wik;
  const months = Math.max(1, startedMonths(input.dueDate, input.reckonedOn));
  const clause = clauseAmounts(input.principal, months, input.clause).costs;
  return clause < wik ? clause : wik;
}

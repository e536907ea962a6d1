import { addDays, type CalendarDate } from './calendar-date.ts';

export type LetterChannel = 'email' | 'post';

/** Assumed postal delivery delay (domain rules §4.3, verify): operator reference data. */
export const POSTAL_DELIVERY_DAYS = 2;
const TERM_DAYS = 14;

export interface FourteenDayLetterTerm {
  /** The day the consumer is taken to have received the letter. */
  receivedOn: CalendarDate;
  /** The last day to pay without collection costs; pass it on as `fourteenDayLetterExpiredOn`. */
  expiresOn: CalendarDate;
  /** The first day the collection costs are due if the claim is still open. */
  costsDueFrom: CalendarDate;
}

/**
 * The 14-day letter (art. 6:96 lid 6 BW), domain rules §4.3: a consumer owes collection costs only
 * after a letter, sent after the due date, that gives 14 days to pay counted from the day after
 * receipt. Email is received the day it is sent, post 2 days later (verify). Emailed 2026-03-17 →
 * term 03-18 … 03-31 → costs from 2026-04-01. A term ending on a weekend or holiday may be extended
 * by the Algemene termijnenwet (verify; not applied here).
 */
export function fourteenDayLetterTerm(sentOn: CalendarDate, channel: LetterChannel): FourteenDayLetterTerm {
  const receivedOn = channel === 'post' ? addDays(sentOn, POSTAL_DELIVERY_DAYS) : sentOn;
  const expiresOn = addDays(receivedOn, TERM_DAYS);
  return { receivedOn, expiresOn, costsDueFrom: addDays(expiresOn, 1) };
}

/** Collection costs of a consumer are due when the claim is still open after the letter's term. */
export function hasFourteenDayTermPassed(
  fourteenDayLetterExpiredOn: CalendarDate | null | undefined,
  paidOn: CalendarDate,
): boolean {
  return fourteenDayLetterExpiredOn != null && paidOn > fourteenDayLetterExpiredOn;
}

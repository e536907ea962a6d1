import type { QuoteStatus } from '@clientbox/contracts';

export type StoredQuoteStatus = 'draft' | 'sent' | 'viewed' | 'accepted' | 'declined';

export interface QuoteState {
  status: StoredQuoteStatus;
  /** The last day the customer can accept (YYYY-MM-DD); null on a draft. */
  validUntil: string | null;
  /** Set when a newer version replaced this one. */
  supersededAt: Date | null;
}

/**
 * What a quote is today. `superseded` and `expired` are computed, not stored: a quote expires by
 * itself after its last valid day (Europe/Amsterdam), without a job having to run first.
 */
export function quoteStatusOf(quote: QuoteState, today: string): QuoteStatus {
  if (quote.supersededAt) return 'superseded';
  if (isAwaitingAnswer(quote) && quote.validUntil !== null && quote.validUntil < today) return 'expired';
  return quote.status;
}

function isAwaitingAnswer(quote: QuoteState): boolean {
  return quote.status === 'sent' || quote.status === 'viewed';
}

export type ResponseRefusal =
  'quote_not_found' | 'quote_superseded' | 'quote_already_accepted' | 'quote_already_declined' | 'quote_expired';

/**
 * Why the customer can no longer accept or decline, or null when they can: only a sent (or
 * viewed) current version, up to and including its last valid day. A draft has no public page.
 */
export function responseRefusal(quote: QuoteState, today: string): ResponseRefusal | null {
  if (quote.status === 'draft') return 'quote_not_found';
  if (quote.supersededAt) return 'quote_superseded';
  if (quote.status === 'accepted') return 'quote_already_accepted';
  if (quote.status === 'declined') return 'quote_already_declined';
  if (quote.validUntil === null || quote.validUntil < today) return 'quote_expired';
  return null;
}

/**
 * A sent quote can be revised into a new version while the customer has not accepted it: sent,
 * viewed, expired or declined, and not already revised (revise the newest version).
 */
export function isRevisable(quote: QuoteState): boolean {
  return !quote.supersededAt && (isAwaitingAnswer(quote) || quote.status === 'declined');
}

type Moment = Date | string | null;

/**
 * The stored status of a sent version follows from what happened to it: the customer's answer,
 * else whether the customer opened it. (An archive import checks its rows against this and
 * restores the status from it.)
 */
export function sentStatusOf(facts: {
  acceptedAt: Moment;
  declinedAt: Moment;
  viewedAt: Moment;
}): Exclude<StoredQuoteStatus, 'draft'> {
  if (facts.acceptedAt) return 'accepted';
  if (facts.declinedAt) return 'declined';
  return facts.viewedAt ? 'viewed' : 'sent';
}

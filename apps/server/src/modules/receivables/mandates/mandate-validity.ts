import type { MandateStatus } from '@clientbox/contracts';
import { isMandateUsableOn, mandateUsableUntil } from '../domain/sepa-timing.ts';

/** The columns that decide whether a mandate may be collected on. */
export interface MandateValidityFacts {
  status: 'pending' | 'active' | 'revoked';
  type: 'recurrent' | 'one_off';
  signedOn: string | null;
  lastCollectionOn: string | null;
}

/**
 * The last day a collection may be requested: a collection on `ReqdColltnDt` is allowed iff
 * `ReqdColltnDt ≤ addMonths(last_collection_on ?? signed_on, 36)` (last collection 2023-03-15 →
 * 2026-03-15 still allowed, 2026-03-16 needs a new mandate). Null while unsigned.
 */
export function mandateExpiresOn(facts: Pick<MandateValidityFacts, 'signedOn' | 'lastCollectionOn'>): string | null {
  return facts.signedOn
    ? mandateUsableUntil({ signedOn: facts.signedOn, lastCollectionOn: facts.lastCollectionOn })
    : null;
}

/** The status the API shows: `expired` is an active mandate past its `expires_on`. */
export function mandateStatusOn(facts: MandateValidityFacts, today: string): MandateStatus {
  if (facts.status !== 'active') return facts.status;
  const { signedOn, lastCollectionOn } = facts;
  return signedOn && !isMandateUsableOn({ signedOn, lastCollectionOn }, today) ? 'expired' : 'active';
}

/**
 * May a collection be requested for `collectionDate` on this mandate: signed, not revoked, within
 * 36 months (`domain/sepa-timing.ts`), and a one-off mandate not used yet.
 */
export function canCollectOn(facts: MandateValidityFacts, collectionDate: string): boolean {
  if (mandateStatusOn(facts, collectionDate) !== 'active') return false;
  return facts.type === 'recurrent' || facts.lastCollectionOn === null;
}

import { amsterdamDate } from '@clientbox/contracts';
import { earliestCollectionAfterNotice } from '../../domain/sepa-timing.ts';
import type { OpenDocument } from '../../../invoices/index.ts';
import { canCollectOn } from '../../mandates/mandate-validity.ts';
import type { MandateRow } from '../../mandates/mandates.repository.ts';
import type { SequenceType } from '../../sepa/direct-debit-batch.ts';

export interface PickedCollection {
  invoice: OpenDocument;
  mandate: MandateRow;
  sequenceType: SequenceType;
}

/** Why an invoice cannot be collected on this date; also the field error code for a chosen invoice. */
export type NotCollectableReason = 'not_direct_debit' | 'no_usable_mandate' | 'pre_notification_too_short';

/**
 * The mandate an invoice is collected under: the one its mandate reference names when usable,
 * else the customer's most recently signed usable mandate (a one-off one only once).
 */
export function pickCollection(
  invoice: OpenDocument,
  mandatesOfCustomer: MandateRow[],
  collectionDate: string,
  usedOneOff: Set<string>,
): PickedCollection | NotCollectableReason {
  if (invoice.paymentMeans !== 'direct_debit') return 'not_direct_debit';
  // The invoice e-mail is the pre-notification (§5.1): at least 14 days before the collection.
  const noticeOn = invoice.sentAt ? amsterdamDate(invoice.sentAt) : invoice.issueDate;
  if (earliestCollectionAfterNotice(noticeOn) > collectionDate) return 'pre_notification_too_short';
  const usable = mandatesOfCustomer.filter(
    (mandate) => canCollectOn(mandate, collectionDate) && !usedOneOff.has(mandate.id),
  );
  const mandate = usable.find((candidate) => candidate.mandateId === invoice.mandateReference) ?? usable[0];
  if (!mandate) return 'no_usable_mandate';
  return { invoice, mandate, sequenceType: sequenceTypeOf(mandate) };
}

/** OOFF for a one-off mandate; FRST for a recurrent mandate's first collection, RCUR after (§5.1). */
export function sequenceTypeOf(mandate: Pick<MandateRow, 'type' | 'lastCollectionOn'>): SequenceType {
  if (mandate.type === 'one_off') return 'OOFF';
  return mandate.lastCollectionOn === null ? 'FRST' : 'RCUR';
}

import { amsterdamDate } from '@clientbox/contracts';
import { earliestCollectionAfterNotice } from '../../domain/sepa-timing.ts';
import type { OpenDocument } from '../../../invoices/index.ts';
import { canCollectOn } from '../../mandates/mandate-validity.ts';
import type { MandateRow } from '../../mandates/mandates.repository.ts';
import type { SequenceType } from '../../sepa/direct-debit-batch.ts';
import { returnAction } from '../../bank-statements/domain/return-reasons.ts';
import type { DirectDebitBatchItemRow } from '../../collection-batches.tables.ts';

/** An earlier collection (not withdrawn) and what the bank statements said of it. */
export type EarlierCollection = Pick<DirectDebitBatchItemRow, 'outcome' | 'returnReasonCode' | 'sequenceType'>;

export interface PickedCollection {
  invoice: OpenDocument;
  mandate: MandateRow;
  sequenceType: SequenceType;
}

/** Why an invoice cannot be collected on this date; also the field error code for a chosen invoice. */
export type NotCollectableReason =
  'not_direct_debit' | 'no_usable_mandate' | 'pre_notification_too_short' | 'collection_returned';

/**
 * Whether an invoice whose collection came back may be collected again (domain rules §5.5
 * returns table): after AM04 (insufficient funds) or MS03 (no reason given) once more; after a
 * second return, or any other code (a refusal, a refund, a blocked mandate), no longer
 * automatically: the customer is contacted or dunned instead.
 */
export function mayCollectAgain(earlier: EarlierCollection[]): boolean {
  const returned = earlier.filter((collection) => collection.outcome === 'returned');
  if (returned.length === 0) return true;
  return returned.length === 1 && returnAction(returned[0]!.returnReasonCode ?? '') === 'retry_once';
}

/**
 * The mandate an invoice is collected under: the one its mandate reference names when usable,
 * else the customer's most recently signed usable mandate (a one-off one only once).
 */
export function pickCollection(
  invoice: OpenDocument,
  mandatesOfCustomer: MandateRow[],
  collectionDate: string,
  usedOneOff: Set<string>,
  history: { ofInvoice: EarlierCollection[]; ofMandate: (mandateId: string) => EarlierCollection[] } = NO_HISTORY,
): PickedCollection | NotCollectableReason {
  if (invoice.paymentMeans !== 'direct_debit') return 'not_direct_debit';
  if (!mayCollectAgain(history.ofInvoice)) return 'collection_returned';
  // The invoice e-mail is the pre-notification (§5.1): at least 14 days before the collection.
  const noticeOn = invoice.sentAt ? amsterdamDate(invoice.sentAt) : invoice.issueDate;
  if (earliestCollectionAfterNotice(noticeOn) > collectionDate) return 'pre_notification_too_short';
  const usable = mandatesOfCustomer.filter(
    (mandate) => canCollectOn(mandate, collectionDate) && !usedOneOff.has(mandate.id),
  );
  const mandate = usable.find((candidate) => candidate.mandateId === invoice.mandateReference) ?? usable[0];
  if (!mandate) return 'no_usable_mandate';
  return { invoice, mandate, sequenceType: sequenceTypeOf(mandate, history.ofMandate(mandate.id)) };
}

const NO_HISTORY = { ofInvoice: [], ofMandate: () => [] };

/**
 * OOFF for a one-off mandate; FRST for a recurrent mandate's first collection, RCUR after (§5.1).
 * A series whose first collection (FRST) came back and that has had no collection since has not
 * started: the next is FRST again. The EPC rulebook demands that after a FRST that was rejected
 * before settlement, and since November 2016 a bank accepts FRST wherever RCUR is allowed, so FRST
 * is right for a return after settlement too.
 */
export function sequenceTypeOf(
  mandate: Pick<MandateRow, 'type' | 'lastCollectionOn'>,
  earlier: EarlierCollection[] = [],
): SequenceType {
  if (mandate.type === 'one_off') return 'OOFF';
  if (mandate.lastCollectionOn === null) return 'FRST';
  const seriesNeverStarted =
    earlier.length > 0 &&
    earlier.every((collection) => collection.outcome === 'returned') &&
    earlier.some((collection) => collection.sequenceType === 'FRST');
  return seriesNeverStarted ? 'FRST' : 'RCUR';
}

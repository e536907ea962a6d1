import { createHash } from 'node:crypto';
import { type DirectDebitBatchDto, formatAmount, type RefundBatchDto } from '@clientbox/contracts';
import type {
  DirectDebitBatchItemRow,
  DirectDebitBatchRow,
  RefundBatchItemRow,
  RefundBatchRow,
} from '../collection-batches.tables.ts';

export const sha256Hex = (content: Buffer) => createHash('sha256').update(content).digest('hex');

export function toDirectDebitBatchDto(
  row: DirectDebitBatchRow,
  items: DirectDebitBatchItemRow[],
  withItems: boolean,
): DirectDebitBatchDto {
  return {
    object: 'direct_debit_batch',
    id: row.id,
    message_id: row.messageId,
    scheme: row.scheme,
    status: row.status,
    collection_date: row.collectionDate,
    submit_by: row.submitBy,
    item_count: items.length,
    total_amount: formatAmount(row.totalAmount),
    file_sha256: row.fileSha256,
    ...(withItems && {
      items: items.map((item) => ({
        invoice_id: item.invoiceId,
        invoice_number: item.endToEndId,
        mandate_id: item.mandateId,
        mandate_reference: item.mandateReference,
        sequence_type: item.sequenceType,
        amount: formatAmount(item.amount),
        debtor_name: item.debtorName,
        debtor_iban: item.debtorIban,
        outcome: item.outcome,
        return_reason_code: item.returnReasonCode,
        outcome_on: item.outcomeOn,
      })),
    }),
    created_at: row.createdAt.toISOString(),
  };
}

export function toRefundBatchDto(row: RefundBatchRow, items: RefundBatchItemRow[], withItems: boolean): RefundBatchDto {
  return {
    object: 'refund_batch',
    id: row.id,
    message_id: row.messageId,
    execution_date: row.executionDate,
    item_count: items.length,
    total_amount: formatAmount(row.totalAmount),
    file_sha256: row.fileSha256,
    ...(withItems && {
      items: items.map((item) => ({
        credit_note_id: item.creditNoteId,
        credit_note_number: item.endToEndId,
        payment_id: item.paymentId,
        amount: formatAmount(item.amount),
        creditor_name: item.creditorName,
        creditor_iban: item.creditorIban,
      })),
    }),
    created_at: row.createdAt.toISOString(),
  };
}

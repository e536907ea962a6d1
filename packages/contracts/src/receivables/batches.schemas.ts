import { z } from 'zod';
import { timestamp } from '../common/fields.ts';

const isoDate = z.iso.date({ message: 'invalid_date' });
const ids = z
  .array(z.uuid({ message: 'invalid_id' }))
  .min(1, { message: 'required' })
  .max(500, { message: 'too_many' });

/**
 * Collect open direct-debit invoices (domain rules §5.1). Without `invoice_ids`: every issued
 * invoice paid by direct debit with an amount due, a usable mandate and a due date on or before
 * the collection date. Without `collection_date`: the earliest allowed day.
 */
export const createDirectDebitBatches = z.strictObject({
  collection_date: isoDate.optional(),
  invoice_ids: ids.optional(),
});
export type CreateDirectDebitBatches = z.infer<typeof createDirectDebitBatches>;

export const SEQUENCE_TYPES = ['FRST', 'RCUR', 'OOFF', 'FNAL'] as const;
export const DIRECT_DEBIT_OUTCOMES = ['pending', 'collected', 'returned'] as const;

export const directDebitBatchItem = z.object({
  invoice_id: z.uuid(),
  invoice_number: z.string(),
  mandate_id: z.uuid(),
  mandate_reference: z.string(),
  sequence_type: z.enum(SEQUENCE_TYPES),
  amount: z.string(),
  debtor_name: z.string(),
  debtor_iban: z.string(),
  /**
   * What the bank statements said of this collection: `pending` (nothing yet), `collected` (the
   * money was booked on the invoice) or `returned` (an R-transaction, with `return_reason_code`).
   */
  outcome: z.enum(DIRECT_DEBIT_OUTCOMES),
  return_reason_code: z.string().nullable(),
  /** The booking date of the statement entry that gave the outcome. */
  outcome_on: z.iso.date().nullable(),
});

export const directDebitBatch = z.object({
  object: z.literal('direct_debit_batch'),
  id: z.uuid(),
  message_id: z.string(),
  scheme: z.enum(['CORE', 'B2B']),
  /**
   * `open` while a collection has no outcome yet; `settled` once every item was collected or
   * returned (through bank statements); `cancelled` when withdrawn before anything was booked.
   */
  status: z.enum(['open', 'settled', 'cancelled']),
  collection_date: z.iso.date(),
  /** The last day to hand the file to the bank (one TARGET day before collection). */
  submit_by: z.iso.date(),
  item_count: z.number().int(),
  total_amount: z.string(),
  file_sha256: z.string(),
  /** Only on a single batch (GET /direct_debit_batches/{id}) and on creation. */
  items: z.array(directDebitBatchItem).optional(),
  created_at: timestamp,
});
export type DirectDebitBatchDto = z.infer<typeof directDebitBatch>;

/** Refund issued credit notes with a refund due by SEPA credit transfer (domain rules §5.4). */
export const createRefundBatch = z.strictObject({
  credit_note_ids: ids.optional(),
});
export type CreateRefundBatch = z.infer<typeof createRefundBatch>;

export const refundBatchItem = z.object({
  credit_note_id: z.uuid(),
  credit_note_number: z.string(),
  payment_id: z.uuid().nullable(),
  amount: z.string(),
  creditor_name: z.string(),
  creditor_iban: z.string(),
});

export const refundBatch = z.object({
  object: z.literal('refund_batch'),
  id: z.uuid(),
  message_id: z.string(),
  execution_date: z.iso.date(),
  item_count: z.number().int(),
  total_amount: z.string(),
  file_sha256: z.string(),
  items: z.array(refundBatchItem).optional(),
  created_at: timestamp,
});
export type RefundBatchDto = z.infer<typeof refundBatch>;

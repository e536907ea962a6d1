import { AppError } from '../../../kernel/errors/app-error.ts';

/** Error codes of direct-debit and refund batches (the code is also the translation key). */
export const BATCHES_ERRORS: Record<string, number> = {
  direct_debit_batch_not_found: 404,
  refund_batch_not_found: 404,
  nothing_to_collect: 422,
  nothing_to_refund: 422,
  creditor_details_missing: 422,
  collection_date_too_early: 422,
  invoice_not_collectable: 422,
  credit_note_not_refundable: 422,
  invoice_already_in_batch: 409,
  /** Settled or withdrawn already: only an open batch can be withdrawn. */
  direct_debit_batch_not_open: 409,
  /** A bank statement already booked a collection or return of it: the bank has processed the file. */
  direct_debit_batch_has_outcomes: 409,
};

export const directDebitBatchNotFound = () => new AppError('direct_debit_batch_not_found');
export const refundBatchNotFound = () => new AppError('refund_batch_not_found');

export const nothingToCollect = () =>
  new AppError('nothing_to_collect', {
    detail:
      'No issued direct-debit invoice with an amount due, a usable mandate and a due date by the collection date.',
  });

export const nothingToRefund = () =>
  new AppError('nothing_to_refund', {
    detail: 'No issued credit note with a refund due and a bank account of the customer.',
  });

/** The file names the creditor: the company profile needs its identifier and account (§5.3). */
export const creditorDetailsMissing = (fields: string[]) =>
  new AppError('creditor_details_missing', {
    detail: `Fill in the company profile first: ${fields.join(', ')}.`,
    fields: fields.map((field) => ({ field, code: 'required', message: 'required' })),
  });

export const collectionDateTooEarly = (earliest: string) =>
  new AppError('collection_date_too_early', {
    detail: `The earliest collection date is ${earliest} (a TARGET day, the file one TARGET day ahead).`,
    fields: [{ field: 'collection_date', code: 'collection_date_too_early', message: 'collection_date_too_early' }],
  });

export const invoiceNotCollectable = (number: string | null, reason: string) =>
  new AppError('invoice_not_collectable', {
    detail: `Invoice ${number ?? ''} cannot be collected: ${reason}.`,
    fields: [{ field: 'invoice_ids', code: reason, message: reason }],
  });

export const creditNoteNotRefundable = (number: string | null, reason: string) =>
  new AppError('credit_note_not_refundable', {
    detail: `Credit note ${number ?? ''} cannot be refunded: ${reason}.`,
    fields: [{ field: 'credit_note_ids', code: reason, message: reason }],
  });

export const invoiceAlreadyInBatch = (number: string) =>
  new AppError('invoice_already_in_batch', {
    detail: `Invoice ${number} is already in an open direct-debit batch.`,
  });

export const directDebitBatchNotOpen = (status: string) =>
  new AppError('direct_debit_batch_not_open', {
    detail: `This batch is ${status}; only an open batch can be withdrawn.`,
  });

export const directDebitBatchHasOutcomes = () =>
  new AppError('direct_debit_batch_has_outcomes', {
    detail: 'A bank statement already booked a collection or return of this batch, so the bank has processed it.',
  });

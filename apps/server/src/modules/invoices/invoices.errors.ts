import { AppError } from '../../kernel/errors/app-error.ts';

/** Error codes of the invoices module and their HTTP status (the code is also the translation key). */
export const INVOICES_ERRORS: Record<string, number> = {
  invoice_not_found: 404,
  invoice_not_draft: 409,
  invoice_incomplete: 422,
  invoice_not_issued: 409,
  invoice_ubl_unavailable: 409,
  invoice_payment_not_found: 404,
  /** Overpayments wait for the receivables module, where a surplus becomes a credit balance. */
  payment_exceeds_amount_due: 422,
  /** Sending without `to` to a customer that has no e-mail address for invoices. */
  no_invoice_email: 422,
};

export const invoiceNotFound = () => new AppError('invoice_not_found');

/** A finalized invoice never changes (domain rules §1.3): correct it with a credit note. */
export const invoiceNotDraft = () =>
  new AppError('invoice_not_draft', { detail: 'This invoice is finalized; correct it with a credit note.' });

/** One error per missing mandatory item (art. 35a Wet OB, domain rules §1.1), each naming its field. */
export const invoiceIncomplete = (fields: { field: string; code: string }[]) =>
  new AppError('invoice_incomplete', {
    detail: 'The invoice lacks what Dutch law requires on it.',
    fields: fields.map((field) => ({ ...field, message: field.code })),
  });

export const customerNotFound = () =>
  new AppError('validation_failed', {
    fields: [{ field: 'customer_id', code: 'customer_not_found', message: 'customer_not_found' }],
  });

/** Payments, PDF and UBL belong to an issued invoice; a draft has none yet. */
export const invoiceNotIssued = () =>
  new AppError('invoice_not_issued', { detail: 'This invoice is still a draft: finalize it first.' });

export const invoicePaymentNotFound = () => new AppError('invoice_payment_not_found');

/**
 * More than is still due: refused until receivables exist to hold the surplus as a credit
 * balance (domain rules §5.5), so no invoice ever shows a negative amount due.
 */
export const paymentExceedsAmountDue = (amountDue: string) =>
  new AppError('payment_exceeds_amount_due', {
    detail: `At most ${amountDue} is still due on this invoice.`,
    fields: [{ field: 'amount', code: 'payment_exceeds_amount_due', message: 'payment_exceeds_amount_due' }],
  });

/** No `to` was given and the customer has no invoice e-mail address (nor any other) in the CRM. */
export const noInvoiceEmail = () =>
  new AppError('no_invoice_email', {
    detail: 'The customer has no e-mail address for invoices: give one in `to`, or add it to the customer.',
    fields: [{ field: 'to', code: 'no_invoice_email', message: 'no_invoice_email' }],
  });

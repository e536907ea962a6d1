import { formatAmount, type InvoicePayment } from '@clientbox/contracts';
import type { InvoicePaymentRow } from './invoice-payments.repository.ts';

export function toInvoicePaymentDto(row: InvoicePaymentRow): InvoicePayment {
  return {
    object: 'invoice_payment',
    id: row.id,
    invoice_id: row.invoiceId,
    paid_on: row.paidOn,
    amount: formatAmount(row.amount),
    method: row.method,
    note: row.note,
    created_at: row.createdAt.toISOString(),
  };
}

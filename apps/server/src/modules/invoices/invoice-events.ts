/**
 * Published when a payment is booked on an invoice (by hand or from a bank statement):
 * `{ invoice_id, customer_id, amount_due }` (what is still due after it, decimal string). The
 * operator's billing lifts a tenant's suspension on it once nothing overdue is left (terms art. 13).
 */
export const PAYMENT_RECORDED = 'invoices.payment_recorded';

export interface PaymentRecordedEvent {
  invoice_id: string;
  customer_id: string | null;
  amount_due: string;
}

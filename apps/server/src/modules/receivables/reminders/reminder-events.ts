/**
 * Published when a final notice (aanmaning) has gone out: `{ reminder_id, invoice_id, customer_id }`.
 * The operator's billing suspends a tenant of the platform on it (terms art. 13).
 */
export const FINAL_NOTICE_SENT = 'receivables.final_notice_sent';

export interface FinalNoticeSentEvent {
  reminder_id: string;
  invoice_id: string | null;
  customer_id: string | null;
}

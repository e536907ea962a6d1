import type { AuditEvent, InvoiceDelivery, InvoiceDeliveryChannel } from '@clientbox/contracts';

/** What a sent-log entry keeps in its audit event's `details`. */
export interface DeliveryDetails {
  number: string;
  channel: InvoiceDeliveryChannel;
  sent_at: string;
  to: string | null;
  cc: string[];
  message_id: string | null;
  note: string | null;
  /** E-mail: the subject and attachments as sent, and the job run that sent it (makes a retry safe). */
  subject?: string;
  attachments?: string[];
  job_run_id?: string;
}

export function toInvoiceDelivery(
  event: Pick<AuditEvent, 'id' | 'target_id' | 'actor_name' | 'occurred_at' | 'details'>,
): InvoiceDelivery {
  const details = event.details as Partial<DeliveryDetails>;
  return {
    object: 'invoice_delivery',
    id: event.id,
    invoice_id: event.target_id!,
    sent_at: details.sent_at ?? event.occurred_at,
    channel: details.channel ?? 'other',
    to: details.to ?? null,
    cc: details.cc ?? [],
    actor_name: event.actor_name,
    message_id: details.message_id ?? null,
    note: details.note ?? null,
  };
}

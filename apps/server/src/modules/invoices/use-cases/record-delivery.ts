import type { InvoiceDelivery, InvoiceDeliveryChannel } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../kernel/audit/audit-log.ts';
import { isAppError } from '../../../kernel/errors/app-error.ts';
import type { Locale, TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { addTimelineItem } from '../../crm/index.ts';
import { type DeliveryDetails, toInvoiceDelivery } from '../invoice-deliveries.dto.ts';
import { DELIVERY_ACTIONS, setSentAtIfEmpty } from '../invoice-deliveries.repository.ts';
import type { InvoiceRow } from '../invoices.repository.ts';

export type DeliveryContext = Pick<TenantContext, 'tenantId' | 'actor' | 'meta' | 'tx' | 'locale'>;

export interface DeliveryFacts {
  channel: InvoiceDeliveryChannel;
  to: string | null;
  cc: string[];
  messageId: string | null;
  note: string | null;
  sentAt: Date;
  email?: { subject: string; attachments: string[]; jobRunId: string };
}

/**
 * One entry of the sent log: `sent_at` on the invoice the first time, the audit event that is the
 * entry itself, and a line on the customer's timeline. All in the caller's transaction.
 */
export async function recordDelivery(
  ctx: DeliveryContext,
  invoice: InvoiceRow,
  facts: DeliveryFacts,
): Promise<InvoiceDelivery> {
  await setSentAtIfEmpty(ctx.tx, ctx.tenantId, invoice.id, facts.sentAt);
  const details: DeliveryDetails = {
    number: invoice.number!,
    channel: facts.channel,
    sent_at: facts.sentAt.toISOString(),
    to: facts.to,
    cc: facts.cc,
    message_id: facts.messageId,
    note: facts.note,
    ...(facts.email && {
      subject: facts.email.subject,
      attachments: facts.email.attachments,
      job_run_id: facts.email.jobRunId,
    }),
  };
  const action = facts.channel === 'email' ? DELIVERY_ACTIONS.email : DELIVERY_ACTIONS.other;
  const id = await recordAuditEvent(ctx, {
    action,
    targetType: 'invoice',
    targetId: invoice.id,
    details: { ...details },
  });
  await addToTimeline(ctx, invoice, action, id, details);
  return toInvoiceDelivery({
    id,
    target_id: invoice.id,
    actor_name: ctx.actor.name,
    occurred_at: details.sent_at,
    details: { ...details },
  });
}

async function addToTimeline(
  ctx: DeliveryContext,
  invoice: InvoiceRow,
  kind: string,
  deliveryId: string,
  details: DeliveryDetails,
): Promise<void> {
  const relation = invoice.organizationId
    ? { organization_id: invoice.organizationId }
    : invoice.personId
      ? { person_id: invoice.personId }
      : null;
  if (!relation) return;
  try {
    await addTimelineItem(ctx, {
      ...relation,
      kind,
      body: timelineText(ctx.locale, invoice.type, details),
      source_type: 'invoice_delivery',
      source_id: deliveryId,
      details: { invoice_id: invoice.id, number: details.number, channel: details.channel, to: details.to },
      occurred_at: details.sent_at,
    });
  } catch (error) {
    // The customer was deleted from the CRM after the invoice was issued: no timeline to write on.
    if (isAppError(error) && ['organization_not_found', 'person_not_found'].includes(error.code)) return;
    throw error;
  }
}

const DOCUMENT_NAME: Record<Locale, Record<InvoiceRow['type'], string>> = {
  nl: { invoice: 'Factuur', credit_note: 'Creditnota' },
  en: { invoice: 'Invoice', credit_note: 'Credit note' },
};

/** One line for the timeline, in the language of whoever sent it (the timeline shows it as is). */
function timelineText(locale: Locale, type: InvoiceRow['type'], details: DeliveryDetails): string {
  const document = `${DOCUMENT_NAME[locale][type]} ${details.number}`;
  const copies = details.cc.length ? ` (cc ${details.cc.join(', ')})` : '';
  const nl = locale === 'nl';
  const what = {
    email: nl ? `${document} verstuurd naar ${details.to}${copies}` : `${document} sent to ${details.to}${copies}`,
    post: nl ? `${document} per post verstuurd` : `${document} sent by post`,
    hand: nl ? `${document} persoonlijk overhandigd` : `${document} handed over in person`,
    other: nl ? `${document} gemarkeerd als verstuurd` : `${document} marked as sent`,
  }[details.channel];
  return details.note ? `${what}: ${details.note}` : what;
}

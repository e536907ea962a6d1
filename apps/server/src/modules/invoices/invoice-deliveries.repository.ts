import type { AuditEvent } from '@clientbox/contracts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { listAuditEventsOfTarget } from '../../kernel/audit/audit-log.ts';
import type { Tx } from '../../kernel/db/database.ts';
import { invoices } from './invoices.tables.ts';

/**
 * The sent log lives in the kernel's audit log (append-only, no table of its own): an e-mail is
 * `invoice.sent`, another way `invoice.marked_sent`, both with the invoice as target and the
 * delivery's facts in `details`.
 */
export const DELIVERY_ACTIONS = { email: 'invoice.sent', other: 'invoice.marked_sent' } as const;

/** The audit log has no index on the target: nothing is sent before finalizing, so the scan starts there. */
const CLOCK_MARGIN_MS = 60 * 60 * 1000;

export async function findDeliveryEvents(
  tx: Tx,
  tenantId: string,
  invoice: { id: string; finalizedAt: Date },
  limit: number,
): Promise<AuditEvent[]> {
  return listAuditEventsOfTarget(tx, tenantId, {
    targetType: 'invoice',
    targetId: invoice.id,
    actions: Object.values(DELIVERY_ACTIONS),
    // A margin for a database clock that runs behind the application's (finalized_at is the app's).
    since: new Date(invoice.finalizedAt.getTime() - CLOCK_MARGIN_MS),
    limit,
  });
}

/** The first delivery sets `sent_at`; later ones leave it. The trigger on issued invoices allows this column. */
export async function setSentAtIfEmpty(tx: Tx, tenantId: string, invoiceId: string, sentAt: Date): Promise<void> {
  await tx
    .update(invoices)
    .set({ sentAt, version: sql`${invoices.version} + 1`, updatedAt: new Date() })
    .where(and(eq(invoices.tenantId, tenantId), eq(invoices.id, invoiceId), isNull(invoices.sentAt)));
}

import { type CollectionEvent, type CollectionHistory, formatAmount } from '@clientbox/contracts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { getCustomerForDocument } from '../../../crm/index.ts';
import { listPayments, listOpenDocuments } from '../../../invoices/index.ts';
import { returnedEntriesOfInvoice } from '../../bank-statements/bank-statements.repository.ts';
import { isPauseActive } from '../domain/next-reminder-level.ts';
import { toPauseDto } from '../reminders.dto.ts';
import { customerNotFound } from '../reminders.errors.ts';
import { type CollectionPauseRow, listPauseRows, listReminderRows, type ReminderRow } from '../reminders.repository.ts';

const event = (fields: Partial<CollectionEvent> & Pick<CollectionEvent, 'kind' | 'on'>): CollectionEvent => ({
  invoice_id: null,
  invoice_number: null,
  amount: null,
  detail: null,
  reminder_id: null,
  ...fields,
});

const reminderEvents = (rows: ReminderRow[]) =>
  rows.map((row) =>
    event({
      kind: 'reminder',
      on: row.reckonedOn,
      invoice_id: row.invoiceId,
      invoice_number: row.invoiceNumber,
      amount: formatAmount(row.principalDue + row.interest + row.costs),
      detail: `${row.level}:${row.kind}`,
      reminder_id: row.id,
    }),
  );

const pauseEvents = (rows: CollectionPauseRow[]) =>
  rows.flatMap((row) => [
    event({ kind: 'pause_started', on: row.pausedOn, detail: row.reason }),
    ...(row.endedOn ? [event({ kind: 'pause_ended', on: row.endedOn })] : []),
  ]);

const byDate = (events: CollectionEvent[]) =>
  events.sort((a, b) => a.on.localeCompare(b.on) || a.kind.localeCompare(b.kind));

/**
 * What happened in collecting one invoice (letters, pauses of its customer, payments, direct
 * debits and their returns), or the letters and pauses of one customer; oldest first.
 */
export async function getCollectionHistory(
  ctx: TenantContext,
  query: { invoice_id?: string | undefined; customer_id?: string | undefined },
  today: string,
): Promise<CollectionHistory> {
  if (query.invoice_id) return invoiceHistory(ctx, query.invoice_id, today);
  const customer = await getCustomerForDocument(ctx, query.customer_id!);
  if (!customer) throw customerNotFound();
  // One after another: a transaction is one connection.
  const letters = await listReminderRows(ctx.tx, ctx.tenantId, { customerId: customer.id }, 1000);
  const pauses = await listPauseRows(ctx.tx, ctx.tenantId, customer.id);
  return present(pauses, [...reminderEvents(letters), ...pauseEvents(pauses)], today);
}

async function invoiceHistory(ctx: TenantContext, invoiceId: string, today: string): Promise<CollectionHistory> {
  // listPayments answers 404 invoice_not_found for an id that is not this tenant's invoice.
  const payments = await listPayments(ctx, invoiceId);
  const letters = await listReminderRows(ctx.tx, ctx.tenantId, { invoiceId }, 1000);
  const returns = await returnedEntriesOfInvoice(ctx.tx, ctx.tenantId, invoiceId);
  const open = await listOpenDocuments(ctx, { type: 'invoice', ids: [invoiceId] });
  const customerId = open[0]?.customerId ?? letters[0]?.organizationId ?? letters[0]?.personId ?? null;
  const pauses = customerId ? await listPauseRows(ctx.tx, ctx.tenantId, customerId) : [];
  const number = letters[0]?.invoiceNumber ?? open[0]?.number ?? null;
  const events = [
    ...reminderEvents(letters),
    ...pauseEvents(pauses),
    ...payments.data.map((payment) =>
      event({
        kind: payment.method === 'direct_debit' ? 'direct_debit' : 'payment',
        on: payment.paid_on,
        invoice_id: invoiceId,
        invoice_number: number,
        amount: payment.amount,
        detail: payment.method,
      }),
    ),
    ...returns.map((entry) =>
      event({
        kind: 'direct_debit_returned',
        on: entry.bookingDate ?? entry.createdAt.toISOString().slice(0, 10),
        invoice_id: invoiceId,
        invoice_number: number,
        amount: formatAmount(entry.amount),
        detail: entry.returnReasonCode,
      }),
    ),
  ];
  return present(pauses, events, today);
}

function present(pauses: CollectionPauseRow[], events: CollectionEvent[], today: string): CollectionHistory {
  const active = pauses.find((pause) => isPauseActive(pause, today));
  return {
    object: 'collection_history',
    active_pause: active ? toPauseDto(active, today) : null,
    data: byDate(events),
  };
}

import { type DueReminder, formatAmount } from '@clientbox/contracts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { type CustomerForDocument, getCustomerForDocument } from '../../../crm/index.ts';
import { listOpenDocuments, type OpenDocument } from '../../../invoices/index.ts';
import { invoicesInOpenBatches } from '../../batches/batches.repository.ts';
import { daysBetween } from '../../domain/calendar-date.ts';
import { isPauseActive, type NextLevel, nextReminderLevel } from '../domain/next-reminder-level.ts';
import { type ReminderCharges, reminderCharges } from '../domain/reminder-charges.ts';
import type { ReminderSchedule } from '../reminder-settings.ts';
import { listPauseRows, type ReminderRow, remindersOfInvoices } from '../reminders.repository.ts';

export type SkipReason = 'not_open' | 'not_due' | 'schedule_done' | 'paused' | 'being_collected' | 'no_email';

/** One invoice's letter for today, with everything writing it needs. */
export interface DueLetter {
  invoice: OpenDocument;
  customer: CustomerForDocument | null;
  next: Extract<NextLevel, { isDue: true }>;
  charges: ReminderCharges;
  earlier: ReminderRow[];
}

export interface DueReminders {
  due: DueLetter[];
  skipped: { invoiceId: string; reason: SkipReason }[];
}

/**
 * What today's run would send: for every overdue open invoice (or the ones named), the next
 * level of the schedule if its day has come, unless the customer is paused or the invoice is in
 * a direct-debit batch still waiting for the bank. The amounts are reckoned to `today`.
 */
export async function findDueReminders(
  ctx: TenantContext,
  schedule: ReminderSchedule,
  today: string,
  invoiceIds?: string[],
): Promise<DueReminders> {
  const open = (await listOpenDocuments(ctx, { type: 'invoice', ...(invoiceIds ? { ids: invoiceIds } : {}) })).filter(
    (invoice) => invoice.dueDate !== null && invoice.dueDate < today,
  );
  const skipped: DueReminders['skipped'] = [];
  const openIds = new Set(open.map((invoice) => invoice.id));
  for (const id of invoiceIds ?? []) if (!openIds.has(id)) skipped.push({ invoiceId: id, reason: 'not_open' });
  // One after another: a transaction is one connection.
  const sent = await remindersOfInvoices(ctx.tx, ctx.tenantId, [...openIds]);
  const collecting = await invoicesInOpenBatches(ctx.tx, ctx.tenantId, [...openIds]);
  const pauses = await listPauseRows(ctx.tx, ctx.tenantId);
  const pausedCustomers = new Set(
    pauses.filter((pause) => isPauseActive(pause, today)).map((pause) => pause.organizationId ?? pause.personId),
  );
  const due: DueLetter[] = [];
  for (const invoice of open) {
    const skip = (reason: SkipReason) => skipped.push({ invoiceId: invoice.id, reason });
    if (collecting.has(invoice.id)) {
      skip('being_collected');
      continue;
    }
    if (invoice.customerId && pausedCustomers.has(invoice.customerId)) {
      skip('paused');
      continue;
    }
    const customer = invoice.customerId ? await getCustomerForDocument(ctx, invoice.customerId) : null;
    const customerKind = customer?.kind === 'person' ? 'b2c' : 'b2b';
    const earlier = sent.filter((row) => row.invoiceId === invoice.id);
    const next = nextReminderLevel({
      levels: schedule.levels,
      sent: earlier.map((row) => ({
        level: row.level,
        reckonedOn: row.reckonedOn,
        fourteenDayLetterExpiresOn: row.fourteenDayLetterExpiresOn,
      })),
      dueDate: invoice.dueDate!,
      today,
      needsFourteenDayLetter: customerKind === 'b2c' && schedule.charges !== 'none',
    });
    if (!next.isDue) {
      skip(next.reason);
      continue;
    }
    const charges = reminderCharges({
      rule: schedule.charges,
      clause: schedule.clause,
      customerKind,
      principal: invoice.amountDue,
      dueDate: invoice.dueDate!,
      reckonedOn: today,
      includeCharges: next.definition.include_charges,
      isFourteenDayLetter: next.isFourteenDayLetter,
      fourteenDayLetterExpiresOn:
        earlier.find((row) => row.fourteenDayLetterExpiresOn)?.fourteenDayLetterExpiresOn ?? null,
    });
    due.push({
      invoice,
      customer,
      next,
      charges,
      earlier,
    });
  }
  return { due, skipped };
}

export function presentDueLetter(letter: DueLetter, today: string): DueReminder {
  const { invoice, charges } = letter;
  return {
    object: 'due_reminder',
    invoice_id: invoice.id,
    invoice_number: invoice.number,
    customer_id: invoice.customerId,
    customer_name: invoice.customerName,
    due_date: invoice.dueDate!,
    days_overdue: daysBetween(invoice.dueDate!, today),
    level: letter.next.level,
    kind: letter.next.definition.kind,
    principal_due: formatAmount(invoice.amountDue),
    interest: formatAmount(charges.interest),
    costs: formatAmount(charges.costs),
    total_due: formatAmount(invoice.amountDue + charges.interest + charges.costs),
    interest_rule: charges.interestRule,
    recipient: letter.customer?.email ?? null,
  };
}

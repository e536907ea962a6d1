import { and, eq } from 'drizzle-orm';
import type { FileStorage } from '../../../../kernel/storage/index.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { reminders } from '../../reminders.tables.ts';
import { longDate } from '../documents/reminder-texts.ts';
import type { ReminderRow } from '../reminders.repository.ts';
import { issueChargesInvoice } from './issue-charges-invoice.ts';

/**
 * The invoice for the charges a letter states, when the tenant invoices them: one line for the
 * interest and one for the costs. Its id is kept on the letter (`cost_invoice_id`).
 */
export async function invoiceCharges(
  ctx: TenantContext,
  reminder: ReminderRow,
  deps: { storage: FileStorage },
): Promise<string | null> {
  const customerId = reminder.organizationId ?? reminder.personId;
  if (!customerId) return null;
  const nl = reminder.language === 'nl';
  const until = longDate(reminder.language, reminder.reckonedOn);
  const lines = [
    {
      description: nl
        ? `Rente over factuur ${reminder.invoiceNumber} tot en met ${until}`
        : `Interest on invoice ${reminder.invoiceNumber} up to and including ${until}`,
      amount: reminder.interest,
    },
    {
      description: nl
        ? `Incassokosten factuur ${reminder.invoiceNumber}`
        : `Collection costs invoice ${reminder.invoiceNumber}`,
      amount: reminder.costs,
    },
  ].filter((line) => line.amount > 0n);
  if (lines.length === 0) return null;
  const id = await issueChargesInvoice(
    ctx,
    {
      customerId,
      language: reminder.language,
      lines,
      note: nl
        ? `Wegens te late betaling van factuur ${reminder.invoiceNumber}.`
        : `For late payment of invoice ${reminder.invoiceNumber}.`,
      source: { type: 'reminder', id: reminder.id, number: reminder.invoiceNumber },
    },
    deps,
  );
  await ctx.tx
    .update(reminders)
    .set({ costInvoiceId: id })
    .where(and(eq(reminders.tenantId, ctx.tenantId), eq(reminders.id, reminder.id)));
  return id;
}

import { and, eq } from 'drizzle-orm';
import { formatAmount } from '@clientbox/contracts';
import type { FileStorage } from '../../../../kernel/storage/index.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { createInvoiceDraftFromLines, finalizeInvoice, type InvoiceDraftLine } from '../../../invoices/index.ts';
import { reminders } from '../../reminders.tables.ts';
import { longDate } from '../documents/reminder-texts.ts';
import type { ReminderRow } from '../reminders.repository.ts';

const chargeLine = (description: string, cents: bigint): InvoiceDraftLine => ({
  kind: 'item',
  product_id: null,
  product_code: null,
  description,
  quantity: '1',
  unit_code: 'C62',
  unit_price: formatAmount(cents),
  // Interest and collection costs are damages, not a supply: outside the scope of VAT (§4.3, category O).
  vat_rate: null,
  vat_category: 'O',
  discount_percent: null,
  discount_amount: null,
});

/**
 * The invoice for the charges a letter states, when the tenant invoices them (§4.5: "a cost/interest
 * note, category O"): one line for the interest and one for the costs, issued at once, so the
 * charges are a claim of their own with a number, a due date and a place in the ledger.
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
    ...(reminder.interest > 0n
      ? [
          chargeLine(
            nl
              ? `Rente over factuur ${reminder.invoiceNumber} tot en met ${until}`
              : `Interest on invoice ${reminder.invoiceNumber} up to and including ${until}`,
            reminder.interest,
          ),
        ]
      : []),
    ...(reminder.costs > 0n
      ? [
          chargeLine(
            nl
              ? `Incassokosten factuur ${reminder.invoiceNumber}`
              : `Collection costs invoice ${reminder.invoiceNumber}`,
            reminder.costs,
          ),
        ]
      : []),
  ];
  if (lines.length === 0) return null;
  const draft = await createInvoiceDraftFromLines(ctx, {
    customer_id: customerId,
    lines,
    language: reminder.language,
    discount_percent: null,
    buyer_reference: null,
    note: nl
      ? `Wegens te late betaling van factuur ${reminder.invoiceNumber}.`
      : `For late payment of invoice ${reminder.invoiceNumber}.`,
    source: { type: 'reminder', id: reminder.id, number: reminder.invoiceNumber },
  });
  const issued = await finalizeInvoice(ctx, draft.id, deps);
  await ctx.tx
    .update(reminders)
    .set({ costInvoiceId: issued.id })
    .where(and(eq(reminders.tenantId, ctx.tenantId), eq(reminders.id, reminder.id)));
  return issued.id;
}

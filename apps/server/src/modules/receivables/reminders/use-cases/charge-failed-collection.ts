import type { FileStorage } from '../../../../kernel/storage/index.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { getCustomerForDocument } from '../../../crm/index.ts';
import { getReminderSchedule } from './get-reminder-schedule.ts';
import { issueChargesInvoice } from './issue-charges-invoice.ts';

/**
 * A direct debit the customer's bank returned costs the tenant a fee; under its rules
 * (`failed_collection_fee` > 0) the customer is invoiced for it. Returns the invoice id, or null
 * when the tenant charges nothing (or the invoice has no customer any more).
 */
export async function chargeFailedCollection(
  ctx: TenantContext,
  invoice: { id: string; number: string; customerId: string | null },
  reasonCode: string,
  deps: { storage: FileStorage },
): Promise<string | null> {
  const { failedCollectionFee } = await getReminderSchedule(ctx);
  if (failedCollectionFee <= 0n || !invoice.customerId) return null;
  const customer = await getCustomerForDocument(ctx, invoice.customerId);
  if (!customer) return null;
  const nl = customer.language === 'nl';
  return issueChargesInvoice(
    ctx,
    {
      customerId: customer.id,
      language: customer.language,
      lines: [
        {
          description: nl
            ? `Kosten mislukte incasso factuur ${invoice.number} (reden ${reasonCode})`
            : `Failed direct debit invoice ${invoice.number} (reason ${reasonCode})`,
          amount: failedCollectionFee,
        },
      ],
      note: nl
        ? `Uw bank heeft de incasso van factuur ${invoice.number} teruggeboekt.`
        : `Your bank returned the direct debit of invoice ${invoice.number}.`,
      source: { type: 'direct_debit_return', id: invoice.id, number: invoice.number },
    },
    deps,
  );
}

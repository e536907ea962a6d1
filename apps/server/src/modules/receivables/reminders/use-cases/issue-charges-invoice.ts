import { formatAmount } from '@clientbox/contracts';
import type { FileStorage } from '../../../../kernel/storage/index.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { type InvoiceDraftLine, issueInvoiceFromLines } from '../../../invoices/index.ts';

export interface ChargesInvoice {
  customerId: string;
  language: 'nl' | 'en';
  lines: { description: string; amount: bigint }[];
  note: string;
  /** What the charges are for, for the audit log. */
  source: { type: string; id: string; number: string | null };
}

const chargeLine = (description: string, amount: bigint): InvoiceDraftLine => ({
  kind: 'item',
  product_id: null,
  product_code: null,
  description,
  quantity: '1',
  unit_code: 'C62',
  unit_price: formatAmount(amount),
  // Interest and costs of late or failed payment are damages, not a supply: outside the scope of
  // VAT (§4.3, category O).
  vat_rate: null,
  vat_category: 'O',
  discount_percent: null,
  discount_amount: null,
});

/**
 * An invoice for late-payment or collection charges, issued at once (§4.5: "a cost/interest note,
 * category O"): the charges become a claim of their own, with a number, a due date and a place
 * in the ledger. Returns its id.
 */
export async function issueChargesInvoice(
  ctx: TenantContext,
  charges: ChargesInvoice,
  deps: { storage: FileStorage },
): Promise<string> {
  const issued = await issueInvoiceFromLines(
    ctx,
    {
      customer_id: charges.customerId,
      lines: charges.lines.map((line) => chargeLine(line.description, line.amount)),
      language: charges.language,
      discount_percent: null,
      buyer_reference: null,
      note: charges.note,
      source: charges.source,
    },
    deps,
  );
  return issued.id;
}

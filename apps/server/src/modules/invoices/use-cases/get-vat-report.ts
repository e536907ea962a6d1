import { formatAmount, type VatReport, type VatReportQuery } from '@clientbox/contracts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { summarizeVatReturn } from '../domain/vat-return.ts';
import { issuedSnapshotsInPeriod } from '../invoice-reports.repository.ts';

/**
 * What the VAT return of a period needs: per category, rate and return box the taxable amount
 * and the VAT of the invoices and credit notes issued in it, each from its frozen snapshot (what
 * was sent), never from the live lines. Drafts have no legal existence yet and count for nothing.
 */
export async function getVatReport(ctx: TenantContext, query: VatReportQuery): Promise<VatReport> {
  const documents = await issuedSnapshotsInPeriod(ctx.tx, ctx.tenantId, query.from, query.to);
  const summary = summarizeVatReturn(
    documents.map(({ type, snapshot }) => ({
      type,
      lines: snapshot.lines,
      discount_percent: snapshot.discount_percent,
      customerCountry: snapshot.customer.address?.country ?? null,
    })),
  );
  return {
    object: 'vat_report',
    from: query.from,
    to: query.to,
    currency: 'EUR',
    groups: summary.groups.map((group) => ({
      vat_category: group.category,
      vat_rate: group.rate,
      return_box: group.box,
      taxable_amount: formatAmount(group.base),
      vat_amount: formatAmount(group.vat),
      invoices: group.invoices,
      credit_notes: group.creditNotes,
    })),
    return_boxes: summary.boxes.map((box) => ({
      box: box.box,
      taxable_amount: formatAmount(box.base),
      vat_amount: formatAmount(box.vat),
    })),
    total_taxable_amount: formatAmount(summary.base),
    total_vat_amount: formatAmount(summary.vat),
    invoices: summary.invoices,
    credit_notes: summary.creditNotes,
  };
}

import {
  amsterdamDate,
  computeDocumentTotals,
  computeLineAmounts,
  formatAmount,
  type Quote,
  type TotalsLineInput,
  type VatCategory,
} from '@clientbox/contracts';
import { lineFieldsOf } from '../invoices/index.ts';
import { isExcluded } from './domain/optional-lines.ts';
import { quoteStatusOf } from './domain/quote-status.ts';
import type { QuoteLineRow, QuoteRow } from './quotes.repository.ts';

/** A line as the totals function takes it; an optional line not ticked counts for nothing. */
export function toTotalsLine(line: QuoteLineRow, selected: readonly number[] | null): TotalsLineInput {
  return {
    kind: line.kind,
    quantity: line.quantity,
    unit_price: line.unitPrice,
    vat_rate: line.vatRate,
    vat_category: line.vatCategory as VatCategory,
    discount_percent: line.discountPercent,
    discount_amount: line.discountAmount,
    is_excluded: isExcluded(line, line.position, selected),
  };
}

/** The customer's page for a quote; a draft has none the customer can open. */
export function publicUrlOf(row: Pick<QuoteRow, 'status' | 'publicToken'>, publicBaseUrl: string): string | null {
  return row.status === 'draft' ? null : `${publicBaseUrl}/q/${row.publicToken}`;
}

export interface QuoteDtoExtras {
  /** The CRM's current name and language for a draft (a sent quote shows its snapshot's). */
  customer: { name: string; language: 'nl' | 'en' } | null;
  publicBaseUrl: string;
  supersededById: string | null;
}

export function toQuoteDto(row: QuoteRow, lines: QuoteLineRow[], extras: QuoteDtoExtras): Quote {
  const selected = row.selectedOptionalLines;
  const totals = computeDocumentTotals({
    lines: lines.map((line) => toTotalsLine(line, selected)),
    discount_percent: row.discountPercent,
  });
  return {
    object: 'quote',
    id: row.id,
    number: row.number,
    revision: row.revision,
    previous_revision_id: row.previousRevisionId,
    superseded_by_id: extras.supersededById,
    status: quoteStatusOf(row, amsterdamDate()),
    customer_id: row.organizationId ?? row.personId,
    customer_name: row.snapshot?.customer.name ?? extras.customer?.name ?? null,
    issue_date: row.issueDate,
    valid_until: row.validUntil,
    language: row.snapshot?.language ?? row.language ?? extras.customer?.language ?? 'nl',
    discount_percent: row.discountPercent,
    buyer_reference: row.buyerReference,
    note: row.note,
    currency: 'EUR',
    lines: lines.map((line) => ({
      ...lineFieldsOf(line),
      // What the line comes to, also for an option that is not (yet) in the total.
      line_total: formatAmount(computeLineAmounts({ ...toTotalsLine(line, null), is_excluded: false }).net),
      is_optional: line.isOptional,
      is_excluded: isExcluded(line, line.position, selected),
    })),
    discount_total: formatAmount(totals.discount_total),
    total_excl_vat: formatAmount(totals.total_excl_vat),
    total_vat: formatAmount(totals.total_vat),
    total_incl_vat: formatAmount(totals.total_incl_vat),
    vat_breakdown: totals.vat_breakdown.map((group) => ({
      vat_category: group.category,
      vat_rate: group.rate,
      taxable_amount: formatAmount(group.base),
      vat_amount: formatAmount(group.vat),
    })),
    public_url: publicUrlOf(row, extras.publicBaseUrl),
    sent_at: row.sentAt?.toISOString() ?? null,
    sent_to: row.sentTo,
    emailed_at: row.emailedAt?.toISOString() ?? null,
    viewed_at: row.viewedAt?.toISOString() ?? null,
    acceptance:
      row.acceptedAt && row.acceptedName
        ? {
            name: row.acceptedName,
            accepted_at: row.acceptedAt.toISOString(),
            ip: row.acceptedIp,
            user_agent: row.acceptedUserAgent,
            selected_optional_lines: selected ?? [],
          }
        : null,
    decline:
      row.declinedAt && row.declinedReason !== null
        ? { reason: row.declinedReason, declined_at: row.declinedAt.toISOString() }
        : null,
    invoice_id: row.invoiceId,
    version: row.version,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

import {
  amsterdamDate,
  computeDocumentTotals,
  computeLineAmounts,
  formatAmount,
  type PublicQuote,
} from '@clientbox/contracts';
import { isExcluded } from '../domain/optional-lines.ts';
import { quoteStatusOf, responseRefusal } from '../domain/quote-status.ts';
import { quoteNotFound } from '../quotes.errors.ts';
import type { QuoteRow } from '../quotes.repository.ts';

/**
 * What the customer sees: the quote as sent (its snapshot, never live data), the status, and
 * their answer once given. Totals leave out the optional lines not ticked; before an answer
 * that is every optional line.
 */
export function presentPublicQuote(row: QuoteRow): PublicQuote {
  const snapshot = row.snapshot;
  if (!snapshot || row.status === 'draft') throw quoteNotFound();
  const selected = row.selectedOptionalLines;
  const lines = snapshot.lines.map((line, index) => ({
    ...line,
    is_excluded: isExcluded({ kind: line.kind, isOptional: line.is_optional }, index, selected),
  }));
  const totals = computeDocumentTotals({ lines, discount_percent: snapshot.discount_percent });
  const today = amsterdamDate();
  return {
    object: 'public_quote',
    number: snapshot.number,
    revision: row.revision,
    status: quoteStatusOf(row, today),
    can_respond: responseRefusal(row, today) === null,
    language: snapshot.language,
    issue_date: snapshot.issue_date,
    valid_until: snapshot.valid_until!,
    currency: 'EUR',
    supplier: {
      name: snapshot.supplier.name,
      address: snapshot.supplier.address,
      kvk_number: snapshot.supplier.kvk_number,
      vat_number: snapshot.supplier.vat_number,
      email: snapshot.supplier.email,
      phone: snapshot.supplier.phone,
      website: snapshot.supplier.website,
    },
    customer: {
      name: snapshot.customer.name,
      address: snapshot.customer.address,
      contact_name: snapshot.customer.contact_name,
    },
    lines: lines.map((line, index) => ({
      index,
      kind: line.kind,
      description: line.description,
      product_code: line.product_code,
      quantity: line.quantity,
      unit_code: line.unit_code,
      unit_price: line.unit_price,
      vat_rate: line.vat_rate,
      vat_category: line.vat_category,
      discount_percent: line.discount_percent,
      discount_amount: line.discount_amount,
      is_optional: line.is_optional,
      is_selected: line.is_optional && row.status === 'accepted' ? !line.is_excluded : null,
      line_total: formatAmount(computeLineAmounts({ ...line, is_excluded: false }).net),
    })),
    discount_percent: snapshot.discount_percent,
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
    buyer_reference: snapshot.buyer_reference,
    note: snapshot.note,
    accepted:
      row.acceptedAt && row.acceptedName
        ? { name: row.acceptedName, accepted_at: row.acceptedAt.toISOString(), selected_optional_lines: selected ?? [] }
        : null,
    declined:
      row.declinedAt && row.declinedReason !== null
        ? { reason: row.declinedReason, declined_at: row.declinedAt.toISOString() }
        : null,
    pdf_url: `/api/v1/public/quotes/${row.publicToken}/pdf`,
  };
}

import { computeDocumentTotals, type DocumentTotals, type PublicQuote } from '@clientbox/contracts';

/**
 * The optional lines ticked: once the quote is accepted, those the customer chose; before that,
 * none (as in the e-mail and the PDF, an option is in no total until it is ticked).
 */
export function initialSelection(quote: PublicQuote): Set<number> {
  return new Set(quote.accepted?.selected_optional_lines ?? []);
}

/**
 * The totals for the options ticked, computed in the browser with the function the server, the
 * PDF and the invoice use, so the amount the customer agrees to is the amount that is recorded.
 */
export function totalsFor(quote: PublicQuote, selected: ReadonlySet<number>): DocumentTotals {
  return computeDocumentTotals({
    lines: quote.lines.map((line) => ({
      kind: line.kind,
      quantity: line.quantity,
      unit_price: line.unit_price,
      vat_rate: line.vat_rate,
      vat_category: line.vat_category,
      discount_percent: line.discount_percent,
      discount_amount: line.discount_amount,
      is_excluded: line.is_optional && !selected.has(line.index),
    })),
    discount_percent: quote.discount_percent,
  });
}

/** The indexes to send with the acceptance, in the quote's order. */
export function selectedIndexes(quote: PublicQuote, selected: ReadonlySet<number>): number[] {
  return quote.lines.filter((line) => line.is_optional && selected.has(line.index)).map((line) => line.index);
}

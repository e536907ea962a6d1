import {
  type DocumentTotals,
  formatAmount,
  formatDecimal,
  formatUnitPrice,
  type LineAmounts,
  normalizePercent,
  parseQuantity,
  parseUnitPrice,
  QUANTITY_SCALE,
} from '@clientbox/contracts';
import type { DocumentSnapshot, SnapshotLine } from './document-snapshot.ts';
import { taxCategory } from './ubl-tax.ts';
import { amountElement, element, type XmlElement } from './ubl-xml.ts';

/**
 * Invoice or credit note lines (BG-25). Only item lines the customer pays for become UBL
 * lines: text and heading lines and unticked optional lines are print layout, not goods.
 * Every amount is the one `computeDocumentTotals` gave the line.
 */
export function documentLines(document: DocumentSnapshot, totals: DocumentTotals): XmlElement[] {
  const isCreditNote = document.type === 'credit_note';
  const rendered: XmlElement[] = [];
  document.lines.forEach((line, index) => {
    if (line.kind !== 'item' || line.is_excluded) return;
    rendered.push(documentLine(line, totals.lines[index]!, rendered.length + 1, isCreditNote, document));
  });
  return rendered;
}

function documentLine(
  line: SnapshotLine,
  amounts: LineAmounts,
  id: number,
  isCreditNote: boolean,
  document: DocumentSnapshot,
): XmlElement {
  const currency = document.currency;
  let quantity = parseQuantity(line.quantity);
  let price = parseUnitPrice(line.unit_price);
  // BR-27: the item price is never negative; a negative line (a deduction) carries its sign on
  // the quantity instead, so quantity × price and the line net keep their values.
  if (price < 0n) {
    quantity = -quantity;
    price = -price;
  }
  const [name = '', ...more] = line.description.trim().split(/\r?\n/);
  const quantityText = trimDecimals(formatDecimal(quantity, QUANTITY_SCALE), 0);
  return element(isCreditNote ? 'cac:CreditNoteLine' : 'cac:InvoiceLine', [
    element('cbc:ID', String(id)),
    element(isCreditNote ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity', quantityText, { unitCode: line.unit_code }),
    amountElement('cbc:LineExtensionAmount', amounts.net, currency),
    amounts.discount !== 0n && lineAllowance(line, amounts, document),
    element('cac:Item', [
      more.length > 0 && element('cbc:Description', line.description.trim()),
      element('cbc:Name', name.trim() || line.product_code || '-'),
      line.product_code && element('cac:SellersItemIdentification', [element('cbc:ID', line.product_code)]),
      taxCategory('cac:ClassifiedTaxCategory', line.vat_category, line.vat_rate),
    ]),
    // BT-146: up to 4 decimals, as the price was agreed; R120 recomputes the net from it.
    element('cac:Price', [
      element('cbc:PriceAmount', trimDecimals(formatUnitPrice(price), 2), { currencyID: currency }),
    ]),
  ]);
}

/**
 * A line discount (BG-27). For a percentage, BT-138 and the base BT-137 (the line's gross) are
 * given as well; PEPPOL-EN16931-R040 allows the 0.01 between the rounded gross and the exact one.
 */
function lineAllowance(line: SnapshotLine, amounts: LineAmounts, document: DocumentSnapshot): XmlElement {
  const currency = document.currency;
  return element('cac:AllowanceCharge', [
    element('cbc:ChargeIndicator', 'false'),
    element('cbc:AllowanceChargeReason', document.language === 'nl' ? 'Korting' : 'Discount'),
    line.discount_percent && element('cbc:MultiplierFactorNumeric', normalizePercent(line.discount_percent)),
    amountElement('cbc:Amount', amounts.discount, currency),
    line.discount_percent && element('cbc:BaseAmount', formatAmount(amounts.gross), { currencyID: currency }),
  ]);
}

/** "12.3400" → "12.34" (keep at least `minimum` decimals). */
function trimDecimals(decimal: string, minimum: number): string {
  const [whole, fraction = ''] = decimal.split('.');
  let kept = fraction;
  while (kept.length > minimum && kept.endsWith('0')) kept = kept.slice(0, -1);
  return kept ? `${whole}.${kept}` : whole!;
}

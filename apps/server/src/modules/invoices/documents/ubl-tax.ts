import {
  type DocumentTotals,
  normalizePercent,
  VAT_LEGAL_TEXTS,
  type VatCategory,
  type VatGroup,
} from '@clientbox/contracts';
import type { DocumentSnapshot } from './document-snapshot.ts';
import { amountElement, element, type XmlElement } from './ubl-xml.ts';

export type UblProfile = 'peppol' | 'nlcius';

/** A VAT category as UBL states it: code, percentage (none for O, BR-O-05) and the scheme. */
export function taxCategory(
  name: 'cac:TaxCategory' | 'cac:ClassifiedTaxCategory',
  category: VatCategory,
  rate: string | null,
  exemption: { code: string | null; reason: string } | null = null,
): XmlElement {
  return element(name, [
    element('cbc:ID', category),
    rate !== null && element('cbc:Percent', normalizePercent(rate)),
    exemption?.code && element('cbc:TaxExemptionReasonCode', exemption.code),
    exemption && element('cbc:TaxExemptionReason', exemption.reason),
    element('cac:TaxScheme', [element('cbc:ID', 'VAT')]),
  ]);
}

/**
 * BT-120/BT-121 for every category but S and Z (BR-E-10, BR-AE-10, BR-IC-10, BR-G-10, BR-O-10):
 * always the text in the customer's language; the VATEX code only in Peppol, because NLCIUS
 * advises against it (BR-NL-35).
 */
function exemptionOf(category: VatCategory, document: DocumentSnapshot, profile: UblProfile) {
  const legalText = VAT_LEGAL_TEXTS[category];
  if (!legalText) return null;
  return { code: profile === 'peppol' ? legalText.vatex : null, reason: legalText[document.language] };
}

/** Exactly one TaxTotal (PEPPOL-EN16931-R053) with one subtotal per category and rate (BG-23). */
export function taxTotal(totals: DocumentTotals, document: DocumentSnapshot, profile: UblProfile): XmlElement {
  const currency = document.currency;
  return element('cac:TaxTotal', [
    amountElement('cbc:TaxAmount', totals.total_vat, currency),
    ...totals.vat_breakdown.map((group) =>
      element('cac:TaxSubtotal', [
        amountElement('cbc:TaxableAmount', group.base, currency),
        amountElement('cbc:TaxAmount', group.vat, currency),
        taxCategory('cac:TaxCategory', group.category, group.rate, exemptionOf(group.category, document, profile)),
      ]),
    ),
  ]);
}

/**
 * The document discount as one allowance per VAT group (BG-20), because the discount lowers
 * each group's taxable amount separately (BR-S-08 and its siblings). Percentage and base amount
 * are given too: PEPPOL-EN16931-R040 checks amount = base × percentage / 100.
 */
export function documentAllowances(totals: DocumentTotals, document: DocumentSnapshot): XmlElement[] {
  const percent = document.discount_percent;
  if (!percent) return [];
  return totals.vat_breakdown
    .filter((group) => group.discount !== 0n)
    .map((group: VatGroup) =>
      element('cac:AllowanceCharge', [
        element('cbc:ChargeIndicator', 'false'),
        // A reason text, not a reason code: NLCIUS advises against codes (BR-NL-32).
        element('cbc:AllowanceChargeReason', document.language === 'nl' ? 'Korting' : 'Discount'),
        element('cbc:MultiplierFactorNumeric', normalizePercent(percent)),
        amountElement('cbc:Amount', group.discount, document.currency),
        amountElement('cbc:BaseAmount', group.lines_total, document.currency),
        taxCategory('cac:TaxCategory', group.category, group.rate),
      ]),
    );
}

/** BG-22, each total exactly as `computeDocumentTotals` gives it (BR-CO-10, -13, -15, -16). */
export function legalMonetaryTotal(totals: DocumentTotals, currency: string): XmlElement {
  return element('cac:LegalMonetaryTotal', [
    amountElement('cbc:LineExtensionAmount', totals.lines_total, currency),
    amountElement('cbc:TaxExclusiveAmount', totals.total_excl_vat, currency),
    amountElement('cbc:TaxInclusiveAmount', totals.total_incl_vat, currency),
    totals.discount_total !== 0n && amountElement('cbc:AllowanceTotalAmount', totals.discount_total, currency),
    amountElement('cbc:PayableAmount', totals.total_incl_vat, currency),
  ]);
}

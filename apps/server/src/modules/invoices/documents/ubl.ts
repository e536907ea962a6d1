import { computeDocumentTotals, type DocumentTotals, VAT_LEGAL_TEXTS } from '@clientbox/contracts';
import type { DocumentSnapshot } from './document-snapshot.ts';
import { ublError } from './ubl-errors.ts';
import { documentLines } from './ubl-lines.ts';
import { customerParty, supplierParty } from './ubl-parties.ts';
import { directDebit, paymentMeans, paymentTermsNote } from './ubl-payment.ts';
import { documentAllowances, legalMonetaryTotal, taxTotal, type UblProfile } from './ubl-tax.ts';
import { element, serializeXml } from './ubl-xml.ts';

export type { UblProfile } from './ubl-tax.ts';
export { UBL_ERRORS, type UblErrorCode } from './ubl-errors.ts';

/** Domain rules §3.1: Peppol BIS Billing 3.0 for the Peppol network, NLCIUS for Dutch government. */
const CUSTOMIZATION_IDS: Record<UblProfile, string> = {
  peppol: 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0',
  nlcius: 'urn:cen.eu:en16931:2017#compliant#urn:fdc:nen.nl:nlcius:v1.0',
};
const PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';

/**
 * The UBL 2.1 e-invoice of an issued invoice or credit note, from its frozen snapshot alone.
 * A credit note is a `CreditNote` (381) with positive amounts (domain rules §1.3); quotes have
 * no UBL. Every amount comes from `computeDocumentTotals`, the same as the PDF and the API. A
 * document that would fail the validators is refused with a `ubl_*` AppError (see UBL_ERRORS).
 */
export function renderUbl(document: DocumentSnapshot, profile: UblProfile): string {
  if (document.type === 'quote') throw ublError('ubl_quote_not_supported', `${document.number} is a quote`);
  const totals = computeDocumentTotals(document);
  assertRenderable(document, totals);
  const isCreditNote = document.type === 'credit_note';
  const payment = document.payment;
  const currency = document.currency;
  const paymentTerms = payment && paymentTermsNote(document, payment);
  const partyOptions = {
    // BR-O-02: a document outside the scope of VAT names no VAT ids.
    withVatNumbers: !totals.vat_breakdown.some((group) => group.category === 'O'),
    sepaCreditorId: payment?.means === 'direct_debit' ? directDebit(document, payment).creditorId : null,
  };
  const root = element(isCreditNote ? 'CreditNote' : 'Invoice', [
    element('cbc:CustomizationID', CUSTOMIZATION_IDS[profile]),
    element('cbc:ProfileID', PROFILE_ID),
    element('cbc:ID', document.number),
    element('cbc:IssueDate', document.issue_date),
    !isCreditNote && document.due_date && element('cbc:DueDate', document.due_date),
    element(isCreditNote ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode', isCreditNote ? '381' : '380'),
    // At most one note (PEPPOL-EN16931-R002).
    document.note && element('cbc:Note', document.note),
    element('cbc:DocumentCurrencyCode', currency),
    // BT-10 or an order reference is required (PEPPOL-EN16931-R003, BR-NL-2).
    element('cbc:BuyerReference', document.buyer_reference ?? document.number),
    document.period &&
      element('cac:InvoicePeriod', [
        element('cbc:StartDate', document.period.start),
        element('cbc:EndDate', document.period.end),
      ]),
    document.billing_reference &&
      element('cac:BillingReference', [
        element('cac:InvoiceDocumentReference', [
          element('cbc:ID', document.billing_reference.number),
          // BT-26: NLCIUS advises against the preceding invoice date (BR-NL-24).
          profile === 'peppol' && element('cbc:IssueDate', document.billing_reference.issue_date),
        ]),
      ]),
    supplierParty(document.supplier, partyOptions),
    customerParty(document, profile, partyOptions),
    (document.supply_date || document.deliver_to_country) &&
      element('cac:Delivery', [
        document.supply_date && element('cbc:ActualDeliveryDate', document.supply_date),
        document.deliver_to_country &&
          element('cac:DeliveryLocation', [
            element('cac:Address', [
              element('cac:Country', [element('cbc:IdentificationCode', document.deliver_to_country)]),
            ]),
          ]),
      ]),
    payment && paymentMeans(document, payment),
    paymentTerms && element('cac:PaymentTerms', [element('cbc:Note', paymentTerms)]),
    ...documentAllowances(totals, document),
    taxTotal(totals, document, profile),
    legalMonetaryTotal(totals, currency),
    ...documentLines(document, totals),
  ]);
  const namespace = `urn:oasis:names:specification:ubl:schema:xsd:${isCreditNote ? 'CreditNote' : 'Invoice'}-2`;
  return serializeXml(root, {
    xmlns: namespace,
    'xmlns:cac': 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
    'xmlns:cbc': 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
  });
}

/** What finalisation should already have enforced (domain rules §1.1, §2.1), checked again here. */
function assertRenderable(document: DocumentSnapshot, totals: DocumentTotals): void {
  const number = document.number;
  if (document.type === 'credit_note' && !document.billing_reference) {
    throw ublError('ubl_billing_reference_missing', `credit note ${number} does not name the invoice it corrects`);
  }
  const categories = new Set(totals.vat_breakdown.map((group) => group.category));
  if (categories.has('O') && categories.size > 1) {
    throw ublError('ubl_outside_scope_mixed', `${number} mixes category O with other VAT categories`);
  }
  for (const category of categories) {
    if (VAT_LEGAL_TEXTS[category]?.needsCustomerVatNumber && !document.customer.vat_number) {
      throw ublError('ubl_customer_vat_number_missing', `${number}: category ${category} needs the customer's VAT id`);
    }
  }
  if (categories.has('K') && (!(document.supply_date || document.period) || !document.deliver_to_country)) {
    throw ublError(
      'ubl_intra_community_delivery_missing',
      `${number}: an intra-EU supply needs a supply date or period and the deliver-to country`,
    );
  }
  if (document.type === 'invoice' && !document.payment && totals.total_incl_vat > 0n) {
    throw ublError('ubl_payment_missing', `${number}: an invoice with an amount due needs a payment means`);
  }
}

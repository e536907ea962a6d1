import type { VatCategory } from '../products/vat-rates.ts';

/**
 * What a document must say about a VAT category other than S (art. 35a Wet OB, domain rules
 * §2.1): the text is printed on the PDF and sent as the exemption reason (BT-120) in UBL; the
 * VATEX code (BT-121) only in Peppol BIS (NLCIUS warns about it, BR-NL-35).
 */
export interface VatLegalText {
  vatex: string | null;
  nl: string;
  en: string;
  /** AE and K need the customer's VAT id (BR-AE-02, BR-IC-02). */
  needsCustomerVatNumber: boolean;
}

export const VAT_LEGAL_TEXTS: Partial<Record<VatCategory, VatLegalText>> = {
  AE: { vatex: 'VATEX-EU-AE', nl: 'Btw verlegd', en: 'VAT reverse charged', needsCustomerVatNumber: true },
  K: {
    vatex: 'VATEX-EU-IC',
    nl: 'Intracommunautaire levering',
    en: 'Intra-community supply',
    needsCustomerVatNumber: true,
  },
  G: { vatex: 'VATEX-EU-G', nl: 'Export buiten de EU', en: 'Export outside the EU', needsCustomerVatNumber: false },
  E: {
    vatex: null,
    nl: 'Vrijgesteld van btw (art. 11 Wet OB)',
    en: 'Exempt from VAT (art. 11 Dutch VAT Act)',
    needsCustomerVatNumber: false,
  },
  O: {
    vatex: 'VATEX-EU-O',
    nl: 'Buiten de reikwijdte van de btw',
    en: 'Not subject to VAT',
    needsCustomerVatNumber: false,
  },
};

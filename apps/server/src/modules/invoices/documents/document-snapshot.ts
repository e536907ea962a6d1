import type { DocumentLineKind, VatCategory } from '@clientbox/contracts';

/**
 * Everything a quote, invoice or credit note shows, frozen at the moment it is issued: the PDF
 * and the UBL are rendered from this alone (never from the live relation or company profile),
 * so a document rendered again years later says exactly what was sent. Amounts are not stored
 * here: the renderers compute them with `computeDocumentTotals` from the lines.
 */
export interface DocumentAddress {
  street: string;
  postal_code: string;
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export interface SupplierSnapshot {
  name: string;
  address: DocumentAddress;
  kvk_number: string;
  /** The btw-id (NL…B..), never the omzetbelastingnummer (domain rules §1.1). */
  vat_number: string;
  iban: string;
  bic: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  /** SEPA creditor identifier, for direct debit (BT-90). */
  creditor_id: string | null;
  /** The company logo, shown on the PDF. */
  logo: { media_type: 'image/png' | 'image/jpeg'; data_base64: string } | null;
}

export interface CustomerSnapshot {
  name: string;
  address: DocumentAddress | null;
  kvk_number: string | null;
  vat_number: string | null;
  /** To the attention of (a person at the organization). */
  contact_name: string | null;
  email: string | null;
}

export interface SnapshotLine {
  kind: DocumentLineKind;
  description: string;
  product_code: string | null;
  /** Decimal strings: quantity and unit price up to 4 decimals, rate as a percentage. */
  quantity: string;
  /** UN/ECE Recommendation 20 code (C62, HUR, DAY, …). */
  unit_code: string;
  unit_price: string;
  vat_rate: string | null;
  vat_category: VatCategory;
  discount_percent: string | null;
  discount_amount: string | null;
  /** Quotes: a line the customer may tick. */
  is_optional: boolean;
  /** An optional line the customer did not tick: shown, not counted. */
  is_excluded: boolean;
}

export interface DocumentSnapshot {
  type: 'invoice' | 'credit_note' | 'quote';
  /** The customer's language: labels, legal texts and dates. */
  language: 'nl' | 'en';
  currency: 'EUR';
  number: string;
  /** YYYY-MM-DD. */
  issue_date: string;
  /** Invoices and credit notes. */
  due_date: string | null;
  /** Quotes: valid until. */
  valid_until: string | null;
  /** Date of supply, or the service period, when it differs from the issue date (BT-72, BG-14). */
  supply_date: string | null;
  period: { start: string; end: string } | null;
  supplier: SupplierSnapshot;
  customer: CustomerSnapshot;
  lines: SnapshotLine[];
  /** A discount on the whole document, as a percentage. */
  discount_percent: string | null;
  payment: {
    means: 'credit_transfer' | 'direct_debit';
    /** Structured creditor reference (RF…, ISO 11649), domain rules §6.4. */
    reference: string;
    /** Direct debit: mandate id (BT-89) and the debited IBAN (BT-91). */
    mandate_reference: string | null;
    debtor_iban: string | null;
  } | null;
  /** Credit notes: the invoice they correct (BT-25, BT-26; NL-R-001). */
  billing_reference: { number: string; issue_date: string } | null;
  /** BT-10: the customer's reference; the invoice number stands in when there is none (R003). */
  buyer_reference: string | null;
  /** K: the country the goods go to (BR-IC-12). */
  deliver_to_country: string | null;
  /** One free note (UBL allows at most one, PEPPOL-EN16931-R002). */
  note: string | null;
}

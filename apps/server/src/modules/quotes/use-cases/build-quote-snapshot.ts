import { type Company, VAT_LEGAL_TEXTS, type VatCategory } from '@clientbox/contracts';
import type { CustomerForDocument } from '../../crm/index.ts';
import {
  type DocumentSnapshot,
  missingSupplierDetails,
  type SnapshotLine,
  lineFieldsOf,
  type SupplierSnapshot,
  supplierSnapshot,
} from '../../invoices/index.ts';
import { quoteIncomplete } from '../quotes.errors.ts';
import type { QuoteLineRow, QuoteRow } from '../quotes.repository.ts';

type Missing = { field: string; code: string };

/**
 * What a quote needs before it goes out, one error per missing item naming the field: the
 * supplier as the PDF prints it (name, address, KvK number — required on every business
 * document by art. 20 Handelsregisterbesluit 2008 — VAT id and IBAN), a customer with an
 * e-mail address to send to, at least one item, and the customer's VAT id where the quote
 * announces reverse charge or an intra-EU supply (its invoice will need it too).
 */
export function missingForSending(
  company: Company,
  customer: CustomerForDocument | null,
  lines: QuoteLineRow[],
  recipient: string | null,
): Missing[] {
  const missing: Missing[] = missingSupplierDetails(company);
  const need = (value: unknown, field: string) => {
    if (value === null || value === undefined || value === '') missing.push({ field, code: 'required' });
  };
  if (!customer) missing.push({ field: 'customer_id', code: 'required' });
  else {
    need(recipient, 'email');
    const needsVatNumber = lines.some(
      (line) => VAT_LEGAL_TEXTS[line.vatCategory as VatCategory]?.needsCustomerVatNumber,
    );
    if (needsVatNumber) need(customer.vat_number, 'customer.vat_number');
  }
  if (!lines.some((line) => line.kind === 'item')) missing.push({ field: 'lines', code: 'required' });
  return missing;
}

/** A customer address goes on the document only when it is complete. */
function customerAddress(customer: CustomerForDocument): DocumentSnapshot['customer']['address'] {
  const address = customer.address;
  if (!address?.street || !address.postal_code || !address.city) return null;
  return { street: address.street, postal_code: address.postal_code, city: address.city, country: address.country };
}

/**
 * What the quote says, frozen when it is sent: the PDF, the e-mail and the customer's page are
 * made from this alone. Optional lines go out not ticked (`is_excluded`), so the total is
 * without them, and the page lets the customer tick them.
 */
export function buildQuoteSnapshot(input: {
  row: QuoteRow;
  company: Company;
  customer: CustomerForDocument | null;
  lines: QuoteLineRow[];
  recipient: string | null;
  number: string;
  issueDate: string;
  validUntil: string;
  logo: SupplierSnapshot['logo'];
}): DocumentSnapshot {
  const { row, company, customer, lines } = input;
  const missing = missingForSending(company, customer, lines, input.recipient);
  if (missing.length || !customer) throw quoteIncomplete(missing);
  return {
    type: 'quote',
    language: row.language ?? customer.language,
    currency: 'EUR',
    number: input.number,
    issue_date: input.issueDate,
    due_date: null,
    valid_until: input.validUntil,
    supply_date: null,
    period: null,
    supplier: supplierSnapshot(company, input.logo),
    customer: {
      name: customer.name,
      address: customerAddress(customer),
      kvk_number: customer.kvk_number,
      vat_number: customer.vat_number,
      contact_name: null,
      email: input.recipient,
    },
    lines: lines.map((line): SnapshotLine => {
      // The document shows the product code; the product id is an internal reference it leaves out.
      const { product_id: _productId, ...fields } = lineFieldsOf(line);
      return { ...fields, is_optional: line.isOptional, is_excluded: line.isOptional };
    }),
    discount_percent: row.discountPercent,
    payment: null,
    billing_reference: null,
    buyer_reference: row.buyerReference,
    deliver_to_country: null,
    note: row.note,
  };
}

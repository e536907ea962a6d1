import { type Company, VAT_LEGAL_TEXTS, type VatCategory } from '@clientbox/contracts';
import type { CustomerForDocument } from '../../crm/index.ts';
import type { DocumentSnapshot, SnapshotLine, SupplierSnapshot } from '../documents/document-snapshot.ts';
import { missingSupplierDetails, supplierSnapshot } from '../documents/supplier-snapshot.ts';
import { lineFieldsOf } from '../document-line-fields.ts';
import { invoiceIncomplete } from '../invoices.errors.ts';
import type { InvoiceLineRow, InvoiceRow } from '../invoices.repository.ts';

type Missing = { field: string; code: string };

/**
 * Art. 35a Wet OB (domain rules §1.1): finalizing fails with one error per missing item, each
 * naming the field to fill in: the supplier's name, address, KvK, btw-id and IBAN; the
 * customer's name and address; at least one line; the customer's VAT id for reverse charge
 * and intra-EU supply; a mandate for direct debit.
 */
export function missingMandatoryContent(
  company: Company,
  customer: CustomerForDocument | null,
  lines: InvoiceLineRow[],
  row: InvoiceRow,
): Missing[] {
  const missing: Missing[] = missingSupplierDetails(company);
  const need = (value: unknown, field: string) => {
    if (value === null || value === undefined || value === '') missing.push({ field, code: 'required' });
  };
  if (!customer) missing.push({ field: 'customer_id', code: 'required' });
  else {
    need(customer.address?.street, 'customer.address.street');
    need(customer.address?.postal_code, 'customer.address.postal_code');
    need(customer.address?.city, 'customer.address.city');
    const needsVatNumber = lines.some(
      (line) => VAT_LEGAL_TEXTS[line.vatCategory as VatCategory]?.needsCustomerVatNumber,
    );
    if (needsVatNumber) need(customer.vat_number, 'customer.vat_number');
  }
  const items = lines.filter((line) => line.kind === 'item');
  if (items.length === 0) missing.push({ field: 'lines', code: 'required' });
  // Interest and costs (O) go on a document of their own (BR-O-11..14).
  if (items.some((line) => line.vatCategory === 'O') && items.some((line) => line.vatCategory !== 'O'))
    missing.push({ field: 'lines', code: 'outside_scope_mixed' });
  if (row.paymentMeans === 'direct_debit') need(row.mandateReference, 'mandate_reference');
  return missing;
}

/** What the invoice says, frozen: rendered into the PDF and UBL now and in seven years. */
export function buildSnapshot(input: {
  row: InvoiceRow;
  company: Company;
  customer: CustomerForDocument | null;
  lines: InvoiceLineRow[];
  number: string;
  issueDate: string;
  dueDate: string;
  paymentReference: string;
  /** Credit notes: the invoice they correct (NL-R-001). */
  billingReference: { number: string; issue_date: string } | null;
  /** Direct debit: the account of the mandate (BT-91); null otherwise. */
  debtorIban?: string | null;
  logo: SupplierSnapshot['logo'];
}): DocumentSnapshot {
  const { row, company, customer, lines } = input;
  const isIntraCommunity = lines.some((line) => line.kind === 'item' && line.vatCategory === 'K');
  const missing = missingMandatoryContent(company, customer, lines, row);
  if (missing.length || !customer) throw invoiceIncomplete(missing);
  return {
    type: row.type,
    language: row.language ?? customer.language,
    currency: 'EUR',
    number: input.number,
    issue_date: input.issueDate,
    due_date: input.dueDate,
    valid_until: null,
    // Intra-EU supply states when and where the goods went (BR-IC-11, BR-IC-12): the invoice
    // date and the customer's country unless the invoice says otherwise.
    supply_date: row.supplyDate ?? (isIntraCommunity && !row.periodStart ? input.issueDate : null),
    period: row.periodStart && row.periodEnd ? { start: row.periodStart, end: row.periodEnd } : null,
    supplier: supplierSnapshot(company, input.logo),
    customer: {
      name: customer.name,
      address: {
        street: customer.address!.street!,
        postal_code: customer.address!.postal_code!,
        city: customer.address!.city!,
        country: customer.address!.country,
      },
      kvk_number: customer.kvk_number,
      vat_number: customer.vat_number,
      contact_name: null,
      email: customer.email,
    },
    lines: lines.map((line): SnapshotLine => {
      // The document shows the product code; the product id is an internal reference it leaves out.
      const { product_id: _productId, ...fields } = lineFieldsOf(line);
      return { ...fields, is_optional: false, is_excluded: false };
    }),
    discount_percent: row.discountPercent,
    payment: {
      means: row.paymentMeans,
      reference: input.paymentReference,
      mandate_reference: row.mandateReference,
      debtor_iban: input.debtorIban ?? null,
    },
    billing_reference: input.billingReference,
    buyer_reference: row.buyerReference,
    deliver_to_country: isIntraCommunity ? customer.address!.country : null,
    note: row.note,
  };
}

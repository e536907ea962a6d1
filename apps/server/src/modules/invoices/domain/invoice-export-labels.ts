import type { Invoice } from '@clientbox/contracts';

/** The invoice list as a spreadsheet: keys in column order. */
export const INVOICE_EXPORT_COLUMNS = [
  'number',
  'type',
  'status',
  'customer',
  'issue_date',
  'due_date',
  'total_excl_vat',
  'total_vat',
  'total_incl_vat',
  'amount_paid',
  'amount_due',
] as const;
export type InvoiceExportColumn = (typeof INVOICE_EXPORT_COLUMNS)[number];

interface ExportLabels {
  sheet: string;
  fileName: string;
  columns: Record<InvoiceExportColumn, string>;
  type: Record<Invoice['type'], string>;
  status: Record<Invoice['status'], string>;
}

/** Headers and values in the user's language (the request's), as the office reads them. */
export const INVOICE_EXPORT_LABELS: Record<'nl' | 'en', ExportLabels> = {
  nl: {
    sheet: 'Facturen',
    fileName: 'facturen',
    columns: {
      number: 'Nummer',
      type: 'Soort',
      status: 'Status',
      customer: 'Klant',
      issue_date: 'Factuurdatum',
      due_date: 'Vervaldatum',
      total_excl_vat: 'Bedrag excl. btw',
      total_vat: 'Btw',
      total_incl_vat: 'Bedrag incl. btw',
      amount_paid: 'Betaald',
      amount_due: 'Openstaand',
    },
    type: { invoice: 'Factuur', credit_note: 'Creditnota' },
    status: {
      draft: 'Concept',
      open: 'Open',
      partially_paid: 'Deels betaald',
      paid: 'Betaald',
      overdue: 'Te laat',
      credited: 'Gecrediteerd',
    },
  },
  en: {
    sheet: 'Invoices',
    fileName: 'invoices',
    columns: {
      number: 'Number',
      type: 'Type',
      status: 'Status',
      customer: 'Customer',
      issue_date: 'Invoice date',
      due_date: 'Due date',
      total_excl_vat: 'Amount excl. VAT',
      total_vat: 'VAT',
      total_incl_vat: 'Amount incl. VAT',
      amount_paid: 'Paid',
      amount_due: 'Due',
    },
    type: { invoice: 'Invoice', credit_note: 'Credit note' },
    status: {
      draft: 'Draft',
      open: 'Open',
      partially_paid: 'Partially paid',
      paid: 'Paid',
      overdue: 'Overdue',
      credited: 'Credited',
    },
  },
};

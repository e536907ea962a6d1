/**
 * The invoices module's reports and exports (VAT summary, revenue chart, list export and period
 * filter), Dutch first; `nl.ts` spreads them into the one catalog, `invoice-reports.en.ts` has the same keys.
 */
export const invoiceReportsNl = {
  'invoices.issued_from': 'Factuurdatum vanaf',
  'invoices.issued_to': 'Factuurdatum tot en met',
  'invoices.vat_summary_link': 'Btw-overzicht',
  'invoices.revenue_title': 'Omzet per maand (excl. btw)',
  'invoices.revenue_bar': '{month}: {amount} ({invoices} facturen, {credit_notes} creditnota’s)',
  'invoices.revenue_summary': 'Gefactureerd in de laatste {months} maanden, excl. btw en na creditnota’s: {total}.',
  'invoices.revenue_empty': 'Nog geen definitieve facturen in de laatste {months} maanden.',
  'vat_report.title': 'Btw-overzicht',
  'vat_report.intro':
    'Wat je voor de btw-aangifte nodig hebt: de definitieve facturen en creditnota’s met een factuurdatum in de periode. Creditnota’s tellen negatief mee, in de periode van de creditnota.',
  'vat_report.back': 'Terug naar facturen',
  'vat_report.quarter': 'Kwartaal',
  'vat_report.quarter_option': '{quarter}e kwartaal {year}',
  'vat_report.from': 'Van',
  'vat_report.to': 'Tot en met',
  'vat_report.column.category_rate': 'Btw-soort en tarief',
  'vat_report.column.box': 'Rubriek',
  'vat_report.column.taxable': 'Omzet excl. btw',
  'vat_report.column.vat': 'Btw',
  'vat_report.column.documents': 'Facturen / creditnota’s',
  'vat_report.no_box': 'niet aangeven',
  'vat_report.total': 'Totaal',
  'vat_report.boxes_title': 'Per rubriek van de aangifte',
  'vat_report.box.1a': '1a Leveringen/diensten belast met hoog tarief',
  'vat_report.box.1b': '1b Leveringen/diensten belast met laag tarief',
  'vat_report.box.1c': '1c Leveringen/diensten belast met overige tarieven',
  'vat_report.box.1e': '1e Leveringen/diensten belast met 0% of niet bij u belast',
  'vat_report.box.3a': '3a Leveringen naar landen buiten de EU',
  'vat_report.box.3b': '3b Leveringen naar of diensten in landen binnen de EU',
  'vat_report.empty': 'Geen definitieve facturen of creditnota’s in deze periode.',
  'vat_report.documents': 'In deze periode: facturen {invoices}, creditnota’s {credit_notes}.',
  'vat_report.verify':
    'Controleer de indeling in rubrieken met je boekhouder; vrijgestelde omzet en omzet buiten de btw geef je niet aan.',
  'error.period_too_long': 'Kies een periode van hoogstens tien jaar',
  'error.invalid_months': 'Kies 1 tot en met 36 maanden',
} as const;

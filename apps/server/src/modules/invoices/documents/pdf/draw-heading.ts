import { formatLegalDate } from './format.ts';
import { COLOR, PAGE, SIZE } from './pdf-canvas.ts';
import type { RenderContext } from './render-context.ts';

const VALUE_X = PAGE.left + 120;

/** The rows under the title: number, dates, supply date or period, the customer's reference. */
function headingRows({ document, labels }: RenderContext): Array<[string, string]> {
  const date = (iso: string) => formatLegalDate(iso, labels);
  const rows: Array<[string, string]> = [
    [labels.number[document.type], document.number],
    [labels.date[document.type], date(document.issue_date)],
  ];
  if (document.type === 'invoice' && document.due_date) rows.push([labels.dueDate, date(document.due_date)]);
  if (document.type === 'quote' && document.valid_until) rows.push([labels.validUntil, date(document.valid_until)]);
  // Art. 35a Wet OB: the date of supply or the service period when it differs from the issue date.
  if (document.period)
    rows.push([labels.period, labels.periodRange(date(document.period.start), date(document.period.end))]);
  else if (document.supply_date && document.supply_date !== document.issue_date)
    rows.push([labels.supplyDate, date(document.supply_date)]);
  if (document.buyer_reference) rows.push([labels.buyerReference, document.buyer_reference]);
  return rows;
}

export function drawHeading(context: RenderContext): void {
  const { canvas, document, labels } = context;
  canvas.y += canvas.text(labels.title[document.type], PAGE.left, canvas.y, { font: 'bold', size: SIZE.title }) + 8;
  for (const [label, value] of headingRows(context)) {
    canvas.text(label, PAGE.left, canvas.y, { color: COLOR.muted, width: VALUE_X - PAGE.left - 8 });
    canvas.y += canvas.text(value, VALUE_X, canvas.y, { width: PAGE.right - VALUE_X });
  }
  // A credit note names the invoice it corrects (art. 35a Wet OB; UBL BillingReference, NL-R-001).
  if (document.type === 'credit_note' && document.billing_reference) {
    const { number, issue_date } = document.billing_reference;
    canvas.y += 6;
    canvas.y += canvas.text(labels.creditNoteFor(number, formatLegalDate(issue_date, labels)), PAGE.left, canvas.y, {
      font: 'bold',
    });
  }
  canvas.y += 18;
}

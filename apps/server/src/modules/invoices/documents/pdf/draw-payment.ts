import { normalizeIdentifier } from '@clientbox/contracts';
import { epcQrPayload, qrModules } from './epc-qr.ts';
import { daysBetween, formatLegalDate, groupsOfFour } from './format.ts';
import { COLOR, PAGE, SIZE } from './pdf-canvas.ts';
import type { RenderContext } from './render-context.ts';

const QR_SIZE = 96;
const QR_X = PAGE.right - QR_SIZE;
const LABEL_WIDTH = 120;
const TEXT_WIDTH = QR_X - PAGE.left - 24;
const ROW = 13;

/** Vector modules, one rectangle per horizontal run of dark modules: sharp at any zoom. */
function drawQrCode({ canvas }: RenderContext, payload: string, x: number, y: number): void {
  const modules = qrModules(payload);
  const moduleSize = QR_SIZE / modules.length;
  const doc = canvas.doc.save();
  modules.forEach((row, rowIndex) => {
    let column = 0;
    while (column < row.length) {
      if (!row[column]) {
        column += 1;
        continue;
      }
      const start = column;
      while (column < row.length && row[column]) column += 1;
      doc.rect(x + start * moduleSize, y + rowIndex * moduleSize, (column - start) * moduleSize, moduleSize);
    }
  });
  doc.fillColor('#000000').fill().restore();
}

function paymentRows(context: RenderContext): Array<[string, string]> {
  const { document, labels, totals, money } = context;
  const payment = document.payment!;
  const date = (iso: string) => formatLegalDate(iso, labels);
  const rows: Array<[string, string]> = [[labels.amountDue, money(totals.total_incl_vat)]];
  if (document.due_date) {
    rows.push([labels.dueDate, date(document.due_date)]);
    rows.push([labels.paymentTerm, labels.days(daysBetween(document.issue_date, document.due_date))]);
  }
  if (payment.means === 'credit_transfer') {
    rows.push([labels.iban, groupsOfFour(document.supplier.iban)]);
    if (document.supplier.bic) rows.push([labels.bic, document.supplier.bic]);
    rows.push([labels.accountHolder, document.supplier.name]);
  }
  rows.push([labels.paymentReference, groupsOfFour(payment.reference)]);
  return rows;
}

function explanation(context: RenderContext): string {
  const { document, labels, totals, money } = context;
  const payment = document.payment!;
  if (payment.means === 'credit_transfer') return labels.transferRequest;
  const debtorAccount = payment.debtor_iban ? normalizeIdentifier(payment.debtor_iban).slice(-4) : null;
  return labels.directDebit(
    money(totals.total_incl_vat),
    payment.mandate_reference ?? '',
    debtorAccount,
    document.supplier.creditor_id,
  );
}

/**
 * How to pay an invoice (domain rules §1.1: due date, term, IBAN and payment reference): by
 * transfer with an EPC QR code a banking app can read, or the notice of a direct debit. Quotes
 * and credit notes have no payment block.
 */
export function drawPaymentBlock(context: RenderContext): void {
  const { canvas, document, labels, totals } = context;
  if (document.type !== 'invoice' || !document.payment) return;
  const rows = paymentRows(context);
  const text = explanation(context);
  const qrPayload = epcQrPayload(document, totals);
  const textHeight = canvas.heightOf(text, { width: TEXT_WIDTH });
  const height = Math.max(22 + rows.length * ROW + 6 + textHeight, qrPayload ? 22 + QR_SIZE + 24 : 0);
  canvas.ensureSpace(height);

  const top = canvas.y;
  canvas.text(labels.payment, PAGE.left, top, { font: 'bold', size: SIZE.heading });
  canvas.rule(top + 16);
  let y = top + 22;
  for (const [label, value] of rows) {
    canvas.text(label, PAGE.left, y, { color: COLOR.muted, width: LABEL_WIDTH - 8 });
    y += Math.max(ROW, canvas.text(value, PAGE.left + LABEL_WIDTH, y, { width: TEXT_WIDTH - LABEL_WIDTH }));
  }
  y += 6 + canvas.text(text, PAGE.left, y + 6, { width: TEXT_WIDTH });
  if (qrPayload) {
    drawQrCode(context, qrPayload, QR_X, top + 22);
    canvas.text(labels.scanToPay, QR_X - 12, top + 22 + QR_SIZE + 4, {
      size: SIZE.small,
      color: COLOR.muted,
      width: QR_SIZE + 24,
      align: 'center',
    });
  }
  canvas.y = Math.max(y, top + height);
}

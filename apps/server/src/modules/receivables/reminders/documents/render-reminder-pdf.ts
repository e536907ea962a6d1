import PDFDocument from 'pdfkit';
import { PAGE, PdfCanvas, SIZE } from '../../../invoices/index.ts';
import type { ReminderLetter } from './reminder-letter.ts';
import { amountLabels, euro, letterParagraphs, letterTitle, longDate } from './reminder-texts.ts';

function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/**
 * The reminder as a letter (A4, the documents' embedded fonts), attached to its e-mail and kept
 * with the reminder. Deterministic like the invoice PDFs: its dates are the letter's date.
 */
export function renderReminderPdf(letter: ReminderLetter): Promise<Uint8Array> {
  const dated = new Date(`${letter.date}T00:00:00Z`);
  const title = letterTitle(letter);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    font: '',
    lang: letter.language === 'nl' ? 'nl-NL' : 'en-GB',
    info: {
      Title: `${title} ${letter.invoice.number}`,
      Author: letter.creditor.name,
      Creator: 'Clientbox',
      Producer: 'Clientbox',
      CreationDate: dated,
      ModDate: dated,
    },
  });
  const bytes = collect(doc);
  const canvas = new PdfCanvas(doc);
  const labels = amountLabels(letter.language);
  const width = PAGE.right - PAGE.left;

  // Sender top right, addressee in the window position on the left.
  let y: number = PAGE.top;
  y += canvas.text(letter.creditor.name, PAGE.left, y, { font: 'bold', size: SIZE.heading, align: 'right', width });
  for (const line of [
    ...letter.creditor.addressLines,
    letter.creditor.email,
    letter.creditor.phone,
    letter.creditor.kvkNumber && `KvK ${letter.creditor.kvkNumber}`,
  ]) {
    if (line) y += canvas.text(line, PAGE.left, y, { align: 'right', width, color: '#666666' });
  }
  y = Math.max(y, 140);
  for (const [index, line] of [letter.debtor.name, ...letter.debtor.addressLines].entries())
    y += canvas.text(line, PAGE.left, y, { font: index === 0 ? 'bold' : 'regular', size: 10 });
  y += 30;
  y += canvas.text(`${labels.date}: ${longDate(letter.language, letter.date)}`, PAGE.left, y, { size: 10 });
  y += 14;
  y += canvas.text(`${title} — ${labels.invoice.toLowerCase()} ${letter.invoice.number}`, PAGE.left, y, {
    font: 'bold',
    size: SIZE.title - 4,
  });
  y += 14;
  for (const paragraph of letterParagraphs(letter)) {
    y += canvas.text(paragraph, PAGE.left, y, { size: 10, width }) + 8;
  }

  // The amounts, as a small two-column table.
  y += 6;
  const rows: [string, string, boolean][] = [
    [labels.invoice, letter.invoice.number, false],
    [labels.issued, longDate(letter.language, letter.invoice.issueDate), false],
    [labels.due, longDate(letter.language, letter.invoice.dueDate), false],
    [labels.principal, euro(letter.language, letter.amounts.principal), false],
    ...(letter.hasCharges
      ? ([
          [labels.interest, euro(letter.language, letter.amounts.interest), false],
          [labels.costs, euro(letter.language, letter.amounts.costs), false],
        ] as [string, string, boolean][])
      : []),
    [labels.total, euro(letter.language, letter.amounts.total), true],
  ];
  for (const [label, value, isTotal] of rows) {
    if (isTotal) canvas.rule(y - 3, PAGE.left, PAGE.left + 320);
    canvas.text(label, PAGE.left, y, { size: 10, font: isTotal ? 'bold' : 'regular' });
    y +=
      canvas.text(value, PAGE.left + 170, y, {
        size: 10,
        font: isTotal ? 'bold' : 'regular',
        width: 150,
        align: 'right',
      }) + 4;
  }
  y += 14;
  if (letter.creditor.iban) {
    y += canvas.text(`${labels.payTo}: ${letter.creditor.iban} (${letter.creditor.name})`, PAGE.left, y, { size: 10 });
    y += canvas.text(`${labels.reference}: ${letter.invoice.paymentReference ?? letter.invoice.number}`, PAGE.left, y, {
      size: 10,
    });
  }
  y += 24;
  y += canvas.text(labels.regards, PAGE.left, y, { size: 10 });
  canvas.text(letter.creditor.name, PAGE.left, y + 4, { size: 10 });
  doc.end();
  return bytes;
}

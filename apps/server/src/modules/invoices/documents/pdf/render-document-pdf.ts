import PDFDocument from 'pdfkit';
import type { DocumentSnapshot } from '../document-snapshot.ts';
import { drawFooters } from './draw-footer.ts';
import { drawHeading } from './draw-heading.ts';
import { drawLinesTable } from './draw-lines-table.ts';
import { drawParties } from './draw-parties.ts';
import { drawPaymentBlock } from './draw-payment.ts';
import { drawTotalsBlock } from './draw-totals.ts';
import { labelsFor } from './labels.ts';
import { PdfCanvas } from './pdf-canvas.ts';
import { createRenderContext } from './render-context.ts';

function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/**
 * The PDF of a quote, invoice or credit note, from its frozen snapshot alone. Deterministic: the
 * same snapshot gives the same bytes, because issued PDFs are stored and compared (domain rules
 * §1.3). The dates in the document information are the issue date, and PDFKit derives the file
 * id from that information, so nothing depends on the clock.
 */
export function renderDocumentPdf(document: DocumentSnapshot): Promise<Uint8Array> {
  const labels = labelsFor(document.language);
  const issued = new Date(`${document.issue_date}T00:00:00Z`);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    // No default font: PDFKit would parse Helvetica's metrics for every document, and every text
    // here is set in the embedded fonts (`PdfCanvas`).
    font: '',
    bufferPages: true,
    lang: document.language === 'nl' ? 'nl-NL' : 'en-GB',
    info: {
      Title: `${labels.title[document.type]} ${document.number}`,
      Author: document.supplier.name,
      Creator: 'Clientbox',
      Producer: 'Clientbox',
      CreationDate: issued,
      ModDate: issued,
    },
  });
  const bytes = collect(doc);
  const context = createRenderContext(new PdfCanvas(doc), document);
  drawParties(context);
  drawHeading(context);
  drawLinesTable(context);
  drawTotalsBlock(context);
  drawPaymentBlock(context);
  drawFooters(context);
  doc.end();
  return bytes;
}

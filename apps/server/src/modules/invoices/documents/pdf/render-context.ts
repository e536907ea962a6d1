import { type Cents, type DocumentTotals, computeDocumentTotals, formatMoney } from '@clientbox/contracts';
import type { DocumentSnapshot } from '../document-snapshot.ts';
import { type Labels, labelsFor } from './labels.ts';
import type { PdfCanvas } from './pdf-canvas.ts';

/** What every part of the page needs: the snapshot, its totals, the labels and the canvas. */
export interface RenderContext {
  canvas: PdfCanvas;
  document: DocumentSnapshot;
  /** The only source of amounts on the page (domain rules §2.3). */
  totals: DocumentTotals;
  labels: Labels;
  /**
   * Formats an amount as the document shows it: a credit note holds positive quantities but
   * shows its amounts negative (domain rules §1.3).
   */
  money: (cents: Cents) => string;
  isCreditNote: boolean;
}

export function createRenderContext(canvas: PdfCanvas, document: DocumentSnapshot): RenderContext {
  const isCreditNote = document.type === 'credit_note';
  return {
    canvas,
    document,
    totals: computeDocumentTotals(document),
    labels: labelsFor(document.language),
    money: (cents) => formatMoney(isCreditNote ? -cents : cents, document.language),
    isCreditNote,
  };
}

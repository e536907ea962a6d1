import { documentFonts, type FontStyle, registerDocumentFonts } from './document-fonts.ts';
import { toPrintable } from './printable-text.ts';

/**
 * A thin layer over PDFKit: A4 in points, our own margins, and one vertical cursor. PDFKit's own
 * margins are zero so it never breaks a page by itself; `ensureSpace` decides where pages break,
 * which keeps table headers and the totals block whole.
 */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  left: 50,
  right: 545.28,
  top: 45,
  /** The last line of content; the footer sits below it. */
  bottom: 780,
  footer: 800,
} as const;

export const CONTENT_WIDTH = PAGE.right - PAGE.left;

export const SIZE = { body: 9, small: 7.5, heading: 11, title: 20 } as const;
export const COLOR = { text: '#1a1a1a', muted: '#666666', rule: '#b3b3b3', band: '#f0f0f0' } as const;

export interface TextStyle {
  font?: FontStyle;
  size?: number;
  color?: string;
  align?: 'left' | 'right' | 'center';
  /** Wrap within this width; without it the text is one line. */
  width?: number;
}

export class PdfCanvas {
  /** Where the next block starts on the current page. */
  y: number = PAGE.top;
  readonly doc: PDFKit.PDFDocument;
  private onNewPage: (() => void) | null = null;

  constructor(doc: PDFKit.PDFDocument) {
    this.doc = doc;
    registerDocumentFonts(doc);
  }

  /** Sets the style on the document; returns the text as that font can print it. */
  private apply(value: string, style: TextStyle): string {
    const font = style.font ?? 'regular';
    this.doc
      .font(font)
      .fontSize(style.size ?? SIZE.body)
      .fillColor(style.color ?? COLOR.text);
    return toPrintable(value, documentFonts()[font]);
  }

  /** Draws text at (x, y); returns the height it took. */
  text(value: string, x: number, y: number, style: TextStyle = {}): number {
    const printable = this.apply(value, style);
    const options = { width: style.width ?? CONTENT_WIDTH, lineGap: 1 };
    this.doc.text(printable, x, y, { ...options, align: style.align ?? 'left' });
    return this.doc.heightOfString(printable, options);
  }

  heightOf(value: string, style: TextStyle = {}): number {
    return this.doc.heightOfString(this.apply(value, style), { width: style.width ?? CONTENT_WIDTH, lineGap: 1 });
  }

  widthOf(value: string, style: TextStyle = {}): number {
    return this.doc.widthOfString(this.apply(value, style));
  }

  rule(y: number, x1: number = PAGE.left, x2: number = PAGE.right, color: string = COLOR.rule): void {
    this.doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(0.5).strokeColor(color).stroke().restore();
  }

  band(x: number, y: number, width: number, height: number, color: string = COLOR.band): void {
    this.doc.save().rect(x, y, width, height).fillColor(color).fill().restore();
  }

  /** Called after every page break, e.g. to repeat a table header; null to stop. */
  whenNewPage(callback: (() => void) | null): void {
    this.onNewPage = callback;
  }

  /** Starts a new page when `height` does not fit below the cursor. */
  ensureSpace(height: number): void {
    if (this.y + height <= PAGE.bottom) return;
    this.doc.addPage();
    this.y = PAGE.top;
    this.onNewPage?.();
  }
}

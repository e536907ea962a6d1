import { type LineAmounts, formatMoney, unitLabel } from '@clientbox/contracts';
import type { SnapshotLine } from '../document-snapshot.ts';
import { formatPercent, formatQuantity, formatUnitPrice } from './format.ts';
import { COLOR, CONTENT_WIDTH, PAGE, SIZE, type TextStyle } from './pdf-canvas.ts';
import type { RenderContext } from './render-context.ts';

type ColumnKey = 'description' | 'quantity' | 'unit' | 'unitPrice' | 'discount' | 'vatRate' | 'net';

interface Column {
  key: ColumnKey;
  width: number;
  align: 'left' | 'right';
}

const NUMBER_COLUMNS: Column[] = [
  { key: 'quantity', width: 45, align: 'right' },
  { key: 'unit', width: 50, align: 'left' },
  { key: 'unitPrice', width: 68, align: 'right' },
  { key: 'discount', width: 46, align: 'right' },
  { key: 'vatRate', width: 38, align: 'right' },
  { key: 'net', width: 72, align: 'right' },
];
const DESCRIPTION_WIDTH = CONTENT_WIDTH - NUMBER_COLUMNS.reduce((total, column) => total + column.width, 0);
const COLUMNS: Column[] = [{ key: 'description', width: DESCRIPTION_WIDTH, align: 'left' }, ...NUMBER_COLUMNS];
const PADDING = 3;
const ROW_GAP = 4;

function columnX(key: ColumnKey): number {
  let x = PAGE.left;
  for (const column of COLUMNS) {
    if (column.key === key) return x;
    x += column.width;
  }
  return x;
}

function drawHeader({ canvas, labels }: RenderContext): void {
  const style = (column: Column): TextStyle => ({
    font: 'bold',
    size: SIZE.small,
    width: column.width - 2 * PADDING,
    align: column.align,
  });
  const height = Math.max(...COLUMNS.map((column) => canvas.heightOf(labels.columns[column.key], style(column)))) + 8;
  canvas.band(PAGE.left, canvas.y, CONTENT_WIDTH, height);
  for (const column of COLUMNS)
    canvas.text(labels.columns[column.key], columnX(column.key) + PADDING, canvas.y + 4, style(column));
  canvas.y += height + ROW_GAP;
}

/** The cells of an item line, formatted; amounts from the totals of this line. */
function itemCells(context: RenderContext, line: SnapshotLine, amounts: LineAmounts): Record<ColumnKey, string> {
  const { document, labels, isCreditNote } = context;
  const language = document.language;
  let vatRate = line.vat_rate === null ? '–' : formatPercent(line.vat_rate, language);
  if (line.vat_category === 'AE') vatRate = labels.reverseChargedShort;
  let discount = '';
  if (line.discount_percent) discount = formatPercent(line.discount_percent, language);
  else if (amounts.discount !== 0n) discount = formatMoney(amounts.discount, language);
  return {
    description: line.description,
    quantity: formatQuantity(line.quantity, language, isCreditNote),
    unit: unitLabel(line.unit_code, language),
    unitPrice: formatUnitPrice(line.unit_price, language),
    discount,
    vatRate,
    net: line.is_excluded ? labels.notIncluded : context.money(amounts.net),
  };
}

/** What appears under the description: the product code and whether a quote line is optional. */
function descriptionNotes({ labels }: RenderContext, line: SnapshotLine): string[] {
  const notes: string[] = [];
  if (line.product_code) notes.push(line.product_code);
  if (line.is_excluded) notes.push(labels.optionalExcluded);
  else if (line.is_optional) notes.push(labels.optional);
  return notes;
}

function drawItemLine(context: RenderContext, line: SnapshotLine, amounts: LineAmounts): void {
  const { canvas } = context;
  const cells = itemCells(context, line, amounts);
  const color = line.is_excluded ? COLOR.muted : COLOR.text;
  const descriptionStyle: TextStyle = { width: DESCRIPTION_WIDTH - 2 * PADDING, color };
  const noteStyle: TextStyle = { ...descriptionStyle, font: 'italic', size: SIZE.small, color: COLOR.muted };
  const numberStyle = (column: Column): TextStyle => ({
    width: column.width - 2 * PADDING,
    align: column.align,
    color,
  });
  const notes = descriptionNotes(context, line).join(' · ');
  const height = Math.max(
    canvas.heightOf(cells.description, descriptionStyle) + (notes ? canvas.heightOf(notes, noteStyle) : 0),
    ...NUMBER_COLUMNS.map((column) => canvas.heightOf(cells[column.key], numberStyle(column))),
  );
  canvas.ensureSpace(height + ROW_GAP);

  const top = canvas.y;
  const notesTop = top + canvas.text(cells.description, PAGE.left + PADDING, top, descriptionStyle);
  if (notes) canvas.text(notes, PAGE.left + PADDING, notesTop, noteStyle);
  for (const column of NUMBER_COLUMNS)
    canvas.text(cells[column.key], columnX(column.key) + PADDING, top, numberStyle(column));
  const bottom = top + height + ROW_GAP / 2;
  canvas.rule(bottom, PAGE.left, PAGE.right, COLOR.band);
  canvas.y = bottom + ROW_GAP / 2;
}

/** A heading or a line of text spans the whole table and carries no amounts. */
function drawTextLine({ canvas }: RenderContext, line: SnapshotLine): void {
  const isHeading = line.kind === 'heading';
  const style: TextStyle = { width: CONTENT_WIDTH - 2 * PADDING, font: isHeading ? 'bold' : 'regular' };
  const height = canvas.heightOf(line.description, style);
  const before = isHeading ? 6 : 0;
  // Keep a heading with the first line under it.
  canvas.ensureSpace(before + height + ROW_GAP + (isHeading ? 18 : 0));
  canvas.y += before;
  canvas.y += canvas.text(line.description, PAGE.left + PADDING, canvas.y, style) + ROW_GAP;
}

/** The lines table (art. 35a Wet OB: quantity and nature, unit price excl. VAT, discounts). */
export function drawLinesTable(context: RenderContext): void {
  const { canvas, document, totals } = context;
  canvas.ensureSpace(60);
  drawHeader(context);
  canvas.whenNewPage(() => drawHeader(context));
  document.lines.forEach((line, index) => {
    if (line.kind === 'item') drawItemLine(context, line, totals.lines[index]!);
    else drawTextLine(context, line);
  });
  canvas.whenNewPage(null);
  canvas.y += 8;
}

import { type Cents, VAT_LEGAL_TEXTS, type VatGroup } from '@clientbox/contracts';
import { countryName, formatPercent } from './format.ts';
import { COLOR, CONTENT_WIDTH, PAGE, SIZE, type TextStyle } from './pdf-canvas.ts';
import type { RenderContext } from './render-context.ts';

/** VAT breakdown on the left, document totals on the right, side by side. */
const BREAKDOWN = { rate: 120, base: 75, vat: 65 } as const;
const TOTALS_X = 330;
const TOTALS_AMOUNT_WIDTH = 85;
const TOTALS_LABEL_WIDTH = PAGE.right - TOTALS_X - TOTALS_AMOUNT_WIDTH;
const ROW = 13;

function rateText({ document }: RenderContext, group: VatGroup): string {
  const rate = group.rate === null ? '–' : formatPercent(group.rate, document.language);
  const legal = VAT_LEGAL_TEXTS[group.category];
  return legal ? `${rate} ${legal[document.language]}` : rate;
}

/** Per rate: the rate, the taxable amount and the VAT (art. 35a Wet OB; BG-23). */
function drawVatBreakdown(context: RenderContext, top: number): number {
  const { canvas, labels, totals, money } = context;
  const x = { rate: PAGE.left, base: PAGE.left + BREAKDOWN.rate, vat: PAGE.left + BREAKDOWN.rate + BREAKDOWN.base };
  const head: TextStyle = { font: 'bold', size: SIZE.small };
  canvas.text(labels.vatRate, x.rate, top, { ...head, width: BREAKDOWN.rate - 6 });
  canvas.text(labels.taxableAmount, x.base, top, { ...head, width: BREAKDOWN.base, align: 'right' });
  canvas.text(labels.columns.vatRate, x.vat, top, { ...head, width: BREAKDOWN.vat, align: 'right' });
  let y = top + ROW;
  canvas.rule(y - 3, PAGE.left, x.vat + BREAKDOWN.vat);
  for (const group of totals.vat_breakdown) {
    const height = canvas.text(rateText(context, group), x.rate, y, { width: BREAKDOWN.rate - 6 });
    canvas.text(money(group.base), x.base, y, { width: BREAKDOWN.base, align: 'right' });
    canvas.text(money(group.vat), x.vat, y, { width: BREAKDOWN.vat, align: 'right' });
    y += Math.max(height, ROW);
  }
  return y;
}

function drawTotals(context: RenderContext, top: number): number {
  const { canvas, document, labels, totals, money } = context;
  const rows: Array<{ label: string; amount: Cents; isBold?: boolean }> = [];
  if (totals.discount_total !== 0n) {
    rows.push({ label: labels.subtotal, amount: totals.lines_total });
    const percent = formatPercent(document.discount_percent ?? '0', document.language);
    rows.push({ label: labels.documentDiscount(percent), amount: -totals.discount_total });
  }
  rows.push({ label: labels.totalExclVat, amount: totals.total_excl_vat });
  rows.push({ label: labels.totalVat, amount: totals.total_vat });
  rows.push({ label: labels.totalInclVat, amount: totals.total_incl_vat, isBold: true });
  let y = top;
  for (const row of rows) {
    if (row.isBold) {
      canvas.rule(y, TOTALS_X, PAGE.right, COLOR.text);
      y += 4;
    }
    const style: TextStyle = { font: row.isBold ? 'bold' : 'regular', size: row.isBold ? SIZE.heading : SIZE.body };
    canvas.text(row.label, TOTALS_X, y, { ...style, width: TOTALS_LABEL_WIDTH });
    canvas.text(money(row.amount), TOTALS_X + TOTALS_LABEL_WIDTH, y, {
      ...style,
      width: TOTALS_AMOUNT_WIDTH,
      align: 'right',
    });
    y += row.isBold ? ROW + 3 : ROW;
  }
  return y;
}

/**
 * The texts a category other than S requires (art. 35a Wet OB, domain rules §2.1), with the
 * customer's VAT id for reverse charge and intra-EU supplies (BR-AE-02, BR-IC-02).
 */
export function legalTexts({ document, labels, totals }: RenderContext): string[] {
  const categories = [...new Set(totals.vat_breakdown.map((group) => group.category))];
  return categories.flatMap((category) => {
    const legal = VAT_LEGAL_TEXTS[category];
    if (!legal) return [];
    const parts = [legal[document.language]];
    if (legal.needsCustomerVatNumber && document.customer.vat_number)
      parts.push(labels.customerVatNumber(document.customer.vat_number));
    if (category === 'K' && document.deliver_to_country)
      parts.push(labels.deliverToCountry(countryName(document.deliver_to_country, document.language)));
    return [parts.join(' – ')];
  });
}

export function drawTotalsBlock(context: RenderContext): void {
  const { canvas, totals, document } = context;
  const texts = legalTexts(context);
  const breakdownHeight = ROW * (totals.vat_breakdown.length + 1) + 12;
  canvas.ensureSpace(Math.max(breakdownHeight, ROW * 6) + 16 * texts.length);
  const top = canvas.y;
  const bottom = Math.max(drawVatBreakdown(context, top), drawTotals(context, top));
  canvas.y = bottom + 12;
  for (const text of texts) {
    const style: TextStyle = { font: 'bold', width: CONTENT_WIDTH };
    canvas.ensureSpace(canvas.heightOf(text, style) + 4);
    canvas.y += canvas.text(text, PAGE.left, canvas.y, style) + 4;
  }
  if (document.note) {
    const style: TextStyle = { width: CONTENT_WIDTH };
    canvas.ensureSpace(canvas.heightOf(document.note, style) + 8);
    canvas.y += 4 + canvas.text(document.note, PAGE.left, canvas.y + 4, style);
  }
  canvas.y += 16;
}

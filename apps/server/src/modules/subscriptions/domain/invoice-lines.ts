import { type CalendarDate, daysBetween, formatUnitPrice } from '@clientbox/contracts';
import type { DocumentLineFields } from '../../invoices/index.ts';
import type { BillingRange } from './billing-periods.ts';
import type { PeriodLine } from './period-lines.ts';

type Language = 'nl' | 'en';

const MONTHS: Record<Language, string[]> = {
  nl: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

export function formatDay(date: CalendarDate, language: Language): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[language][month - 1]} ${year}`;
}

export function formatDays(from: CalendarDate, to: CalendarDate, language: Language): string {
  return `${formatDay(from, language)} – ${formatDay(to, language)}`;
}

/** Cents as a unit price (4 decimals), for a line of quantity 1 that states an exact amount. */
const unitPriceOfCents = (cents: bigint) => formatUnitPrice(cents * 100n);

/**
 * The invoice lines of a billed range. A line that runs the whole period is invoiced as agreed
 * (quantity, price, discount), with the period in its description; a line for part of a period
 * states the days and is one exact amount (quantity 1), so the parts of a split period add up to
 * the full price to the cent.
 */
export function invoiceLinesOfRange(
  lines: PeriodLine[],
  range: BillingRange,
  language: Language,
): DocumentLineFields[] {
  return lines.map((line) => {
    const days = formatDays(line.from, line.to, language);
    if (line.isFullPeriod) return { ...line.fields, description: `${line.fields.description} (${days})` };
    const count = daysBetween(line.from, line.to) + 1;
    const ofDays =
      language === 'nl' ? `${count} van ${range.period.days} dagen` : `${count} of ${range.period.days} days`;
    const quantity = line.fields.quantity === '1' ? '' : `${line.fields.quantity} × `;
    return {
      ...line.fields,
      description: `${quantity}${line.fields.description} (${days}, ${ofDays})`,
      quantity: '1',
      unit_price: unitPriceOfCents(line.amount),
      discount_percent: null,
      discount_amount: null,
    };
  });
}

/** A heading above a subscription's lines when one invoice bills several subscriptions. */
export function subscriptionHeading(name: string): DocumentLineFields {
  return {
    kind: 'heading',
    product_id: null,
    product_code: null,
    description: name,
    quantity: '0',
    unit_code: 'C62',
    unit_price: '0.0000',
    vat_rate: null,
    vat_category: 'S',
    discount_percent: null,
    discount_amount: null,
  };
}

export interface AdjustmentFacts {
  description: string;
  fromDate: CalendarDate;
  untilDate: CalendarDate;
  amount: bigint;
  vatRate: string | null;
  vatCategory: string;
}

/** A difference for days already invoiced, as a line of its own (positive on an invoice, the size of a credit on a credit note). */
export function adjustmentLine(adjustment: AdjustmentFacts, language: Language): DocumentLineFields {
  const amount = adjustment.amount < 0n ? -adjustment.amount : adjustment.amount;
  const label = language === 'nl' ? 'Aanpassing' : 'Adjustment';
  return {
    kind: 'item',
    product_id: null,
    product_code: null,
    description: `${label}: ${adjustment.description} (${formatDays(adjustment.fromDate, adjustment.untilDate, language)})`,
    quantity: '1',
    unit_code: 'C62',
    unit_price: unitPriceOfCents(amount),
    vat_rate: adjustment.vatRate,
    vat_category: adjustment.vatCategory as DocumentLineFields['vat_category'],
    discount_percent: null,
    discount_amount: null,
  };
}

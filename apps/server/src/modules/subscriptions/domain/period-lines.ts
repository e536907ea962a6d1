import { addDays, type CalendarDate, computeLineAmounts, divideHalfUp } from '@clientbox/contracts';
import type { DocumentLineFields } from '../../invoices/index.ts';
import type { BillingRange } from './billing-periods.ts';
import { prorate } from './proration.ts';

/** One version of a subscription line: its fields from `validFrom` to `validUntil` (inclusive; null = open). */
export interface LineVersion {
  lineKey: string;
  position: number;
  validFrom: CalendarDate;
  validUntil: CalendarDate | null;
  fields: DocumentLineFields;
}

/** An announced price for a line from a period start on. */
export interface AnnouncedPrice {
  lineKey: string;
  unitPrice: string;
  appliesFrom: CalendarDate;
}

/** What one line comes to over one stretch of days of a range. */
export interface PeriodLine {
  lineKey: string;
  position: number;
  fields: DocumentLineFields;
  from: CalendarDate;
  to: CalendarDate;
  /** True when the stretch is the whole grid period: the line is invoiced as it is. */
  isFullPeriod: boolean;
  amount: bigint;
}

/**
 * The lines of a range: each version that runs in it, for the days it runs, split where an
 * announced price takes over. The most recent decision for a day wins: a version started on or
 * after a price's date replaces that price; a price from a later day replaces the version's.
 * Text lines and headings cost nothing and are left out.
 */
export function linesOfRange(range: BillingRange, versions: LineVersion[], prices: AnnouncedPrice[]): PeriodLine[] {
  const lines: PeriodLine[] = [];
  for (const version of versions) {
    if (version.fields.kind !== 'item') continue;
    const from = version.validFrom > range.start ? version.validFrom : range.start;
    const to = version.validUntil !== null && version.validUntil < range.end ? version.validUntil : range.end;
    if (from > to) continue;
    const ownPrices = prices
      .filter((price) => price.lineKey === version.lineKey && price.appliesFrom > version.validFrom)
      .sort((a, b) => a.appliesFrom.localeCompare(b.appliesFrom));
    for (const stretch of stretchesByPrice(from, to, version.fields.unit_price, ownPrices)) {
      const fields = { ...version.fields, unit_price: stretch.unitPrice };
      const full = fullPeriodAmount(fields);
      const isFullPeriod = stretch.from === range.period.start && stretch.to === range.period.end;
      lines.push({
        lineKey: version.lineKey,
        position: version.position,
        fields,
        from: stretch.from,
        to: stretch.to,
        isFullPeriod,
        amount: isFullPeriod ? full : prorate(full, range.period, stretch.from, stretch.to),
      });
    }
  }
  return lines.sort((a, b) => a.position - b.position || a.from.localeCompare(b.from));
}

function stretchesByPrice(from: CalendarDate, to: CalendarDate, basePrice: string, prices: AnnouncedPrice[]) {
  const stretches: { from: CalendarDate; to: CalendarDate; unitPrice: string }[] = [];
  let current = { from, unitPrice: priceOn(from, basePrice, prices) };
  for (const price of prices) {
    if (price.appliesFrom <= from || price.appliesFrom > to) continue;
    stretches.push({ ...current, to: addDays(price.appliesFrom, -1) });
    current = { from: price.appliesFrom, unitPrice: price.unitPrice };
  }
  stretches.push({ ...current, to });
  return stretches;
}

function priceOn(date: CalendarDate, basePrice: string, prices: AnnouncedPrice[]): string {
  let unitPrice = basePrice;
  for (const price of prices) if (price.appliesFrom <= date) unitPrice = price.unitPrice;
  return unitPrice;
}

/** Per line, what a range came to: kept with the billed period to charge or credit only differences later. */
export function amountsPerLine(lines: PeriodLine[]): Map<string, bigint> {
  const amounts = new Map<string, bigint>();
  for (const line of lines) amounts.set(line.lineKey, (amounts.get(line.lineKey) ?? 0n) + line.amount);
  return amounts;
}

/** What a line comes to for a whole period, excl. VAT (text lines and headings: nothing). */
export function fullPeriodAmount(fields: DocumentLineFields): bigint {
  return computeLineAmounts({ ...fields, is_excluded: false }).net;
}

/** A line's value per month excl. VAT (for MRR): its full-period amount over the interval, rounded half up. */
export function monthlyAmount(fields: DocumentLineFields, intervalMonths: number): bigint {
  return divideHalfUp(fullPeriodAmount(fields), BigInt(intervalMonths));
}

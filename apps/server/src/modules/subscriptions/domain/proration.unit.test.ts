import { addDays } from '@clientbox/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocumentLineFields } from '../../invoices/index.ts';
import { linesOfRange } from './period-lines.ts';
import { prorate } from './proration.ts';

const line = (unitPrice: string, quantity = '1'): DocumentLineFields => ({
  kind: 'item',
  product_id: null,
  product_code: null,
  description: 'Licentie',
  quantity,
  unit_code: 'C62',
  unit_price: unitPrice,
  vat_rate: '21',
  vat_category: 'S',
  discount_percent: null,
  discount_amount: null,
});

/** A period of 28–366 days cut into pieces at random days. */
const splitPeriod = fc
  .record({
    days: fc.integer({ min: 28, max: 366 }),
    cuts: fc.array(fc.integer({ min: 1, max: 365 }), { maxLength: 6 }),
  })
  .map(({ days, cuts }) => {
    const start = '2027-01-01';
    const period = { start, end: addDays(start, days - 1), days };
    const points = [...new Set(cuts.filter((cut) => cut < days))].sort((a, b) => a - b);
    const bounds = [0, ...points, days];
    const pieces = bounds.slice(1).map((to, i) => ({ from: addDays(start, bounds[i]!), to: addDays(start, to - 1) }));
    return { period, pieces };
  });

describe('proration by day', () => {
  it('the parts of a split period add up to exactly the full price', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 11n }), splitPeriod, (full, { period, pieces }) => {
        const parts = pieces.map((piece) => prorate(full, period, piece.from, piece.to));
        expect(parts.reduce((a, b) => a + b, 0n)).toBe(full);
        for (const part of parts) expect(part >= 0n && part <= full).toBe(true);
      }),
    );
  });

  it('line versions that split a period at the same price come to the full-period amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99_999_999 }),
        fc.integer({ min: 1, max: 50 }),
        splitPeriod,
        (cents, quantity, { period, pieces }) => {
          const unitPrice = (cents / 100).toFixed(2);
          const versions = pieces.map((piece, position) => ({
            lineKey: 'k',
            position,
            validFrom: piece.from,
            validUntil: piece.to,
            fields: line(unitPrice, String(quantity)),
          }));
          const lines = linesOfRange({ start: period.start, end: period.end, period }, versions, []);
          expect(lines.reduce((sum, l) => sum + l.amount, 0n)).toBe(BigInt(cents) * BigInt(quantity));
        },
      ),
    );
  });

  it('charges 17 of 31 days of €31.00 as €17.00, and an announced price from its day on', () => {
    const period = { start: '2027-01-01', end: '2027-01-31', days: 31 };
    expect(prorate(3100n, period, '2027-01-15', '2027-01-31')).toBe(1700n);
    const lines = linesOfRange(
      { start: '2027-01-01', end: '2027-01-31', period },
      [{ lineKey: 'k', position: 0, validFrom: '2026-01-01', validUntil: null, fields: line('31.00') }],
      [{ lineKey: 'k', unitPrice: '62.0000', appliesFrom: '2027-01-15' }],
    );
    expect(lines.map((l) => [l.from, l.to, l.amount])).toEqual([
      ['2027-01-01', '2027-01-14', 1400n],
      ['2027-01-15', '2027-01-31', 3400n],
    ]);
  });
});

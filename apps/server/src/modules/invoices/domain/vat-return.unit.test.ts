import type { TotalsLineInput } from '@clientbox/contracts';
import { describe, expect, it } from 'vitest';
import { summarizeVatReturn, vatReturnBox } from './vat-return.ts';

const line = (quantity: string, price: string, category: TotalsLineInput['vat_category'], rate: string | null) => ({
  kind: 'item' as const,
  quantity,
  unit_price: price,
  vat_category: category,
  vat_rate: rate,
});

/** Domain rules §2.3: invoice 2026-000123. */
const GOLDEN = [
  line('3', '19.99', 'S', '21'),
  line('2.5', '85.00', 'S', '21'),
  line('1', '112.03', 'S', '21'),
  line('7', '12.3456', 'S', '9'),
  line('12', '8.7375', 'S', '9'),
];

describe('vatReturnBox', () => {
  it.each([
    ['S', '21', 'NL', '1a'],
    ['S', '9', 'NL', '1b'],
    ['S', '13', 'NL', '1c'],
    ['Z', '0', 'NL', '1e'],
    ['AE', '0', 'NL', '1e'],
    ['AE', '0', null, '1e'],
    ['AE', '0', 'BE', '3b'],
    ['AE', '0', 'US', '1e'],
    ['K', '0', 'DE', '3b'],
    ['G', '0', 'US', '3a'],
    ['E', '0', 'NL', null],
    ['O', null, 'NL', null],
  ] as const)('%s at %s for a customer in %s → %s', (category, rate, country, box) => {
    expect(vatReturnBox(category, rate, country)).toBe(box);
  });
});

describe('summarizeVatReturn', () => {
  it('takes each group from computeDocumentTotals: 80.75 and 17.21, never summed line VAT', () => {
    const summary = summarizeVatReturn([
      { type: 'invoice', lines: GOLDEN, discount_percent: null, customerCountry: 'NL' },
    ]);
    expect(summary.groups.map((group) => [group.box, group.base, group.vat])).toEqual([
      ['1a', 38450n, 8075n],
      ['1b', 19127n, 1721n],
    ]);
    expect([summary.base, summary.vat]).toEqual([57577n, 9796n]);
  });

  it('applies the document discount per group (5%: 21% base 365.27, VAT 76.71)', () => {
    const summary = summarizeVatReturn([
      { type: 'invoice', lines: GOLDEN.slice(0, 3), discount_percent: '5', customerCountry: 'NL' },
    ]);
    expect(summary.groups[0]).toMatchObject({ base: 36527n, vat: 7671n });
  });

  it('subtracts credit notes and splits reverse charge by where the customer is', () => {
    const summary = summarizeVatReturn([
      { type: 'invoice', lines: [line('1', '100', 'AE', '0')], discount_percent: null, customerCountry: 'NL' },
      { type: 'invoice', lines: [line('1', '300', 'AE', '0')], discount_percent: null, customerCountry: 'BE' },
      { type: 'credit_note', lines: [line('1', '19.99', 'S', '21')], discount_percent: null, customerCountry: 'NL' },
      { type: 'invoice', lines: [line('1', '50', 'E', '0')], discount_percent: null, customerCountry: 'NL' },
    ]);
    expect(summary.groups.map((group) => [group.category, group.box, group.base, group.vat])).toEqual([
      ['S', '1a', -1999n, -420n],
      ['E', null, 5000n, 0n],
      ['AE', '1e', 10000n, 0n],
      ['AE', '3b', 30000n, 0n],
    ]);
    expect(summary.boxes).toEqual([
      { box: '1a', base: -1999n, vat: -420n },
      { box: '1e', base: 10000n, vat: 0n },
      { box: '3b', base: 30000n, vat: 0n },
    ]);
    expect([summary.invoices, summary.creditNotes]).toEqual([3, 1]);
  });
});

import { describe, expect, it } from 'vitest';
import { formatAmount } from '../money/money.ts';
import { computeDocumentTotals, computeLineAmounts, type TotalsLineInput } from './document-totals.ts';

const item = (quantity: string, unit_price: string, vat_rate: string | null, extra: Partial<TotalsLineInput> = {}) =>
  ({ kind: 'item', quantity, unit_price, vat_rate, vat_category: 'S', ...extra }) as TotalsLineInput;

/** The test vector of domain rules §2.3: invoice 2026-000123. */
const INVOICE_2026_000123 = [
  item('3', '19.99', '21'),
  item('2.5', '85.00', '21'),
  item('1', '112.03', '21'),
  item('7', '12.3456', '9'),
  item('12', '8.7375', '9'),
];

const amounts = (totals: ReturnType<typeof computeDocumentTotals>) => ({
  lines: totals.lines.map((line) => formatAmount(line.net)),
  groups: totals.vat_breakdown.map((group) => [
    group.category,
    group.rate,
    formatAmount(group.discount),
    formatAmount(group.base),
    formatAmount(group.vat),
  ]),
  lines_total: formatAmount(totals.lines_total),
  total_excl_vat: formatAmount(totals.total_excl_vat),
  total_vat: formatAmount(totals.total_vat),
  total_incl_vat: formatAmount(totals.total_incl_vat),
});

describe('document totals (domain rules §2.3)', () => {
  it('computes the worked invoice 2026-000123 exactly: VAT per rate on the summed base, half up', () => {
    expect(amounts(computeDocumentTotals({ lines: INVOICE_2026_000123 }))).toEqual({
      lines: ['59.97', '212.50', '112.03', '86.42', '104.85'],
      // 80.745 → 80.75 (half-even would give 80.74); 17.2143 → 17.21 (summing line VAT gives 17.22).
      groups: [
        ['S', '21', '0.00', '384.50', '80.75'],
        ['S', '9', '0.00', '191.27', '17.21'],
      ],
      lines_total: '575.77',
      total_excl_vat: '575.77',
      total_vat: '97.96',
      total_incl_vat: '673.73',
    });
  });

  it('applies a document discount per VAT group: 5% of the 21% group is 19.23, base 365.27, VAT 76.71', () => {
    const totals = computeDocumentTotals({ lines: INVOICE_2026_000123.slice(0, 3), discount_percent: '5' });
    expect(amounts(totals).groups).toEqual([['S', '21', '19.23', '365.27', '76.71']]);
    expect(amounts(totals).total_incl_vat).toBe('441.98');
  });

  it.each([
    // quantity, price, discount %, discount amount → gross, discount, net
    ['3', '19.99', null, null, '59.97', '0.00', '59.97'],
    ['7', '12.3456', null, null, '86.42', '0.00', '86.42'],
    ['7', '12.3456', '10', null, '86.42', '8.64', '77.78'],
    ['1', '0.0050', null, null, '0.01', '0.00', '0.01'],
    ['0.5', '2.0100', null, null, '1.01', '0.00', '1.01'],
    ['2', '100', null, '15.50', '200.00', '15.50', '184.50'],
    ['1', '2.675', null, null, '2.68', '0.00', '2.68'],
  ])('line %s × %s, discount %s%% / %s → gross %s, discount %s, net %s', (q, p, pct, amount, gross, discount, net) => {
    const line = computeLineAmounts(item(q, p, '21', { discount_percent: pct, discount_amount: amount }));
    expect([formatAmount(line.gross), formatAmount(line.discount), formatAmount(line.net)]).toEqual([
      gross,
      discount,
      net,
    ]);
  });

  it('leaves text lines, headings and unticked optional lines out of every total', () => {
    const totals = computeDocumentTotals({
      lines: [
        { kind: 'heading', quantity: '0', unit_price: '0', vat_rate: '21', vat_category: 'S' },
        item('1', '100', '21'),
        { kind: 'text', quantity: '0', unit_price: '0', vat_rate: '21', vat_category: 'S' },
        item('1', '50', '21', { is_excluded: true }),
      ],
    });
    expect(amounts(totals)).toMatchObject({ lines: ['0.00', '100.00', '0.00', '0.00'], total_incl_vat: '121.00' });
  });

  it('groups by category and rate: reverse charge, intra-EU and export are 0%, O carries no VAT at all', () => {
    const totals = computeDocumentTotals({
      lines: [
        item('1', '100', '0', { vat_category: 'AE' }),
        item('1', '10', '21'),
        item('2', '50', '0', { vat_category: 'K' }),
        item('1', '30', '0', { vat_category: 'G' }),
        item('1', '40', '0', { vat_category: 'E' }),
        item('1', '5', '9.00'),
      ],
    });
    expect(amounts(totals).groups).toEqual([
      ['S', '21', '0.00', '10.00', '2.10'],
      ['S', '9', '0.00', '5.00', '0.45'],
      ['E', '0', '0.00', '40.00', '0.00'],
      ['AE', '0', '0.00', '100.00', '0.00'],
      ['K', '0', '0.00', '100.00', '0.00'],
      ['G', '0', '0.00', '30.00', '0.00'],
    ]);
    const outside = computeDocumentTotals({ lines: [item('1', '40', null, { vat_category: 'O' })] });
    expect(amounts(outside).groups).toEqual([['O', null, '0.00', '40.00', '0.00']]);
  });

  it('keeps totals consistent: excl. = lines − discount, incl. = excl. + Σ group VAT', () => {
    const totals = computeDocumentTotals({ lines: INVOICE_2026_000123, discount_percent: '2.5' });
    const groupBase = totals.vat_breakdown.reduce((total, group) => total + group.base, 0n);
    expect(groupBase).toBe(totals.total_excl_vat);
    expect(totals.total_incl_vat).toBe(totals.total_excl_vat + totals.total_vat);
  });
});

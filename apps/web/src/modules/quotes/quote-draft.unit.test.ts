import { describe, expect, it, vi } from 'vitest';

// The catalogs the labels come from read the stored language when they load: outside a browser
// there is no stored language.
vi.hoisted(() => {
  if (!('localStorage' in globalThis) || typeof globalThis.localStorage?.getItem !== 'function')
    Object.defineProperty(globalThis, 'localStorage', { value: { getItem: () => null }, configurable: true });
});
import { emptyLine, previewTotals } from '../documents/document-draft-lines.ts';
import { EMPTY_QUOTE_DRAFT, quoteDraftBody, type QuoteDraftValues } from './quote-draft.ts';

const item = (quantity: string, price: string, isOptional = false) => ({
  ...emptyLine('item', '21'),
  description: 'Regel',
  quantity,
  unit_price: price,
  is_optional: isOptional,
});

describe('a quote draft in the editor', () => {
  const values: QuoteDraftValues = {
    ...EMPTY_QUOTE_DRAFT,
    lines: [item('1', '95,00'), { ...emptyLine('heading', '21'), description: 'Extra' }, item('2', '25,00', true)],
  };

  it('leaves optional lines out of the live total but shows their own amount', () => {
    const preview = previewTotals(values);
    // 95.00 + 21% VAT = 114.95; the optional 2 × 25.00 is not in it.
    expect(preview.totals.total_excl_vat).toBe(9500n);
    expect(preview.totals.total_incl_vat).toBe(11495n);
    expect(preview.lineTotals).toEqual([9500n, 0n, 5000n]);
    expect(preview.optionalTotal).toBe(5000n);
  });

  it('sends is_optional for items only, with the invoice line fields', () => {
    const body = quoteDraftBody(values) as { lines: Record<string, unknown>[] };
    expect(body.lines.map((line) => line.is_optional)).toEqual([false, undefined, true]);
    expect(body.lines[2]).toMatchObject({ kind: 'item', quantity: '2', unit_price: '25.00', vat_rate: '21' });
  });
});

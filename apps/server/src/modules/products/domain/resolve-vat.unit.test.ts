import { NL_DEFAULT_VAT_RATES } from '@clientbox/contracts';
import { describe, expect, it } from 'vitest';
import { productVatRate, resolveVatChoice } from './resolve-vat.ts';

const rates = NL_DEFAULT_VAT_RATES;
const today = '2026-06-01';

describe('resolveVatChoice: what a product stores for its VAT', () => {
  it.each([
    [
      { category: 'S' as const, rate: '21' },
      { vatCategory: 'S', vatRateClass: 'standard' },
    ],
    [
      { category: 'S' as const, rate: '9' },
      { vatCategory: 'S', vatRateClass: 'reduced' },
    ],
    [
      { category: 'S' as const, rate: '9', rateClass: 'accommodation' },
      { vatCategory: 'S', vatRateClass: 'accommodation' },
    ],
    [{ category: 'S' as const }, { vatCategory: 'S', vatRateClass: 'standard' }],
    [
      { category: 'S' as const, currentClass: 'reduced' },
      { vatCategory: 'S', vatRateClass: 'reduced' },
    ],
    [
      { category: 'E' as const, rate: '0' },
      { vatCategory: 'E', vatRateClass: null },
    ],
    [{ category: 'O' as const }, { vatCategory: 'O', vatRateClass: null }],
  ])('%j → %j', (input, choice) => {
    expect(resolveVatChoice(input, rates, today)).toEqual({ choice, errors: [] });
  });

  it.each([
    [{ category: 'S' as const, rate: '6' }, 'vat_rate', 'unknown_vat_rate'],
    [{ category: 'S' as const, rateClass: 'luxury' }, 'vat_rate_class', 'unknown_vat_rate_class'],
    [{ category: 'S' as const, rate: '21', rateClass: 'reduced' }, 'vat_rate', 'vat_rate_class_mismatch'],
    [{ category: 'S' as const, rate: '0' }, 'vat_rate', 'zero_rate_needs_category_z'],
    [{ category: 'S' as const, rateClass: 'zero' }, 'vat_rate_class', 'zero_rate_needs_category_z'],
    [{ category: 'K' as const, rate: '21' }, 'vat_rate', 'vat_rate_must_be_zero'],
  ])('refuses %j: %s %s', (input, field, code) => {
    expect(resolveVatChoice(input, rates, today)).toEqual({ choice: null, errors: [{ field, code, message: code }] });
  });

  it('reads the percentage of the date of supply', () => {
    const stay = { vatCategory: 'S', vatRateClass: 'accommodation' };
    expect(productVatRate(stay, rates, '2025-12-31')).toBe('9');
    expect(productVatRate(stay, rates, '2026-01-01')).toBe('21');
    expect(productVatRate({ vatCategory: 'G', vatRateClass: null }, rates, today)).toBe('0');
    expect(productVatRate({ vatCategory: 'O', vatRateClass: null }, rates, today)).toBeNull();
  });
});

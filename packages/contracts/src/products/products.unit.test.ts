import { describe, expect, it } from 'vitest';
import { productMargin, tryProductMargin } from './margin.ts';
import { createProduct, updateProduct, vatChoiceIssues } from './products.schemas.ts';
import { isUnitCode, UNIT_CODES, unitCodeFrom, unitLabel, UNITS } from './units.ts';
import {
  amsterdamDate,
  NL_DEFAULT_VAT_RATES,
  nextVatRate,
  normalizePercent,
  rateClassFor,
  vatRateOn,
} from './vat-rates.ts';

describe('vatRateOn: rates are dated data (domain rules §2.2)', () => {
  it.each([
    ['standard', '2001-01-01', '21'],
    ['standard', '2026-06-01', '21'],
    ['standard', '2099-12-31', '21'],
    ['reduced', '2026-06-01', '9'],
    ['accommodation', '2025-12-31', '9'],
    ['accommodation', '2026-01-01', '21'],
    ['zero', '2026-06-01', '0'],
  ])('%s on %s is %s%%', (rateClass, date, expected) => {
    expect(vatRateOn(NL_DEFAULT_VAT_RATES, rateClass, date)).toBe(expected);
  });

  it('has no rate before the first one of the class, nor for an unknown class', () => {
    expect(vatRateOn(NL_DEFAULT_VAT_RATES, 'reduced', '2018-12-31')).toBeNull();
    expect(vatRateOn(NL_DEFAULT_VAT_RATES, 'luxury', '2026-06-01')).toBeNull();
  });

  it('takes a new dated rate from its date on, whatever the order of the rows', () => {
    const rates = [{ rate_class: 'reduced', percent: '10.00', valid_from: '2027-01-01' }, ...NL_DEFAULT_VAT_RATES];
    expect(vatRateOn(rates, 'reduced', '2026-12-31')).toBe('9');
    expect(vatRateOn(rates, 'reduced', '2027-01-01')).toBe('10');
    expect(nextVatRate(rates, 'reduced', '2026-12-31')).toMatchObject({ valid_from: '2027-01-01' });
    expect(nextVatRate(rates, 'reduced', '2027-01-01')).toBeNull();
  });

  it('picks the class by today’s percentage, the built-in order first (9 → reduced)', () => {
    expect(rateClassFor(NL_DEFAULT_VAT_RATES, '9', '2025-06-01')).toBe('reduced');
    expect(rateClassFor(NL_DEFAULT_VAT_RATES, '21', '2026-06-01')).toBe('standard');
    expect(rateClassFor(NL_DEFAULT_VAT_RATES, '9.0', '2026-06-01')).toBe('reduced');
    expect(rateClassFor(NL_DEFAULT_VAT_RATES, '6', '2026-06-01')).toBeNull();
  });

  it('writes one spelling per percentage', () => {
    expect(['21', '21.0000', '9.50', '0.0', '100'].map(normalizePercent)).toEqual(['21', '21', '9.5', '0', '100']);
  });

  it('reads today as the Dutch office does', () => {
    // 23:30 UTC on 31 December is already 1 January in Amsterdam.
    expect(amsterdamDate(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    expect(amsterdamDate(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
  });
});

describe('units: UN/ECE Recommendation 20', () => {
  it('has the codes invoices need, each with a Dutch and an English label', () => {
    for (const code of ['C62', 'HUR', 'DAY', 'WEE', 'MON', 'ANN', 'KMT', 'MTR', 'MTK', 'KGM', 'LTR', 'SET', 'E48'])
      expect(isUnitCode(code), code).toBe(true);
    expect(new Set(UNIT_CODES).size).toBe(UNITS.length);
    expect(unitLabel('C62', 'nl')).toBe('stuk');
    expect(unitLabel('C62', 'en')).toBe('piece');
    expect(unitLabel('HUR', 'nl')).toBe('uur');
    expect(unitLabel('E48', 'en')).toBe('service unit');
    expect(unitLabel('XYZ', 'nl')).toBe('XYZ');
    expect(isUnitCode('hur')).toBe(false);
    expect(isUnitCode('XYZ')).toBe(false);
  });

  it.each([
    ['HUR', 'HUR'],
    ['hur', 'HUR'],
    ['Uren', 'HUR'],
    ['hour', 'HUR'],
    [' stuks ', 'C62'],
    ['m2', 'MTK'],
    ['maand', 'MON'],
    ['dienst', 'E48'],
    ['bushel', null],
    ['', null],
  ])('reads %j from a spreadsheet as %s', (text, code) => {
    expect(unitCodeFrom(text)).toBe(code);
  });

  it('validates unit_code in the request', () => {
    const base = { code: 'A', name: 'A', unit_price: '1' };
    expect(createProduct.parse({ ...base, unit_code: 'hur' }).unit_code).toBe('HUR');
    const bad = createProduct.safeParse({ ...base, unit_code: 'BUSHEL' });
    expect(bad.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['unit_code', 'invalid_unit_code'],
    ]);
  });
});

describe('prices and margin', () => {
  it.each([
    ['100', '75', '25.0000', '25.00'],
    ['12.3456', '10', '2.3456', '19.00'],
    ['0.1250', '0.1', '0.0250', '20.00'],
    ['10', '12.50', '-2.5000', '-25.00'],
    ['3', '1', '2.0000', '66.67'],
    ['0', '5', '-5.0000', null],
  ])('sale %s, purchase %s → margin %s (%s%%)', (sale, purchase, amount, percent) => {
    expect(productMargin(sale, purchase)).toEqual({ amount, percent });
  });

  it('has no margin without a purchase price, or while a price is still being typed', () => {
    expect(productMargin('10', null)).toBeNull();
    expect(productMargin('10', '')).toBeNull();
    expect(tryProductMargin('10,5', '2')).toBeNull();
    expect(tryProductMargin('10.5', '2')).toEqual({ amount: '8.5000', percent: '80.95' });
  });

  it('accepts up to 4 decimals, answers with exactly 4, and refuses the rest with a code per field', () => {
    expect(createProduct.parse({ code: 'A', name: 'A', unit_price: '0.125' }).unit_price).toBe('0.1250');
    const bad = createProduct.safeParse({
      code: '',
      name: 'x'.repeat(201),
      unit_price: '1.23456',
      purchase_price: '-1',
      vat_category: 'X',
      recurring_period: 'week',
    });
    expect(Object.fromEntries(bad.error!.issues.map((issue) => [issue.path.join('.'), issue.message]))).toEqual({
      code: 'required',
      name: 'too_long',
      unit_price: 'too_many_decimals',
      purchase_price: 'must_not_be_negative',
      vat_category: 'invalid_vat_category',
      recurring_period: 'invalid_recurring_period',
    });
    expect(updateProduct.safeParse({ unit_price: 'abc' }).error?.issues[0]?.message).toBe('invalid_amount');
    expect(updateProduct.safeParse({ unit_price: '99999999999' }).error?.issues[0]?.message).toBe('too_large');
  });

  it('allows a rate class only for category S, 0% for Z/E/AE/K/G and no rate for O (domain rules §2.1)', () => {
    expect(vatChoiceIssues({ vat_category: 'S', vat_rate: '9', vat_rate_class: 'reduced' })).toEqual([]);
    expect(vatChoiceIssues({ vat_category: 'E', vat_rate: '0' })).toEqual([]);
    expect(vatChoiceIssues({ vat_category: 'AE', vat_rate: '21' })).toEqual([
      { field: 'vat_rate', code: 'vat_rate_must_be_zero' },
    ]);
    expect(vatChoiceIssues({ vat_category: 'O', vat_rate: '0', vat_rate_class: 'zero' })).toEqual([
      { field: 'vat_rate_class', code: 'vat_rate_class_only_for_standard' },
      { field: 'vat_rate', code: 'vat_rate_not_allowed' },
    ]);
  });
});

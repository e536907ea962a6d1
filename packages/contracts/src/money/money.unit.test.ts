import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatMoney,
  lineNet,
  parseAmount,
  percentOf,
  roundToCents,
  sum,
  vatFromGross,
} from './index.ts';

describe('money (domain rules §0 and §2.3)', () => {
  it.each([
    ['2.675', '2.68'],
    ['1.005', '1.01'],
    ['-2.625', '-2.63'],
    ['80.745', '80.75'],
    ['0.004', '0.00'],
    ['-0.005', '-0.01'],
  ])('roundHalfUp(%s) = %s', (input, expected) => {
    expect(formatAmount(roundToCents(input))).toBe(expected);
  });

  it.each([
    ['0.5', '2.0100', '1.01'],
    ['3', '19.99', '59.97'],
    ['2.5', '85.00', '212.50'],
    ['1', '112.03', '112.03'],
    ['7', '12.3456', '86.42'],
    ['12', '8.7375', '104.85'],
    ['-1', '10.005', '-10.01'],
  ])('line net %s × %s = %s', (quantity, price, expected) => {
    expect(formatAmount(lineNet(quantity, price))).toBe(expected);
  });

  it('computes the totals of test invoice 2026-000123 exactly', () => {
    const at21 = sum([lineNet('3', '19.99'), lineNet('2.5', '85.00'), lineNet('1', '112.03')]);
    const at9 = sum([lineNet('7', '12.3456'), lineNet('12', '8.7375')]);
    expect(formatAmount(at21)).toBe('384.50');
    expect(formatAmount(at9)).toBe('191.27');
    const vat21 = percentOf(at21, '21');
    const vat9 = percentOf(at9, '9');
    expect(formatAmount(vat21)).toBe('80.75'); // a tie: half-even would give 80.74
    expect(formatAmount(vat9)).toBe('17.21'); // summing rounded line VAT would give 17.22
    expect(formatAmount(at21 + at9)).toBe('575.77');
    expect(formatAmount(vat21 + vat9)).toBe('97.96');
    expect(formatAmount(at21 + at9 + vat21 + vat9)).toBe('673.73');
  });

  it('applies a 5% document discount on the 21% group', () => {
    const allowance = percentOf(parseAmount('384.50'), '5');
    expect(formatAmount(allowance)).toBe('19.23');
    expect(formatAmount(percentOf(parseAmount('384.50') - allowance, '21'))).toBe('76.71');
  });

  it.each([
    ['121.00', '21', '21.00'],
    ['10.00', '9', '0.83'],
  ])('VAT inside gross %s at %s%% = %s', (gross, rate, vat) => {
    expect(formatAmount(vatFromGross(parseAmount(gross), rate))).toBe(vat);
  });

  it('refuses malformed amounts and more decimals than allowed', () => {
    expect(() => parseAmount('1.234')).toThrow(/too_many_decimals/);
    expect(() => parseAmount('1,23')).toThrow(/invalid_amount/);
    expect(() => lineNet('1', '0.12345')).toThrow(/too_many_decimals/);
  });

  it('formats for display in Dutch and English', () => {
    expect(formatMoney(parseAmount('1210.00'), 'nl')).toBe('€ 1.210,00');
    expect(formatMoney(parseAmount('1210.00'), 'en')).toBe('€1,210.00');
    expect(formatMoney(parseAmount('-0.50'), 'nl')).toBe('€ -0,50');
    expect(formatMoney(parseAmount('1234567.89'), 'en')).toBe('€1,234,567.89');
  });
});

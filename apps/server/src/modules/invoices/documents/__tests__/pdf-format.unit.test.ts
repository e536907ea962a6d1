import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  formatLegalDate,
  formatPercent,
  formatQuantity,
  formatUnitPrice,
  groupsOfFour,
} from '../pdf/format.ts';
import { labelsFor } from '../pdf/labels.ts';
import { toWinAnsi } from '../pdf/win-ansi.ts';

describe('PDF display formats', () => {
  it('writes legal dates in words', () => {
    expect(formatLegalDate('2026-03-02', labelsFor('nl'))).toBe('2 maart 2026');
    expect(formatLegalDate('2026-03-02', labelsFor('en'))).toBe('2 March 2026');
    expect(formatLegalDate('2026-12-31', labelsFor('nl'))).toBe('31 december 2026');
  });

  it('counts the payment term in days', () => {
    expect(daysBetween('2026-03-02', '2026-03-16')).toBe(14);
    expect(daysBetween('2026-03-20', '2026-04-19')).toBe(30);
  });

  it.each([
    ['2.5000', 'nl', false, '2,5'],
    ['2.5', 'en', false, '2.5'],
    ['3', 'nl', true, '-3'],
    ['1250.25', 'nl', false, '1.250,25'],
    ['1250.25', 'en', false, '1,250.25'],
  ] as const)('quantity %s (%s, negated %s) → %s', (quantity, language, negate, expected) => {
    expect(formatQuantity(quantity, language, negate)).toBe(expected);
  });

  it.each([
    ['12.3456', 'nl', '€ 12,3456'],
    ['85.00', 'nl', '€ 85,00'],
    ['8.7375', 'en', '€8.7375'],
    ['0.1250', 'nl', '€ 0,125'],
    ['1234.5', 'nl', '€ 1.234,50'],
    ['-0.005', 'nl', '€ -0,005'],
    ['-0.005', 'en', '-€0.005'],
  ] as const)('unit price %s (%s) → %s', (price, language, expected) => {
    expect(formatUnitPrice(price, language)).toBe(expected);
  });

  it('writes percentages and references', () => {
    expect(formatPercent('21.00', 'nl')).toBe('21%');
    expect(formatPercent('5.5', 'nl')).toBe('5,5%');
    expect(formatPercent('5.5', 'en')).toBe('5.5%');
    expect(groupsOfFour('RF462026000123')).toBe('RF46 2026 0001 23');
    expect(groupsOfFour('nl91abna0417164300')).toBe('NL91 ABNA 0417 1643 00');
  });

  it('keeps text inside the character set of the standard fonts', () => {
    expect(toWinAnsi('Café Ünal – € 5 „m²”')).toBe('Café Ünal – € 5 „m²”');
    expect(toWinAnsi('Łódź, Şişli, Dvořák, Đorđević')).toBe('Lódz, Sisli, Dvorák, Dordevic');
    expect(toWinAnsi('東京')).toBe('??');
  });
});

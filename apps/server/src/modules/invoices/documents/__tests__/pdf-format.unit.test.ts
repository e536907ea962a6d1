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
import { documentFonts } from '../pdf/document-fonts.ts';
import { toPrintable } from '../pdf/printable-text.ts';

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

  it.each(['regular', 'bold', 'italic'] as const)('keeps text the %s document font can print as written', (style) => {
    const font = documentFonts()[style];
    expect(toPrintable('Café Ünal – € 5 „m²”', font)).toBe('Café Ünal – € 5 „m²”');
    expect(toPrintable('Łódź, Şişli, Dvořák, Đorđević, Győr, Αθήνα, Київ', font)).toBe(
      'Łódź, Şişli, Dvořák, Đorđević, Győr, Αθήνα, Київ',
    );
    expect(toPrintable('a\tb\r\nc\u202fd', font)).toBe('a b\nc\u202fd');
  });

  it('replaces what the font has no glyph for, keeping the letter when only its accent is missing', () => {
    const font = { hasGlyphForCodePoint: (codePoint: number) => codePoint < 0x100 };
    expect(toPrintable('Łódź Dvořák', font)).toBe('?ódz Dvorák');
    expect(toPrintable('東京 ok', documentFonts().regular)).toBe('?? ok');
  });
});

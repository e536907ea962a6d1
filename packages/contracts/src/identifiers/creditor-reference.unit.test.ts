import { describe, expect, it } from 'vitest';
import { creditorReference, formatCreditorReference, isValidCreditorReference } from './index.ts';

describe('RF creditor reference, ISO 11649 (domain rules §6.4)', () => {
  it.each([
    // document number → reference (2026000123 + RF00 → 2026000123271500, mod 97 = 52, 98 − 52 = 46)
    ['2026-000123', 'RF462026000123'],
    ['539007547034', 'RF18539007547034'], // the ISO 11649 example
    ['f-2026/7', 'RF91F20267'],
    ['1', 'RF741'],
  ])('generates %s → %s', (documentNumber, reference) => {
    expect(creditorReference(documentNumber)).toBe(reference);
    expect(isValidCreditorReference(reference)).toBe(true);
  });

  it.each(['', '---', '1234567890123456789012'])('refuses %j: not 1–21 letters or digits', (documentNumber) =>
    expect(() => creditorReference(documentNumber)).toThrow(RangeError),
  );

  it.each([
    ['RF462026000123', true],
    ['RF18539007547034', true],
    ['rf18 5390 0754 7034', true],
    ['RF18539007547035', false], // one digit off
    ['RF00539007547034', false], // wrong check digits
    ['RF18', false], // no reference at all
    ['RF1853900754703412345678901', false], // more than 21 characters after the check digits
    ['NL18539007547034', false],
    ['', false],
  ])('%j valid → %s', (text, valid) => expect(isValidCreditorReference(text)).toBe(valid));

  it.each([
    ['RF462026000123', 'RF46 2026 0001 23'],
    ['rf18539007547034', 'RF18 5390 0754 7034'],
    ['RF74 1', 'RF74 1'],
  ])('prints %s as %s', (reference, printed) => expect(formatCreditorReference(reference)).toBe(printed));
});

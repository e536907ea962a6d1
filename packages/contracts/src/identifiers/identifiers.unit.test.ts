import { describe, expect, it } from 'vitest';
import {
  formatIban,
  isValidBic,
  isValidDutchVatNumber,
  isValidIban,
  isValidKvkNumber,
  isValidVatNumber,
} from './index.ts';

describe('Dutch identifiers (domain rules §6)', () => {
  it.each([
    'NL91ABNA0417164300',
    'nl91 abna 0417 1643 00',
    'NL02ABNA0123456789',
    'NL20INGB0001234567',
    'NL44RABO0123456789',
    'DE89370400440532013000',
    'BE71096123456769',
  ])('IBAN %s is valid', (iban) => expect(isValidIban(iban)).toBe(true));
  it.each(['NL50BANK1234567890', 'NL91ABNA0417164301', 'NL91ABNA041716430', '', 'NL91'])('IBAN %s is invalid', (iban) =>
    expect(isValidIban(iban)).toBe(false),
  );
  it('shows an IBAN in groups of four', () => expect(formatIban('nl91abna0417164300')).toBe('NL91 ABNA 0417 1643 00'));

  it.each([
    ['ABNANL2A', true],
    ['RABONL2U', true],
    ['ABNANL2AXXX', true],
    ['ABNANL2', false],
    ['ABN1NL2A', false],
  ])('BIC %s → %s', (bic, valid) => expect(isValidBic(bic)).toBe(valid));

  it.each([
    ['12345678', true],
    ['01234567', true],
    ['1234.5678', true],
    ['1234567', false],
    ['123456789', false],
    ['1234567a', false],
  ])('KvK %s → %s', (kvk, valid) => expect(isValidKvkNumber(kvk)).toBe(valid));

  it.each([
    ['NL004495445B01', true], // elfproef
    ['NL000099998B57', true], // mod 97 (sole traders since 2020)
    ['NL002455799B11', true],
    ['nl 0044.95445-b01', true],
    ['NL123456789B01', false], // the Peppol examples' id fails both checks
    ['NL004495445B00', false], // suffix 00
    ['NL000000000B01', false], // all zeros
    ['NL00449544B01', false], // format
  ])('NL VAT %s → %s', (vat, valid) => expect(isValidDutchVatNumber(vat)).toBe(valid));

  it.each([
    ['BE0403170701', true],
    ['BE0403170702', false],
    ['DE123456789', true],
    ['XX123456789', false],
  ])('EU VAT %s → %s', (vat, valid) => expect(isValidVatNumber(vat)).toBe(valid));
});

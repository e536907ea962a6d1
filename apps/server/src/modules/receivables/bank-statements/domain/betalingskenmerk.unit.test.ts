import { describe, expect, it } from 'vitest';
import { betalingskenmerkCheckDigit, parseBetalingskenmerk } from './betalingskenmerk.ts';

describe('betalingskenmerk (domain rules §6.4)', () => {
  it('weighs the digits 2, 4, 8, 5, 10, 9, 7, 3, 6, 1 from the right: 000056789012345 → Σ 215 → 5', () => {
    expect(betalingskenmerkCheckDigit('000056789012345')).toBe(5);
    expect(betalingskenmerkCheckDigit('000002026000123')).toBe(5);
  });

  it.each([
    ['5000056789012345', { kenmerk: '5000056789012345', payload: '000056789012345' }],
    ['5000002026000123', { kenmerk: '5000002026000123', payload: '000002026000123' }],
    ['5000 0020 2600 0123', { kenmerk: '5000002026000123', payload: '000002026000123' }],
    ['4000002026000123', null],
    ['1234567', { kenmerk: '1234567', payload: '1234567' }],
    ['RF462026000123', null],
    ['50000020260001234', null],
    ['', null],
    [null, null],
  ])('%s → %o', (reference, expected) => expect(parseBetalingskenmerk(reference)).toEqual(expected));

  it('checks the length code and the check digit of a 9–14 digit kenmerk', () => {
    // 10 digits: length code 0, then 8 digits; the check digit over the 9 digits after it.
    const body = '012345678';
    const kenmerk = `${betalingskenmerkCheckDigit(body)}${body}`;
    expect(parseBetalingskenmerk(kenmerk)).toEqual({ kenmerk, payload: '12345678' });
    const wrongLength = `${betalingskenmerkCheckDigit('312345678')}312345678`;
    expect(parseBetalingskenmerk(wrongLength)).toBeNull();
    const wrongCheck = `${(betalingskenmerkCheckDigit(body) + 1) % 10}${body}`;
    expect(parseBetalingskenmerk(wrongCheck)).toBeNull();
  });
});

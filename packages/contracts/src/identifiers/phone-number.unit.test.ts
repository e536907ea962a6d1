import { describe, expect, it } from 'vitest';
import { formatPhoneNumber, isValidPhoneNumber, normalizePhoneNumber } from './index.ts';

describe('phone numbers → E.164, default region NL (domain rules §6.3)', () => {
  it.each([
    ['020 123 4567', '+31201234567'],
    ['0201234567', '+31201234567'],
    ['06-1234 5678', '+31612345678'],
    ['+31 (0)6 1234 5678', '+31612345678'],
    ['0031 6 12345678', '+31612345678'],
    ['+32 470 12 34 56', '+32470123456'],
  ])('%s → %s', (input, e164) => {
    expect(normalizePhoneNumber(input)?.e164).toBe(e164);
    expect(isValidPhoneNumber(input)).toBe(true);
  });

  it.each(['06 1234567', '+31 20 123 45 678', '123', '', 'geen nummer', '+'])('%j is invalid', (input) => {
    expect(normalizePhoneNumber(input)).toBeNull();
    expect(isValidPhoneNumber(input)).toBe(false);
  });

  it('gives the digits as dialled at home, which is what people type into a search box', () => {
    expect(normalizePhoneNumber('+31612345678')).toEqual({
      e164: '+31612345678',
      nationalDigits: '0612345678',
      country: 'NL',
    });
    expect(normalizePhoneNumber('+32 470 12 34 56')?.nationalDigits).toBe('0470123456');
  });

  it('shows Dutch numbers nationally and foreign ones internationally', () => {
    expect(formatPhoneNumber('+31201234567')).toBe('020 123 4567');
    expect(formatPhoneNumber('+32470123456')).toBe('+32 470 12 34 56');
  });
});

import { describe, expect, it } from 'vitest';
import { isValidSepaCreditorId, sepaCreditorKey } from './sepa-creditor-id.ts';

describe('SEPA creditor identifier (domain rule §5.3)', () => {
  it.each([
    ['NL51ZZZ405365330000', true, 'the worked example: KvK 40536533'],
    ['NL69ZZZ123456780000', true, 'default business code'],
    ['NL69XYZ123456780000', true, 'the business code is not in the check'],
    ['nl69 zzz 1234 5678 0000', true, 'spaces and lower case as typed'],
    ['NL70ZZZ123456780000', false, 'wrong check digits'],
    ['NL69ZZZ12345678000', false, 'suffix one character short'],
    ['NL69ZZZ1234567A0000', false, 'KvK number with a letter'],
    ['DE98ZZZ09999999999', false, 'not a Dutch identifier'],
    ['', false, 'empty'],
  ])('%s → %s (%s)', (input, expected) => {
    expect(isValidSepaCreditorId(input)).toBe(expected);
  });

  it('compares creditors without the business code', () => {
    expect(sepaCreditorKey('NL69ZZZ123456780000')).toBe(sepaCreditorKey('NL69XYZ123456780000'));
    expect(sepaCreditorKey('NL69ZZZ123456780000')).toBe('NL69123456780000');
  });
});

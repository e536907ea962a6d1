import { describe, expect, it } from 'vitest';
import { issuedEndToEndId, textMentions, validCreditorReference } from './payment-references.ts';

describe('payment references on a statement (domain rules §5.5, §6.4)', () => {
  it.each([
    ['2026-000123', '2026-000123'],
    ['NOTPROVIDED', null],
    ['notprovided', null],
    ['  ', null],
    [null, null],
  ])('EndToEndId %s is ours: %s', (endToEndId, expected) => expect(issuedEndToEndId(endToEndId)).toBe(expected));

  it.each([
    ['RF462026000123', 'RF462026000123'],
    ['rf18 5390 0754 7034', 'RF18539007547034'],
    ['RF18539007547035', null],
    ['RF00539007547034', null],
    ['5000056789012345', null],
  ])('structured reference %s → %s', (reference, expected) => expect(validCreditorReference(reference)).toBe(expected));

  it.each([
    ['Factuur 2026-000123', '2026-000123', true],
    ['factuur 2026 000123 deel', '2026-000123', true],
    ['2026000123', '2026-000123', true],
    ['ref RF46 2026 0001 23', 'RF462026000123', true],
    ['factuur 2026-0001234', '2026-000123', false],
    ['x12026-000123', '2026-000123', false],
    ['Bedankt', '2026-000123', false],
  ])('"%s" mentions %s: %s', (text, identifier, expected) => expect(textMentions(text, identifier)).toBe(expected));
});

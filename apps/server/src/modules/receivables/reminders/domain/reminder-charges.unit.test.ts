import { parseAmount } from '@clientbox/contracts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTRACTUAL_CLAUSE } from '../../domain/contractual-clause.ts';
import { reminderCharges, type ReminderChargesInput } from './reminder-charges.ts';

const base: ReminderChargesInput = {
  rule: 'clause',
  clause: DEFAULT_CONTRACTUAL_CLAUSE,
  customerKind: 'b2b',
  principal: parseAmount('1210.00'),
  dueDate: '2026-03-16',
  reckonedOn: '2026-05-20',
  includeCharges: true,
  isFourteenDayLetter: false,
  fourteenDayLetterExpiresOn: null,
};

describe('reminderCharges (domain rules §4.4 worked example: P 1,210.00, due 2026-03-16, reckoned 2026-05-20)', () => {
  it('B2B clause: 3 started months → interest 36.30, costs 145.20', () => {
    expect(reminderCharges(base)).toMatchObject({ interest: 3630n, costs: 14520n, interestRule: 'clause' });
  });

  it('B2C clause after the 14-day letter: statutory interest 12.93, costs 145.20 (below the WIK 181.50)', () => {
    const charges = reminderCharges({ ...base, customerKind: 'b2c', fourteenDayLetterExpiresOn: '2026-04-10' });
    expect(charges).toMatchObject({ interest: 1293n, costs: 14520n, interestRule: 'statutory' });
  });

  it('B2C without a passed 14-day letter: no costs yet', () => {
    expect(reminderCharges({ ...base, customerKind: 'b2c', fourteenDayLetterExpiresOn: '2026-05-25' }).costs).toBe(0n);
    expect(reminderCharges({ ...base, customerKind: 'b2c' }).costs).toBe(0n);
  });

  it('B2B statutory: the WIK scale with the €40 floor', () => {
    expect(reminderCharges({ ...base, rule: 'statutory' }).costs).toBe(18150n);
    expect(reminderCharges({ ...base, rule: 'statutory', principal: 10000n }).costs).toBe(4000n);
  });

  it('a level without charges, or the rule none, states nothing', () => {
    expect(reminderCharges({ ...base, includeCharges: false })).toMatchObject({ interest: 0n, costs: 0n });
    expect(reminderCharges({ ...base, rule: 'none' })).toMatchObject({ interest: 0n, costs: 0n, interestRule: null });
  });

  it('a 14-day letter e-mailed 2026-03-17 runs to 03-31 and announces the exact costs', () => {
    const letter = reminderCharges({
      ...base,
      customerKind: 'b2c',
      reckonedOn: '2026-03-17',
      includeCharges: false,
      isFourteenDayLetter: true,
    });
    expect(letter.fourteenDayLetter).toEqual({ expiresOn: '2026-03-31', costs: 14520n });
    const statutory = reminderCharges({
      ...base,
      rule: 'statutory',
      customerKind: 'b2c',
      reckonedOn: '2026-03-17',
      includeCharges: false,
      isFourteenDayLetter: true,
    });
    expect(statutory.fourteenDayLetter?.costs).toBe(18150n);
  });
});

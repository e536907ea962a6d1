import { describe, expect, it } from 'vitest';
import { statementContinuity } from './statement-continuity.ts';

const previous = (closingBalance: bigint) => ({ id: 'p1', closingBalance, closingDate: '2026-03-18' });

describe('statementContinuity: a statement opens with the previous closing balance (domain rules §5.5)', () => {
  it('the first statement of an account has nothing to follow', () => {
    expect(statementContinuity(100000n, null)).toEqual({
      status: 'first',
      previous_statement_id: null,
      previous_closing_balance: null,
      gap_amount: '0.00',
    });
  });

  // 1,000.00 + 673.73 − 673.73 (AM04 return) = 1,000.00 closing; the next opens with 1,000.00.
  it.each([
    [100000n, 100000n, 'continuous', '0.00'],
    [167373n, 100000n, 'gap', '673.73'],
    [100000n, 167373n, 'gap', '-673.73'],
    [-5000n, -5000n, 'continuous', '0.00'],
  ] as const)('opening %s after closing %s → %s, gap %s', (opening, closing, status, gap) => {
    expect(statementContinuity(opening, previous(closing))).toMatchObject({
      status,
      previous_statement_id: 'p1',
      gap_amount: gap,
    });
  });
});

import { type BankStatementContinuity, formatAmount } from '@clientbox/contracts';

/**
 * Whether a statement opens with the previous statement's closing balance (domain rules §5.5):
 * 1,000.00 closing, then 1,000.00 opening is continuous. A difference is a gap, not a refusal:
 * a bank's first export often starts mid-history, and a missing statement can be imported later.
 */
export function statementContinuity(
  openingBalance: bigint,
  previous: { id: string; closingBalance: bigint; closingDate: string } | null,
): BankStatementContinuity {
  if (!previous)
    return { status: 'first', previous_statement_id: null, previous_closing_balance: null, gap_amount: '0.00' };
  const gap = openingBalance - previous.closingBalance;
  return {
    status: gap === 0n ? 'continuous' : 'gap',
    previous_statement_id: previous.id,
    previous_closing_balance: { amount: formatAmount(previous.closingBalance), date: previous.closingDate },
    gap_amount: formatAmount(gap),
  };
}

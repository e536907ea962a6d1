import type { Cents } from '@clientbox/contracts';
import type { BankStatement, StatementEntry } from './bank-statement.ts';

/** A booked entry as it moves the balance: credits up, debits down. */
export function signedAmount(entry: StatementEntry): Cents {
  return entry.creditDebit === 'CRDT' ? entry.amount : -entry.amount;
}

/**
 * Domain rules §5.5: OPBD + Σ signed booked entries = CLBD. Returns CLBD − (OPBD + Σ): zero for
 * a complete statement, otherwise the amount of the missing or extra entries. Pending entries do
 * not count, they are not in the booked balance.
 */
export function statementBalanceDifference(statement: BankStatement): Cents {
  const booked = statement.entries
    .filter((entry) => entry.status === 'BOOK')
    .reduce((total, entry) => total + signedAmount(entry), 0n);
  return statement.closingBalance.amount - (statement.openingBalance.amount + booked);
}

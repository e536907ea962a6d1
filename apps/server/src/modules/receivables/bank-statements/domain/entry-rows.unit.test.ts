import { describe, expect, it } from 'vitest';
import type { BankStatement, StatementEntry, StatementTransaction } from '../../statements/bank-statement.ts';
import { entryTransactions } from './entry-rows.ts';
import { returnAction } from './return-reasons.ts';

const transaction = (fields: Partial<StatementTransaction> = {}): StatementTransaction => ({
  amount: null,
  endToEndId: null,
  mandateId: null,
  counterparty: { name: 'J. de Vries', iban: 'NL02ABNA0123456789' },
  remittance: { unstructured: 'Factuur 2026-000123', structured: null },
  returnReasonCode: null,
  ...fields,
});
const entry = (fields: Partial<StatementEntry> = {}): StatementEntry => ({
  amount: 12100n,
  creditDebit: 'CRDT',
  status: 'BOOK',
  bookingDate: '2026-03-19',
  valueDate: '2026-03-19',
  bankReference: null,
  isReversal: false,
  batch: null,
  transactions: [transaction()],
  ...fields,
});
const statement = (entries: StatementEntry[]): BankStatement => ({
  format: 'camt.053.001.02',
  statementId: 'S1',
  accountIban: 'NL91ABNA0417164300',
  currency: 'EUR',
  openingBalance: { amount: 0n, date: '2026-03-18' },
  closingBalance: { amount: 0n, date: '2026-03-19' },
  entries,
});

describe('entryTransactions: what is stored and how a second import recognises it (§5.5 "Import")', () => {
  it('skips pending entries and keys on the bank reference when there is one', () => {
    const rows = entryTransactions(statement([entry({ bankReference: 'A1' }), entry({ status: 'PDNG' })]));
    expect(rows.map((row) => row.dedupeKey)).toEqual(['ref:A1']);
  });

  it('hashes the content otherwise: the same entry gives the same key, another amount another', () => {
    const [first] = entryTransactions(statement([entry()]));
    const [same] = entryTransactions(statement([entry()]));
    const [other] = entryTransactions(statement([entry({ amount: 12000n })]));
    expect(first!.dedupeKey).toBe(same!.dedupeKey);
    expect(first!.dedupeKey).not.toBe(other!.dedupeKey);
  });

  it('keeps two identical entries of one statement apart, and finds both again', () => {
    const keys = entryTransactions(statement([entry(), entry()])).map((row) => row.dedupeKey);
    expect(new Set(keys).size).toBe(2);
    expect(entryTransactions(statement([entry(), entry()])).map((row) => row.dedupeKey)).toEqual(keys);
  });

  it('splits a batch credit into its transactions with their amounts', () => {
    const rows = entryTransactions(
      statement([
        entry({
          amount: 30000n,
          bankReference: 'B1',
          batch: { paymentInformationId: 'DD-1', numberOfTransactions: 2 },
          transactions: [
            transaction({ endToEndId: '2026-000001', amount: 10000n }),
            transaction({ endToEndId: '2026-000002', amount: 20000n }),
          ],
        }),
      ]),
    );
    expect(rows.map((row) => [row.dedupeKey, row.amount, row.transaction.endToEndId])).toEqual([
      ['ref:B1/0', 10000n, '2026-000001'],
      ['ref:B1/1', 20000n, '2026-000002'],
    ]);
  });
});

describe('returnAction (§5.5 returns table)', () => {
  it.each([
    ['AM04', 'retry_once'],
    ['MS03', 'retry_once'],
    ['MD06', 'contact_customer'],
    ['MS02', 'contact_customer'],
    ['MD01', 'block_mandate'],
    ['AC01', 'block_mandate'],
    ['AC04', 'block_mandate'],
    ['AC06', 'block_mandate'],
    ['AG01', 'block_mandate'],
    ['SL01', 'block_mandate'],
    ['MD07', 'block_mandate'],
    ['XX99', 'contact_customer'],
  ])('%s → %s', (code, action) => expect(returnAction(code)).toBe(action));
});

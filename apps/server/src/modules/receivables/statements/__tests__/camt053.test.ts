import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { creditorReference } from '@clientbox/contracts';
import { describe, expect, it } from 'vitest';
import { validateAgainstXsd } from '../../sepa/__tests__/iso20022-validator.ts';
import type { BankStatement, StatementEntry, StatementTransaction } from '../bank-statement.ts';
import { parseCamt053 } from '../camt053.ts';
import { statementBalanceDifference } from '../statement-balance.ts';
import { buildCamt053 } from './build-camt053.ts';

/**
 * camt.053.001.02 (domain rules §5.5): the bundled bank example, and a round trip of a statement
 * with the cases matching has to handle, written by a test builder whose output passes the XSD.
 */
const EXAMPLES = resolve(process.cwd(), '../shared/validators/examples/sepa');
const OUR_IBAN = 'NL91ABNA0417164300';

const noRemittance = { unstructured: null, structured: null };
function transaction(overrides: Partial<StatementTransaction>): StatementTransaction {
  return {
    amount: null,
    endToEndId: null,
    mandateId: null,
    counterparty: null,
    remittance: noRemittance,
    returnReasonCode: null,
    ...overrides,
  };
}
function entry(overrides: Partial<StatementEntry>): StatementEntry {
  return {
    amount: 0n,
    creditDebit: 'CRDT',
    status: 'BOOK',
    bookingDate: '2026-03-19',
    valueDate: '2026-03-19',
    bankReference: null,
    isReversal: false,
    batch: null,
    transactions: [],
    ...overrides,
  };
}

const DE_VRIES = { name: 'J. de Vries', iban: 'NL02ABNA0123456789' };
const UNAL = { name: 'Cafe Unal + Zn.', iban: 'NL20INGB0001234567' };
const BAKKER = { name: 'Bakkerij Bakker', iban: 'NL44RABO0123456789' };

/** Opening 1,000.00 + 300.00 + 121.00 + 49.99 + 723.73 − 50.00 = 2,144.72; the pending 10.00 does not count. */
const STATEMENT: BankStatement = {
  format: 'camt.053.001.02',
  statementId: '2026-03-19-001',
  accountIban: OUR_IBAN,
  currency: 'EUR',
  openingBalance: { amount: 100000n, date: '2026-03-18' },
  closingBalance: { amount: 214472n, date: '2026-03-19' },
  entries: [
    // A partial payment of invoice 2026-000123, quoting its number in free text split over two lines.
    entry({
      amount: 30000n,
      bankReference: 'ABN-0001',
      transactions: [
        transaction({
          endToEndId: 'NOTPROVIDED',
          counterparty: DE_VRIES,
          remittance: {
            unstructured: `Factuur 2026-000123 deelbetaling ${'volgens afspraak met de administratie '.repeat(4).trim()}`,
            structured: null,
          },
        }),
      ],
    }),
    // Paid with the structured RF reference of invoice 2026-000124.
    entry({
      amount: 12100n,
      bankReference: 'ABN-0002',
      transactions: [
        transaction({
          counterparty: UNAL,
          remittance: {
            unstructured: null,
            structured: { reference: creditorReference('2026-000124'), issuer: 'ISO' },
          },
        }),
      ],
    }),
    // Only an amount and an IBAN: matching falls back to the customer's open invoices.
    entry({ amount: 4999n, bankReference: 'ABN-0003', transactions: [transaction({ counterparty: BAKKER })] }),
    // Our direct-debit batch, booked as one credit with its PmtInfId.
    entry({
      amount: 72373n,
      bankReference: 'ABN-0004',
      batch: { paymentInformationId: 'DD-2026-04-02-0001-1', numberOfTransactions: 2 },
      transactions: [
        transaction({ amount: 67373n, endToEndId: '2026-000125', mandateId: 'MND-0001', counterparty: DE_VRIES }),
        transaction({ amount: 5000n, endToEndId: '2026-000126', mandateId: 'MND-0002', counterparty: BAKKER }),
      ],
    }),
    // One collection of that batch came back: insufficient funds.
    entry({
      amount: 5000n,
      creditDebit: 'DBIT',
      bankReference: 'ABN-0005',
      isReversal: true,
      transactions: [
        transaction({
          endToEndId: '2026-000126',
          mandateId: 'MND-0002',
          counterparty: BAKKER,
          returnReasonCode: 'AM04',
        }),
      ],
    }),
    entry({ amount: 1000n, status: 'PDNG', bookingDate: null, transactions: [transaction({ counterparty: UNAL })] }),
  ],
};

describe('parseCamt053', () => {
  it('reads the bundled bank example', () => {
    const [statement, ...more] = parseCamt053(
      readFileSync(`${EXAMPLES}/valid/camt.053.001.02-genkgo-minimal.xml`, 'utf8'),
    );
    expect(more).toEqual([]);
    expect(statement).toMatchObject({
      statementId: '253EURNL26VAYB8060476890',
      accountIban: 'NL26VAYB8060476890',
      currency: 'EUR',
      openingBalance: { amount: 1815n, date: '2014-12-30' },
      closingBalance: { amount: -2700n, date: '2014-12-31' },
    });
    expect(statement!.entries).toEqual([
      {
        amount: 885n,
        creditDebit: 'CRDT',
        status: 'BOOK',
        bookingDate: '2014-12-31',
        valueDate: '2015-01-02',
        bankReference: null,
        isReversal: false,
        batch: null,
        transactions: [
          transaction({
            counterparty: { name: 'NAME NAME', iban: 'NL56AGDH9619008421' },
            remittance: { unstructured: null, structured: { reference: '4654654654654654', issuer: 'BBA' } },
          }),
        ],
      },
    ]);
    // The example's closing balance is a debit in another currency: it does not add up.
    expect(statementBalanceDifference(statement!)).toBe(-5400n);
  });

  it('writes test statements that pass the camt.053.001.02 XSD', async () => {
    const validation = await validateAgainstXsd(buildCamt053(STATEMENT), 'camt.053.001.02');
    expect(validation.output).toContain('validates');
    expect(validation.status).toBe(0);
  });

  it('reads back every value of a statement with payments, a batch credit and a returned debit', () => {
    expect(parseCamt053(buildCamt053(STATEMENT))).toEqual([STATEMENT]);
  });

  it('checks that opening balance plus booked entries is the closing balance', () => {
    expect(statementBalanceDifference(STATEMENT)).toBe(0n);
    const missingEntry = { ...STATEMENT, entries: STATEMENT.entries.slice(1) };
    expect(statementBalanceDifference(parseCamt053(buildCamt053(missingEntry))[0]!)).toBe(30000n);
  });

  it('refuses files that are no camt.053.001.02 statement, by code', () => {
    const refusal = (xml: string) => {
      try {
        parseCamt053(xml);
      } catch (error) {
        return (error as { code?: string }).code;
      }
      return 'accepted';
    };
    const pain008 = readFileSync(`${EXAMPLES}/valid/pain.008.001.02-nl-derived.xml`, 'utf8');
    expect(refusal(pain008)).toBe('statement_not_camt053');
    expect(refusal(buildCamt053(STATEMENT).replace(/camt\.053\.001\.02/, 'camt.053.001.08'))).toBe(
      'statement_not_camt053',
    );
    expect(refusal(readFileSync(`${EXAMPLES}/invalid/camt.053.001.02-genkgo-wrong.xml`, 'utf8'))).toBe(
      'statement_incomplete',
    );
    expect(refusal(buildCamt053(STATEMENT).slice(0, 2000))).toBe('statement_not_well_formed');
    expect(refusal('MT940 is not XML')).toBe('statement_not_well_formed');
    expect(refusal(buildCamt053(STATEMENT).replace('<Cd>CLBD</Cd>', '<Cd>CLAV</Cd>'))).toBe('statement_incomplete');
  });
});

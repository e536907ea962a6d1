import { describe, expect, it } from 'vitest';
import { parseMt940 } from '../mt940.ts';
import { statementBalanceDifference } from '../statement-balance.ts';

/**
 * MT940 as the Dutch banks write it: ING (SWIFT envelope, /CNTP/ and /REMI/USTD//),
 * Rabobank (:940: header, counter IBAN on the :61: line, //-separated subfields) and ABN AMRO
 * (bank header lines, :28:, /TRTP/ subfields and free-text :86: for card payments).
 */
const ING = `{1:F01INGBNL2ABXXX0000000000}
{2:I940INGBNL2AXXXN}
{4:
:20:P260319000000001
:25:NL20INGB0001234567EUR
:28C:00054
:60F:C260318EUR1000,00
:61:2603190319C300,00NTRFNOTPROVIDED//ING0001
/TRCD/00100/
:86:/EREF/NOTPROVIDED//CNTP/NL02ABNA0123456789/ABNANL2A/J. de Vries/
AMSTERDAM/REMI/USTD//Factuur 2026-000123 deelbetaling/
:61:2603190319C121,00NTRFNOTPROVIDED//ING0002
:86:/EREF/NOTPROVIDED//CNTP/NL44RABO0123456789/RABONL2U/Bakkerij Ba
kker//REMI/STRD/CUR/5000056789012345/
:61:2603190319C723,73NDDTDD-2026-04-02-0//ING0003
:86:/PREF/DD-2026-04-02-0001-1//NRTX/2//REMI/USTD//Incasso batch/
:61:2604010401RC50,00NDDT2026-000126//ING0004
:86:/RTRN/AM04//EREF/2026-000126//MARF/MND-0002//CSID/NL69ZZZ12345678
0000//CNTP/NL44RABO0123456789/RABONL2U/Bakkerij Bakker///REMI/USTD//F
actuur 2026-000126/
:62F:C260401EUR2094,73
-}`;

const RABOBANK = `:940:
:20:940S260319
:25:NL44RABO0123456789 EUR
:28C:26054
:60F:C260318EUR500,00
:61:260319C000000000049,99N541EREF
NL02ABNA0123456789
:86:/EREF/NOTPROVIDED//ORDP//NAME/J. de Vries/ADDR/Kerkstraat 1 1234 AB
 Amsterdam NL/REMI/Factuur 2026-000127/ISDT/2026-03-19
:61:260319D000000000025,N123NONREF
NL91ABNA0417164300
:86:/EREF/2026-000200//BENM//NAME/Voorbeeld BV//REMI/Terugbetaling credit
nota 2026-000200/
:62F:C260319EUR524,99
`;

const ABN_AMRO = `ABNANL2A
940
ABNANL2A
:20:ABN AMRO BANK NV
:25:NL91ABNA0417164300
:28:19801/1
:60F:D251231EUR10,00
:61:2601020102C121,00N654NONREF
:86:/TRTP/SEPA OVERBOEKING/IBAN/NL20INGB0001234567/BIC/INGBNL2A/NAME/Ca
fe Unal + Zn./REMI/Factuur 2026 000124/EREF/NOTPROVIDED
:61:2601021231D1,50N035NONREF
:86:BEA   NR:XXX   31.12.25/10.12 KOFFIE
CAFE AMSTERDAM
:62F:C260102EUR109,50
:64:C260102EUR109,50
-
`;

const noBatch = { batch: null };

describe('parseMt940', () => {
  it('reads an ING statement: counterparty, structured kenmerk, batch credit and a returned debit', () => {
    const [statement, ...more] = parseMt940(ING);
    expect(more).toEqual([]);
    expect(statement).toMatchObject({
      format: 'mt940',
      statementId: 'P260319000000001/00054',
      accountIban: 'NL20INGB0001234567',
      currency: 'EUR',
      openingBalance: { amount: 100000n, date: '2026-03-18' },
      closingBalance: { amount: 209473n, date: '2026-04-01' },
    });
    expect(statement!.entries).toEqual([
      {
        amount: 30000n,
        creditDebit: 'CRDT',
        status: 'BOOK',
        bookingDate: '2026-03-19',
        valueDate: '2026-03-19',
        bankReference: 'ING0001',
        isReversal: false,
        ...noBatch,
        transactions: [
          {
            amount: null,
            endToEndId: 'NOTPROVIDED',
            mandateId: null,
            counterparty: { name: 'J. de Vries', iban: 'NL02ABNA0123456789' },
            remittance: { unstructured: 'Factuur 2026-000123 deelbetaling', structured: null },
            returnReasonCode: null,
          },
        ],
      },
      expect.objectContaining({
        amount: 12100n,
        transactions: [
          expect.objectContaining({
            counterparty: { name: 'Bakkerij Bakker', iban: 'NL44RABO0123456789' },
            remittance: { unstructured: null, structured: { reference: '5000056789012345', issuer: 'CUR' } },
          }),
        ],
      }),
      expect.objectContaining({
        amount: 72373n,
        creditDebit: 'CRDT',
        batch: { paymentInformationId: 'DD-2026-04-02-0001-1', numberOfTransactions: 2 },
      }),
      {
        amount: 5000n,
        creditDebit: 'DBIT',
        status: 'BOOK',
        bookingDate: '2026-04-01',
        valueDate: '2026-04-01',
        bankReference: 'ING0004',
        isReversal: true,
        ...noBatch,
        transactions: [
          {
            amount: null,
            endToEndId: '2026-000126',
            mandateId: 'MND-0002',
            counterparty: { name: 'Bakkerij Bakker', iban: 'NL44RABO0123456789' },
            remittance: { unstructured: 'Factuur 2026-000126', structured: null },
            returnReasonCode: 'AM04',
          },
        ],
      },
    ]);
    expect(statementBalanceDifference(statement!)).toBe(0n);
  });

  it('reads a Rabobank statement: the counter IBAN from the :61: line, wrapped subfields', () => {
    const [statement] = parseMt940(RABOBANK);
    expect(statement).toMatchObject({
      statementId: '940S260319/26054',
      accountIban: 'NL44RABO0123456789',
      openingBalance: { amount: 50000n, date: '2026-03-18' },
      closingBalance: { amount: 52499n, date: '2026-03-19' },
    });
    expect(
      statement!.entries.map(({ amount, creditDebit, bookingDate, bankReference, transactions }) => ({
        amount,
        creditDebit,
        bookingDate,
        bankReference,
        transaction: transactions[0],
      })),
    ).toEqual([
      {
        amount: 4999n,
        creditDebit: 'CRDT',
        bookingDate: '2026-03-19',
        bankReference: null,
        transaction: {
          amount: null,
          endToEndId: 'NOTPROVIDED',
          mandateId: null,
          counterparty: { name: 'J. de Vries', iban: 'NL02ABNA0123456789' },
          remittance: { unstructured: 'Factuur 2026-000127', structured: null },
          returnReasonCode: null,
        },
      },
      {
        amount: 2500n,
        creditDebit: 'DBIT',
        bookingDate: '2026-03-19',
        bankReference: null,
        transaction: {
          amount: null,
          endToEndId: '2026-000200',
          mandateId: null,
          counterparty: { name: 'Voorbeeld BV', iban: 'NL91ABNA0417164300' },
          remittance: { unstructured: 'Terugbetaling creditnota 2026-000200', structured: null },
          returnReasonCode: null,
        },
      },
    ]);
    expect(statementBalanceDifference(statement!)).toBe(0n);
  });

  it('reads an ABN AMRO statement: :28:, a debit opening balance, free-text :86: across the new year', () => {
    const [statement] = parseMt940(ABN_AMRO);
    expect(statement).toMatchObject({
      statementId: 'ABN AMRO BANK NV/19801/1',
      accountIban: 'NL91ABNA0417164300',
      openingBalance: { amount: -1000n, date: '2025-12-31' },
      closingBalance: { amount: 10950n, date: '2026-01-02' },
    });
    const [transfer, cardPayment] = statement!.entries;
    expect(transfer!.transactions[0]).toEqual({
      amount: null,
      endToEndId: 'NOTPROVIDED',
      mandateId: null,
      counterparty: { name: 'Cafe Unal + Zn.', iban: 'NL20INGB0001234567' },
      remittance: { unstructured: 'Factuur 2026 000124', structured: null },
      returnReasonCode: null,
    });
    expect(cardPayment).toMatchObject({ amount: 150n, creditDebit: 'DBIT', bookingDate: '2025-12-31' });
    expect(cardPayment!.transactions[0]!.remittance.unstructured).toBe(
      'BEA   NR:XXX   31.12.25/10.12 KOFFIE CAFE AMSTERDAM',
    );
    expect(statementBalanceDifference(statement!)).toBe(0n);
  });

  it('reads several statements of one file', () => {
    expect(parseMt940(`${ING}\n${RABOBANK}`).map((statement) => statement.accountIban)).toEqual([
      'NL20INGB0001234567',
      'NL44RABO0123456789',
    ]);
  });

  it('refuses what is no MT940 statement, by code', () => {
    const refusal = (text: string) => {
      try {
        parseMt940(text);
      } catch (error) {
        return (error as { code?: string }).code;
      }
      return 'accepted';
    };
    expect(refusal('<?xml version="1.0"?><Document/>')).toBe('statement_not_mt940');
    expect(refusal(RABOBANK.replace(/:62F:.*\n/, ''))).toBe('statement_incomplete');
    expect(refusal(RABOBANK.replace('C000000000049,99', 'X49.99'))).toBe('statement_incomplete');
  });
});

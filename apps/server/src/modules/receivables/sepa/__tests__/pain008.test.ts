import { describe, expect, it } from 'vitest';
import { childElements, parseXmlDocument, textAt } from '../../statements/xml-reader.ts';
import { buildPain008, type DirectDebitBatch, type DirectDebitCollection } from '../pain008.ts';
import { validatePain008 } from './iso20022-validator.ts';

/**
 * pain.008.001.02 checked by the official `validate-pain008.sh` (XSD + SEPA and NbOfTxs/CtrlSum
 * checks, domain rules §5.1), plus the grouping and totals it writes, read back from the XML.
 */
const CREDITOR = {
  name: 'Voorbeeld BV',
  creditorId: 'NL69ZZZ123456780000',
  account: { iban: 'NL91ABNA0417164300', bic: 'ABNANL2A' },
};

function collection(overrides: Partial<DirectDebitCollection>): DirectDebitCollection {
  return {
    scheme: 'CORE',
    sequenceType: 'RCUR',
    collectionDate: '2026-04-07',
    endToEndId: '2026-000123',
    amount: 67373n,
    mandate: { id: 'MND-2026-0001', signedOn: '2026-01-15' },
    debtor: { name: 'J. de Vries', iban: 'NL02ABNA0123456789', bic: 'ABNANL2A' },
    remittance: { unstructured: 'Factuur 2026-000123' },
    ...overrides,
  };
}

const BATCH: DirectDebitBatch = {
  messageId: 'DD-2026-04-02-0001',
  createdAt: new Date('2026-04-02T09:30:00Z'),
  creditor: CREDITOR,
  collections: [
    collection({ endToEndId: '2026-000123', amount: 67373n, sequenceType: 'FRST' }),
    collection({
      endToEndId: '2026-000124',
      amount: 12100n,
      remittance: { creditorReference: 'RF18 5390 0754 7034' },
      debtor: { name: 'Café Ünal & Zn.', iban: 'NL20INGB0001234567' },
    }),
    collection({ endToEndId: '2026-000125', amount: 5000n, sequenceType: 'FRST' }),
    collection({
      scheme: 'B2B',
      endToEndId: '2026-000126',
      amount: 250000n,
      mandate: {
        id: 'B2B-0007',
        signedOn: '2025-11-01',
        amendment: { originalMandateId: 'B2B-0006', originalCreditorId: 'NL51ZZZ405365330000' },
      },
      debtor: { name: 'Bouwbedrijf Ærø & Søn B.V.', iban: 'NL44RABO0123456789', bic: 'RABONL2U' },
    }),
    collection({
      scheme: 'B2B',
      sequenceType: 'FRST',
      endToEndId: '2026-000127',
      amount: 1n,
      mandate: { id: 'B2B-0008', signedOn: '2026-02-01', amendment: { isNewDebtorBank: true } },
      debtor: { name: 'Müller GmbH', iban: 'DE89370400440532013000' },
      creditorAccount: { iban: 'NL20INGB0001234567' },
    }),
  ],
};

describe('buildPain008', () => {
  it.each([
    ['CORE and B2B, FRST and RCUR, RF reference, accents and amendments', BATCH],
    [
      'a one-off and a final collection without BICs',
      {
        ...BATCH,
        messageId: 'DD-2026-04-02-0002',
        creditor: { ...CREDITOR, account: { iban: CREDITOR.account.iban } },
        collections: [
          collection({ sequenceType: 'OOFF', debtor: { name: "O'Brien & Søn", iban: 'BE71096123456769' } }),
          collection({ sequenceType: 'FNAL', endToEndId: '2026-000130', collectionDate: '2026-05-04' }),
        ],
      },
    ],
  ])('writes a file the official pain.008 validator accepts: %s', async (_name, batch) => {
    const validation = await validatePain008(buildPain008(batch));
    expect(validation.output).toMatch(/^VALID: /m);
    expect(validation.status).toBe(0);
  });

  it('puts scheme, sequence type and creditor account in separate PmtInf with their own totals', () => {
    const root = parseXmlDocument(buildPain008(BATCH))!;
    const initiation = childElements(root, 'CstmrDrctDbtInitn')[0]!;
    expect(textAt(initiation, 'GrpHdr/NbOfTxs')).toBe('5');
    expect(textAt(initiation, 'GrpHdr/CtrlSum')).toBe('3344.74');
    const blocks = childElements(initiation, 'PmtInf').map((block) => ({
      id: textAt(block, 'PmtInfId'),
      scheme: textAt(block, 'PmtTpInf/LclInstrm/Cd'),
      sequence: textAt(block, 'PmtTpInf/SeqTp'),
      account: textAt(block, 'CdtrAcct/Id/IBAN'),
      agent: textAt(block, 'CdtrAgt/FinInstnId/BIC') ?? textAt(block, 'CdtrAgt/FinInstnId/Othr/Id'),
      count: textAt(block, 'NbOfTxs'),
      sum: textAt(block, 'CtrlSum'),
      transactions: childElements(block, 'DrctDbtTxInf').map((transaction) => textAt(transaction, 'PmtId/EndToEndId')),
    }));
    expect(blocks).toEqual([
      {
        id: 'DD-2026-04-02-0001-1',
        scheme: 'CORE',
        sequence: 'FRST',
        account: 'NL91ABNA0417164300',
        agent: 'ABNANL2A',
        count: '2',
        sum: '723.73',
        transactions: ['2026-000123', '2026-000125'],
      },
      {
        id: 'DD-2026-04-02-0001-2',
        scheme: 'CORE',
        sequence: 'RCUR',
        account: 'NL91ABNA0417164300',
        agent: 'ABNANL2A',
        count: '1',
        sum: '121.00',
        transactions: ['2026-000124'],
      },
      {
        id: 'DD-2026-04-02-0001-3',
        scheme: 'B2B',
        sequence: 'RCUR',
        account: 'NL91ABNA0417164300',
        agent: 'ABNANL2A',
        count: '1',
        sum: '2500.00',
        transactions: ['2026-000126'],
      },
      {
        id: 'DD-2026-04-02-0001-4',
        scheme: 'B2B',
        sequence: 'FRST',
        account: 'NL20INGB0001234567',
        agent: 'NOTPROVIDED',
        count: '1',
        sum: '0.01',
        transactions: ['2026-000127'],
      },
    ]);
  });

  it('writes names in the SEPA character set, the RF reference structured and amendments with SMNDA', () => {
    const xml = buildPain008(BATCH);
    expect(xml).toContain('<Nm>Cafe Unal + Zn.</Nm>');
    expect(xml).toContain('<Nm>Bouwbedrijf AEro + Son B.V.</Nm>');
    expect(xml).toContain('<Nm>Muller GmbH</Nm>');
    expect(xml).toMatch(/<Cd>SCOR<\/Cd>\s*<\/CdOrPrtry>\s*<Issr>ISO<\/Issr>\s*<\/Tp>\s*<Ref>RF18539007547034<\/Ref>/);
    expect(xml).toMatch(/<OrgnlMndtId>B2B-0006<\/OrgnlMndtId>\s*<OrgnlCdtrSchmeId>/);
    expect(xml).toMatch(/<OrgnlDbtrAcct>\s*<Id>\s*<Othr>\s*<Id>SMNDA<\/Id>/);
    expect(xml.match(/<AmdmntInd>true<\/AmdmntInd>/g)).toHaveLength(2);
  });

  it('gives the same bytes for the same batch', () => {
    expect(buildPain008(BATCH)).toBe(buildPain008(structuredClone(BATCH)));
    expect(buildPain008(BATCH)).toContain('<CreDtTm>2026-04-02T09:30:00Z</CreDtTm>');
  });

  it('refuses input the bank would reject, by code', () => {
    const withCollections = (collections: DirectDebitCollection[]) => () => buildPain008({ ...BATCH, collections });
    expect(withCollections([])).toThrow(expect.objectContaining({ code: 'sepa_batch_empty' }));
    expect(withCollections([collection({ amount: 0n })])).toThrow(
      expect.objectContaining({ code: 'sepa_amount_out_of_range' }),
    );
    expect(withCollections([collection({ endToEndId: 'a'.repeat(36) })])).toThrow(
      expect.objectContaining({ code: 'sepa_identifier_invalid' }),
    );
    expect(withCollections([collection({ remittance: { creditorReference: 'RF18539007547035' } })])).toThrow(
      expect.objectContaining({ code: 'sepa_creditor_reference_invalid' }),
    );
    expect(withCollections([collection({ debtor: { name: 'X', iban: 'NL91ABNA0417164301' } })])).toThrow(
      expect.objectContaining({ code: 'sepa_iban_invalid' }),
    );
  });
});

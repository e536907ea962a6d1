import { describe, expect, it } from 'vitest';
import { childElements, parseXmlDocument, textAt } from '../../statements/xml-reader.ts';
import { buildPain001, type RefundBatch } from '../pain001.ts';
import { validateAgainstXsd } from './iso20022-validator.ts';

/** pain.001.001.03 refunds (domain rules §5.4): the ISO XSD by xmllint, totals asserted here. */
const BATCH: RefundBatch = {
  messageId: 'REFUND-2026-03-10',
  createdAt: new Date('2026-03-10T08:00:00Z'),
  executionDate: '2026-03-11',
  debtor: { name: 'Voorbeeld BV', iban: 'NL91ABNA0417164300' },
  refunds: [
    {
      endToEndId: '2026-000124',
      amount: 12100n,
      creditor: { name: 'Café Ünal & Zn.', iban: 'NL02ABNA0123456789' },
      remittanceText: 'Terugbetaling creditnota 2026-000124',
    },
    {
      endToEndId: '2026-000125',
      amount: 4999n,
      creditor: { name: 'Müller GmbH', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' },
      remittanceText: 'Refund credit note 2026-000125',
    },
  ],
};

describe('buildPain001', () => {
  it('writes a credit transfer that passes the pain.001.001.03 XSD', async () => {
    const validation = await validateAgainstXsd(buildPain001(BATCH), 'pain.001.001.03');
    expect(validation.output).toContain('validates');
    expect(validation.status).toBe(0);
  });

  it('states the count and control sum in the header and the payment block', () => {
    const initiation = childElements(parseXmlDocument(buildPain001(BATCH))!, 'CstmrCdtTrfInitn')[0]!;
    const block = childElements(initiation, 'PmtInf')[0]!;
    expect([textAt(initiation, 'GrpHdr/NbOfTxs'), textAt(initiation, 'GrpHdr/CtrlSum')]).toEqual(['2', '170.99']);
    expect([textAt(block, 'NbOfTxs'), textAt(block, 'CtrlSum')]).toEqual(['2', '170.99']);
    expect(textAt(block, 'PmtMtd')).toBe('TRF');
    expect(textAt(block, 'PmtTpInf/SvcLvl/Cd')).toBe('SEPA');
    expect(textAt(block, 'ReqdExctnDt')).toBe('2026-03-11');
    expect(textAt(block, 'DbtrAgt/FinInstnId/Othr/Id')).toBe('NOTPROVIDED');
    const transfers = childElements(block, 'CdtTrfTxInf').map((transfer) => ({
      endToEndId: textAt(transfer, 'PmtId/EndToEndId'),
      amount: textAt(transfer, 'Amt/InstdAmt'),
      creditor: textAt(transfer, 'Cdtr/Nm'),
      agent: textAt(transfer, 'CdtrAgt/FinInstnId/BIC'),
      iban: textAt(transfer, 'CdtrAcct/Id/IBAN'),
      text: textAt(transfer, 'RmtInf/Ustrd'),
    }));
    expect(transfers).toEqual([
      {
        endToEndId: '2026-000124',
        amount: '121.00',
        creditor: 'Cafe Unal + Zn.',
        agent: null,
        iban: 'NL02ABNA0123456789',
        text: 'Terugbetaling creditnota 2026-000124',
      },
      {
        endToEndId: '2026-000125',
        amount: '49.99',
        creditor: 'Muller GmbH',
        agent: 'COBADEFFXXX',
        iban: 'DE89370400440532013000',
        text: 'Refund credit note 2026-000125',
      },
    ]);
  });

  it('refuses an empty batch', () => {
    expect(() => buildPain001({ ...BATCH, refunds: [] })).toThrow(
      expect.objectContaining({ code: 'sepa_batch_empty' }),
    );
  });
});

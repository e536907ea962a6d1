import { describe, expect, it } from 'vitest';
import type { OpenDocument } from '../../../invoices/index.ts';
import type { MandateRow } from '../../mandates/mandates.repository.ts';
import { type EarlierCollection, mayCollectAgain, pickCollection, sequenceTypeOf } from './pick-collections.ts';

const invoice: OpenDocument = {
  id: 'i1',
  type: 'invoice',
  number: '2026-000123',
  customerId: 'c1',
  customerName: 'Afnemer B.V.',
  language: 'nl',
  issueDate: '2026-03-02',
  dueDate: '2026-03-16',
  sentAt: null,
  paymentMeans: 'direct_debit',
  mandateReference: 'M-2',
  paymentReference: null,
  amountDue: 67373n,
};

const mandate = (values: Partial<MandateRow>) =>
  ({
    id: values.mandateId,
    status: 'active',
    type: 'recurrent',
    signedOn: '2026-01-15',
    lastCollectionOn: null,
    ...values,
  }) as MandateRow;

describe('pickCollection: which mandate, which sequence type (domain rules §5.1, §5.2)', () => {
  it.each([
    [{ type: 'recurrent', lastCollectionOn: null }, 'FRST'],
    [{ type: 'recurrent', lastCollectionOn: '2026-02-01' }, 'RCUR'],
    [{ type: 'one_off', lastCollectionOn: null }, 'OOFF'],
  ] as const)('%o → %s', (facts, expected) => {
    expect(sequenceTypeOf(facts)).toBe(expected);
  });

  it('takes the mandate the invoice names, else the newest usable one', () => {
    const named = pickCollection(
      invoice,
      [mandate({ mandateId: 'M-1' }), mandate({ mandateId: 'M-2' })],
      '2026-03-16',
      new Set(),
    );
    expect(named).toMatchObject({ mandate: { mandateId: 'M-2' }, sequenceType: 'FRST' });
    const other = pickCollection(
      invoice,
      [mandate({ mandateId: 'M-1', lastCollectionOn: '2026-02-02' })],
      '2026-03-16',
      new Set(),
    );
    expect(other).toMatchObject({ mandate: { mandateId: 'M-1' }, sequenceType: 'RCUR' });
  });

  it('gives the reason an invoice cannot be collected', () => {
    const usable = [mandate({ mandateId: 'M-2' })];
    expect(pickCollection({ ...invoice, paymentMeans: 'credit_transfer' }, usable, '2026-03-16', new Set())).toBe(
      'not_direct_debit',
    );
    // Sent 2026-03-02: the earliest collection is 2026-03-16 (14 days).
    expect(pickCollection(invoice, usable, '2026-03-13', new Set())).toBe('pre_notification_too_short');
    // 36 months after signing 2026-01-15 → usable up to 2029-01-15.
    expect(pickCollection(invoice, usable, '2029-01-16', new Set())).toBe('no_usable_mandate');
    expect(pickCollection(invoice, [mandate({ mandateId: 'M-2', status: 'revoked' })], '2026-03-16', new Set())).toBe(
      'no_usable_mandate',
    );
    const oneOff = mandate({ mandateId: 'M-2', type: 'one_off' });
    expect(pickCollection(invoice, [oneOff], '2026-03-16', new Set(['M-2']))).toBe('no_usable_mandate');
    expect(pickCollection(invoice, [{ ...oneOff, lastCollectionOn: '2026-02-01' }], '2026-03-16', new Set())).toBe(
      'no_usable_mandate',
    );
  });

  const returned = (code: string, sequenceType: EarlierCollection['sequenceType'] = 'RCUR'): EarlierCollection => ({
    outcome: 'returned',
    returnReasonCode: code,
    sequenceType,
  });
  const collected: EarlierCollection = { outcome: 'collected', returnReasonCode: null, sequenceType: 'RCUR' };

  // Domain rules §5.5 returns table: AM04 / MS03 retry once, then dunning; other codes no retry.
  it.each([
    [[], true],
    [[collected], true],
    [[returned('AM04')], true],
    [[returned('MS03')], true],
    [[returned('am04')], true],
    [[returned('AM04'), returned('AM04')], false],
    [[returned('MS03'), collected, returned('AM04')], false],
    [[returned('MD06')], false],
    [[returned('MS02')], false],
    [[returned('MD01')], false],
    [[returned('AC04')], false],
    [[returned('XX99')], false],
  ] as const)('earlier collections %o → collect again: %s', (earlier, expected) => {
    expect(mayCollectAgain([...earlier])).toBe(expected);
  });

  it('does not pick an invoice whose collection may not be retried (collection_returned)', () => {
    const usable = [mandate({ mandateId: 'M-2', lastCollectionOn: '2026-02-01' })];
    const history = (ofInvoice: EarlierCollection[]) => ({ ofInvoice, ofMandate: () => ofInvoice });
    expect(pickCollection(invoice, usable, '2026-03-16', new Set(), history([returned('MD06')]))).toBe(
      'collection_returned',
    );
    expect(pickCollection(invoice, usable, '2026-03-16', new Set(), history([returned('AM04')]))).toMatchObject({
      sequenceType: 'RCUR',
    });
  });

  it('restarts a series whose first collection came back: FRST again until one is collected', () => {
    const used = { type: 'recurrent', lastCollectionOn: '2026-03-16' } as const;
    expect(sequenceTypeOf(used, [returned('AM04', 'FRST')])).toBe('FRST');
    expect(sequenceTypeOf(used, [returned('AM04', 'FRST'), returned('MS03', 'FRST')])).toBe('FRST');
    expect(sequenceTypeOf(used, [returned('AM04', 'FRST'), collected])).toBe('RCUR');
    expect(sequenceTypeOf(used, [{ outcome: 'pending', returnReasonCode: null, sequenceType: 'FRST' }])).toBe('RCUR');
    // The mandate was collected on before our batches (recorded on paper): RCUR from the start.
    expect(sequenceTypeOf(used, [returned('AM04', 'RCUR')])).toBe('RCUR');
    expect(sequenceTypeOf({ type: 'one_off', lastCollectionOn: null }, [returned('AM04', 'OOFF')])).toBe('OOFF');
  });
});

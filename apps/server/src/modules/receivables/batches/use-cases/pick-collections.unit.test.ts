import { describe, expect, it } from 'vitest';
import type { OpenDocument } from '../../../invoices/index.ts';
import type { MandateRow } from '../../mandates/mandates.repository.ts';
import { pickCollection, sequenceTypeOf } from './pick-collections.ts';

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
});

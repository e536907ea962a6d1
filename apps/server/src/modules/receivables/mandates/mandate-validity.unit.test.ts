import { describe, expect, it } from 'vitest';
import { canCollectOn, mandateExpiresOn, mandateStatusOn } from './mandate-validity.ts';

const active = {
  status: 'active' as const,
  type: 'recurrent' as const,
  signedOn: '2022-01-10',
  lastCollectionOn: null,
};

describe('mandate expiry: 36 months without a collection (domain rule §5.2)', () => {
  it('runs from the last collection: 2023-03-15 → 2026-03-15 allowed, 2026-03-16 not', () => {
    const collected = { ...active, lastCollectionOn: '2023-03-15' };
    expect(mandateExpiresOn(collected)).toBe('2026-03-15');
    expect(canCollectOn(collected, '2026-03-15')).toBe(true);
    expect(canCollectOn(collected, '2026-03-16')).toBe(false);
    expect(mandateStatusOn(collected, '2026-03-16')).toBe('expired');
  });

  it('runs from the signature when nothing was collected, clamped to the month end', () => {
    expect(mandateExpiresOn(active)).toBe('2025-01-10');
    expect(mandateExpiresOn({ signedOn: '2024-02-29', lastCollectionOn: null })).toBe('2027-02-28');
    expect(mandateExpiresOn({ signedOn: null, lastCollectionOn: null })).toBeNull();
  });

  it('never makes a pending or revoked mandate usable, and a one-off mandate serves once', () => {
    expect(canCollectOn({ ...active, status: 'revoked' }, '2022-02-01')).toBe(false);
    expect(mandateStatusOn({ ...active, status: 'pending', signedOn: null }, '2022-02-01')).toBe('pending');
    const oneOff = { ...active, type: 'one_off' as const };
    expect(canCollectOn(oneOff, '2022-02-01')).toBe(true);
    expect(canCollectOn({ ...oneOff, lastCollectionOn: '2022-02-01' }, '2022-03-01')).toBe(false);
  });
});

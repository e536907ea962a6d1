import { describe, expect, it } from 'vitest';
import {
  collectionDateFor,
  earliestCollectionAfterNotice,
  isMandateUsableOn,
  mandateUsableUntil,
  submitBy,
} from './sepa-timing.ts';

describe('SEPA direct debit timing (domain rules §5.1)', () => {
  it.each([
    ['2026-04-06', '2026-04-07', '2026-04-02'],
    ['2026-05-01', '2026-05-04', '2026-04-30'],
    ['2026-03-16', '2026-03-16', '2026-03-13'],
    ['2026-12-25', '2026-12-28', '2026-12-24'],
    ['2027-01-01', '2027-01-04', '2026-12-31'],
  ])('requested %s → collect %s, submit by %s', (requested, collection, submit) => {
    expect(collectionDateFor(requested)).toBe(collection);
    expect(submitBy(collection)).toBe(submit);
  });

  it.each([
    ['2026-03-02', undefined, '2026-03-16'],
    ['2026-03-02', 5, '2026-03-07'],
    ['2026-12-20', undefined, '2027-01-03'],
  ])('notice sent %s (%s days) → earliest collection %s', (sentOn, days, expected) => {
    expect(earliestCollectionAfterNotice(sentOn, days)).toBe(expected);
  });
});

describe('mandate expiry: 36 months without a collection (domain rules §5.2)', () => {
  it.each([
    [{ signedOn: '2020-01-10', lastCollectionOn: '2023-03-15' }, '2026-03-15', true],
    [{ signedOn: '2020-01-10', lastCollectionOn: '2023-03-15' }, '2026-03-16', false],
    [{ signedOn: '2023-03-15', lastCollectionOn: null }, '2026-03-15', true],
    [{ signedOn: '2023-03-15', lastCollectionOn: null }, '2026-03-16', false],
    [{ signedOn: '2023-05-31', lastCollectionOn: null }, '2026-05-31', true],
  ])('%o, collection on %s → usable: %s', (mandate, collectionDate, expected) => {
    expect(isMandateUsableOn(mandate, collectionDate)).toBe(expected);
  });

  it('runs from the last collection, or from the signing when there was none', () => {
    expect(mandateUsableUntil({ signedOn: '2021-02-01', lastCollectionOn: '2023-03-15' })).toBe('2026-03-15');
    expect(mandateUsableUntil({ signedOn: '2023-08-31', lastCollectionOn: null })).toBe('2026-08-31');
  });
});

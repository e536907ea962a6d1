import { describe, expect, test } from 'vitest';
import { addOneMonth, announcedChanges, contractPricesOn } from './contract-prices.ts';

const agreed = new Map([
  ['base', 2500n],
  ['module:quotes', 700n],
]);

describe('terms art. 11: agreed prices stay until an announced change applies', () => {
  test('a change announced more than a month ahead applies on its own date', () => {
    const changes = announcedChanges(
      agreed,
      '2026-02-01',
      [{ id: 'p1', item: 'base', monthlyCents: 2900n, validFrom: '2026-06-01' }],
      new Map([['p1', new Date('2026-04-15T10:00:00Z')]]),
    );
    expect(changes).toEqual([
      { item: 'base', monthlyCents: 2900n, appliesFrom: '2026-06-01', announcedAt: new Date('2026-04-15T10:00:00Z') },
    ]);
    expect(contractPricesOn(agreed, changes, '2026-05-31').get('base')).toBe(2500n);
    expect(contractPricesOn(agreed, changes, '2026-06-01').get('base')).toBe(2900n);
    expect(contractPricesOn(agreed, changes, '2026-06-01').get('module:quotes')).toBe(700n);
  });

  test('told later than a month ahead, the tenant keeps its price a full month after the notice', () => {
    const changes = announcedChanges(
      agreed,
      '2026-02-01',
      [{ id: 'p1', item: 'base', monthlyCents: 2900n, validFrom: '2026-06-01' }],
      new Map([['p1', new Date('2026-05-20T08:00:00Z')]]),
    );
    expect(changes[0]!.appliesFrom).toBe('2026-06-20');
    expect(contractPricesOn(agreed, changes, '2026-06-19').get('base')).toBe(2500n);
  });

  test('no notice, no change; prices dated before the order and items not ordered are ignored', () => {
    const prices = [
      { id: 'p1', item: 'base', monthlyCents: 2900n, validFrom: '2026-06-01' },
      { id: 'p2', item: 'base', monthlyCents: 2000n, validFrom: '2026-01-01' },
      { id: 'p3', item: 'module:voip', monthlyCents: 9900n, validFrom: '2026-06-01' },
    ];
    const notices = new Map([
      ['p2', new Date('2025-11-01T00:00:00Z')],
      ['p3', new Date('2026-03-01T00:00:00Z')],
    ]);
    expect(announcedChanges(agreed, '2026-02-01', prices, notices)).toEqual([]);
  });

  test('one month later is the same day next month, or the month end', () => {
    expect(addOneMonth(new Date('2026-01-31T12:00:00Z'))).toBe('2026-02-28');
    expect(addOneMonth(new Date('2026-12-15T00:00:00Z'))).toBe('2027-01-15');
  });
});

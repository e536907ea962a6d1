import { describe, expect, it } from 'vitest';
import { type PriceItem, priceOrder } from './prices.ts';

const prices = new Map<PriceItem, bigint>([
  ['base', 2500n],
  ['extra_user', 750n],
  ['module:quotes', 700n],
  ['module:invoices', 900n],
]);

describe('price of an order (terms art. 11)', () => {
  it('base + Quotes + Invoices, 3 users, per quarter', () => {
    const quote = priceOrder(prices, { modules: ['crm', 'quotes', 'invoices'], users: 3, period: 'quarter' });
    expect(quote.lines.map((line) => `${line.item}×${line.quantity}=${line.amount}`)).toEqual([
      'base×1=25.00',
      'module:quotes×1=7.00',
      'module:invoices×1=9.00',
      'extra_user×2=15.00',
    ]);
    expect(quote).toMatchObject({
      monthly_total: '56.00',
      period_total: '168.00',
      currency: 'EUR',
      excluding_vat: true,
    });
  });
  it('one user and only the base package, per year', () => {
    expect(priceOrder(prices, { modules: [], users: 1, period: 'year' })).toMatchObject({
      monthly_total: '25.00',
      period_total: '300.00',
    });
  });
  it('refuses an item without a price instead of charging nothing', () => {
    expect(() => priceOrder(prices, { modules: ['voip'], users: 1, period: 'month' })).toThrow(
      /no price for module:voip/,
    );
  });
});

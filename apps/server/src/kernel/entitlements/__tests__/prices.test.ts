import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';

describe('price list as dated data (terms art. 11)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('art. 11: publishes the base package, every add-on module and the extra user, EUR excl. VAT', async () => {
    const list = (await get('/api/v1/public/prices?on=2026-06-01')).json();
    expect(list).toMatchObject({ currency: 'EUR', excluding_vat: true });
    const items = list.items.map((entry: { item: string }) => entry.item).sort();
    expect(items).toEqual([
      'base',
      'extra_user',
      'module:api',
      'module:assignments',
      'module:invoices',
      'module:products',
      'module:quotes',
      'module:subscriptions',
      'module:tickets',
      'module:time_tracking',
      'module:voip',
    ]);
  });

  it('art. 11: prices an order per month, quarter or year', async () => {
    const quote = (
      await get('/api/v1/public/prices/quote?modules=quotes,invoices&users=3&period=quarter&on=2026-06-01')
    ).json();
    expect(quote).toMatchObject({ monthly_total: '56.00', period_total: '168.00', period: 'quarter' });
  });

  it('art. 11: a price change is a new dated price; before its date the old price holds', async () => {
    await t.kernel.database.query(
      `INSERT INTO price_list (item, monthly_cents, valid_from) VALUES ('base', 2750, '2027-03-01')`,
    );
    const before = (await get('/api/v1/public/prices/quote?period=month&on=2027-02-28')).json();
    const after = (await get('/api/v1/public/prices/quote?period=month&on=2027-03-01')).json();
    expect(before.monthly_total).toBe('25.00');
    expect(after.monthly_total).toBe('27.50');
  });

  it('refuses an unknown module or period with the field named', async () => {
    const response = await get('/api/v1/public/prices/quote?modules=quotes,teleport&period=week');
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['query.modules.1', 'query.period']));
  });
});

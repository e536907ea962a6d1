import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { tenants, users } from '../../db/schema.ts';

const ADDRESS = { street: 'Kerkstraat 1', postal_code: '3511 AB', city: 'Utrecht', country: 'nl' };
const base = {
  name: 'Pia Private',
  password: 'correct horse battery',
  address: ADDRESS,
};

describe('sign-up asks what an order needs (terms art. 4, 6, 10)', () => {
  let t: TestApp;
  let counter = 0;
  const signUp = (payload: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/signup',
      payload: { ...base, email: `signup${++counter}@identity.test`, ...payload },
    });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('art. 4: a private person must confirm being 18 or older', async () => {
    const refused = await signUp({ customer_type: 'private', company_name: 'Pia' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      expect.objectContaining({ field: 'adult_confirmed', code: 'adult_confirmation_required' }),
    ]);
    const accepted = await signUp({ customer_type: 'private', company_name: 'Pia', adult_confirmed: true });
    expect(accepted.statusCode).toBe(201);
    const [tenant] = await t.kernel.database.owner
      .select()
      .from(tenants)
      .where(eq(tenants.id, accepted.json().tenant_id));
    expect(tenant).toMatchObject({ customerType: 'private', state: 'demo' });
    expect(tenant!.adultConfirmedAt).toBeInstanceOf(Date);
  });

  it('art. 6: identity with address, KvK optional but valid, modules, users and period are stored', async () => {
    const invalid = await signUp({ company_name: 'Bakker BV', kvk_number: '1234', address: { street: '' } });
    expect(invalid.statusCode).toBe(400);
    expect(
      invalid.json().errors.map((error: { field: string; code: string }) => `${error.field}:${error.code}`),
    ).toEqual(
      expect.arrayContaining(['kvk_number:invalid_kvk_number', 'address.street:required', 'address.city:required']),
    );
    const created = await signUp({
      company_name: 'Bakker BV',
      kvk_number: '69599084',
      modules: ['quotes', 'invoices'],
      users: 3,
      period: 'quarter',
    });
    expect(created.statusCode).toBe(201);
    const [tenant] = await t.kernel.database.owner
      .select()
      .from(tenants)
      .where(eq(tenants.id, created.json().tenant_id));
    expect(tenant).toMatchObject({
      customerType: 'business',
      kvkNumber: '69599084',
      address: { ...ADDRESS, country: 'NL' },
      requestedOrder: { modules: ['quotes', 'invoices'], users: 3, period: 'quarter' },
    });
    // The company profile starts from the sign-up details.
    await t.kernel.database.owner
      .update(users)
      .set({ emailVerified: true })
      .where(eq(users.id, created.json().user_id));
    const cookie = await t.login(created.json().user_id);
    const company = (await t.session(cookie, { method: 'GET', url: '/api/v1/company' })).json();
    expect(company).toMatchObject({
      legal_name: 'Bakker BV',
      street: 'Kerkstraat 1',
      postal_code: '3511 AB',
      city: 'Utrecht',
      country: 'NL',
      kvk_number: '69599084',
    });
    // Art. 10: whatever was chosen, a new tenant is a 14-day demo with every module.
    const days = (tenant!.demoEndsAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);
  });
});

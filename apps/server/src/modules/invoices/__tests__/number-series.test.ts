import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { GOLDEN_LINES, readyDocumentTenant } from '../../../test-support/document-tenant.ts';

describe('invoices: number series (domain rules §1.2)', () => {
  let t: TestApp;
  let acme: ProvisionedTenant;
  let customerId: string;
  const year = new Date().getUTCFullYear();

  const series = async () =>
    (await t.api(acme.api_key, { method: 'GET', url: '/api/v1/number_series' })).json().data as {
      document_type: string;
      format: string;
      next_number: number;
      next_example: string;
      is_format_locked: boolean;
    }[];
  const patch = (type: string, payload: Record<string, unknown>) =>
    t.api(acme.api_key, { method: 'PATCH', url: `/api/v1/number_series/${type}`, payload });
  const issue = async () => {
    const draft = await t.api(acme.api_key, {
      method: 'POST',
      url: '/api/v1/invoices',
      payload: { customer_id: customerId, lines: GOLDEN_LINES },
    });
    return (await t.api(acme.api_key, { method: 'POST', url: `/api/v1/invoices/${draft.json().id}/finalize` })).json();
  };

  beforeAll(async () => {
    t = await createTestApp();
    acme = await t.createTenant();
    customerId = await readyDocumentTenant(t, acme);
  });
  afterAll(() => t?.close());

  it('starts with a yearly series per type and shows the next number', async () => {
    expect((await series()).map((entry) => [entry.document_type, entry.format, entry.next_example])).toEqual([
      ['invoice', '{YYYY}-{seq:05}', `${year}-00001`],
      ['credit_note', 'C{YYYY}-{seq:05}', `C${year}-00001`],
      ['quote', 'O{YYYY}-{seq:05}', `O${year}-00001`],
    ]);
  });

  it('takes a new format and a later start before the first invoice, then locks the format', async () => {
    const changed = await patch('invoice', { format: 'F{YYYY}.{seq:6}', next_number: 457 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ next_number: 457, next_example: `F${year}.000457` });
    expect((await issue()).number).toBe(`F${year}.000457`);

    const locked = await patch('invoice', { format: '{seq}' });
    expect(locked.statusCode).toBe(400);
    expect(locked.json().errors[0]).toMatchObject({ field: 'format', code: 'number_format_locked' });
    const lower = await patch('invoice', { next_number: 457 });
    expect(lower.json().errors[0]).toMatchObject({ field: 'next_number', code: 'below_next_number' });
    // Skipping ahead stays allowed (continuing after an imported history).
    expect((await patch('invoice', { next_number: 500 })).json().next_example).toBe(`F${year}.000500`);
    expect((await issue()).number).toBe(`F${year}.000500`);
  });

  it('refuses a format without exactly one {seq}', async () => {
    for (const format of ['{YYYY}', '{seq}{seq}', 'F {seq}', '{seq:11}']) {
      const response = await patch('credit_note', { format });
      expect(response.statusCode, format).toBe(400);
      expect(response.json().errors[0]).toMatchObject({ field: 'format', code: 'invalid_number_format' });
    }
  });
});

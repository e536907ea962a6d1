import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { multipart } from '../../../test-support/multipart.ts';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6300010000050001' +
    '0d0a2db40000000049454e44ae426082',
  'hex',
);

describe('company profile', () => {
  let t: TestApp;
  let a: { tenant_id: string; api_key: string };
  let b: { tenant_id: string; api_key: string };

  beforeAll(async () => {
    t = await createTestApp();
    a = await t.createTenant('Acme BV');
    b = await t.createTenant('Bolt BV');
  });
  afterAll(() => t.close());

  it("starts from the tenant name and returns the tenant's own profile", async () => {
    const response = await t.api(a.api_key, { method: 'GET', url: '/api/v1/company' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      object: 'company',
      tenant_id: a.tenant_id,
      legal_name: 'Acme BV',
      country: 'NL',
      version: 1,
    });
    expect(response.headers.etag).toBe('"1"');
  });

  it('saves valid identifiers normalized and records an audit entry', async () => {
    const response = await t.api(a.api_key, {
      method: 'PATCH',
      url: '/api/v1/company',
      payload: {
        kvk_number: '12345678',
        vat_number: 'nl004495445b01',
        iban: 'nl91 abna 0417 1643 00',
        bic: 'abnanl2a',
        sepa_creditor_id: 'nl69 xyz 1234 5678 0000',
        city: 'Utrecht',
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      vat_number: 'NL004495445B01',
      iban: 'NL91ABNA0417164300',
      bic: 'ABNANL2A',
      sepa_creditor_id: 'NL69XYZ123456780000',
      city: 'Utrecht',
      version: 2,
    });
    const audit = await t.api(a.api_key, { method: 'GET', url: '/api/v1/audit_events' });
    const entry = audit.json().data.find((event: { action: string }) => event.action === 'company.updated');
    expect(entry).toMatchObject({
      actor_type: 'api_key',
      target_type: 'company',
      details: { fields: expect.arrayContaining(['kvkNumber', 'iban']) },
    });
  });

  it.each([
    ['kvk_number', '1234567', 'invalid_kvk_number'],
    ['vat_number', 'NL123456789B01', 'invalid_vat_number'],
    ['iban', 'NL91ABNA0417164301', 'invalid_iban'],
    ['bic', 'ABNANL2', 'invalid_bic'],
    ['sepa_creditor_id', 'NL70ZZZ123456780000', 'invalid_sepa_creditor_id'],
    ['legal_name', 42, 'invalid_type'],
    ['surprise', 'x', 'unknown_field'],
  ])('refuses %s = %j with problem+json naming the field, and saves nothing', async (field, value, code) => {
    const before = (await t.api(a.api_key, { method: 'GET', url: '/api/v1/company' })).json();
    const response = await t.api(a.api_key, {
      method: 'PATCH',
      url: '/api/v1/company',
      payload: { city: 'Amsterdam', [field]: value },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({
      status: 400,
      code: 'validation_failed',
      errors: [expect.objectContaining({ field, code })],
    });
    const after = (await t.api(a.api_key, { method: 'GET', url: '/api/v1/company' })).json();
    expect(after).toEqual(before);
  });

  it('answers malformed JSON and oversized bodies with 4xx problem+json, never 500', async () => {
    const malformed = await t.api(a.api_key, {
      method: 'PATCH',
      url: '/api/v1/company',
      payload: '{"city": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('invalid_json');
    const huge = await t.api(a.api_key, {
      method: 'PATCH',
      url: '/api/v1/company',
      payload: JSON.stringify({ city: 'x'.repeat(2 * 1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('payload_too_large');
    const wrongType = await t.api(a.api_key, {
      method: 'PATCH',
      url: '/api/v1/company',
      payload: 'city=x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(wrongType.statusCode).toBe(415);
  });

  it('refuses a stale version with 412 and keeps the newer data', async () => {
    const current = (await t.api(a.api_key, { method: 'GET', url: '/api/v1/company' })).json();
    const ok = await t.api(a.api_key, {
      method: 'PATCH',
      url: '/api/v1/company',
      payload: { phone: '030 123 4567' },
      headers: { 'if-match': `"${current.version}"` },
    });
    expect(ok.statusCode).toBe(200);
    const stale = await t.api(a.api_key, {
      method: 'PATCH',
      url: '/api/v1/company',
      payload: { phone: '020 000 0000' },
      headers: { 'if-match': `"${current.version}"` },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('version_conflict');
    expect((await t.api(a.api_key, { method: 'GET', url: '/api/v1/company' })).json().phone).toBe('030 123 4567');
  });

  it('stores a logo and serves the same bytes; refuses a non-image', async () => {
    const upload = await t.api(a.api_key, {
      method: 'POST',
      url: '/api/v1/company/logo',
      ...multipart('file', 'logo.png', 'image/png', PNG),
    });
    expect(upload.statusCode).toBe(204);
    const logo = await t.api(a.api_key, { method: 'GET', url: '/api/v1/company/logo' });
    expect(logo.statusCode).toBe(200);
    expect(logo.headers['content-type']).toBe('image/png');
    expect(logo.rawPayload.equals(PNG)).toBe(true);
    const fake = await t.api(a.api_key, {
      method: 'POST',
      url: '/api/v1/company/logo',
      ...multipart('file', 'x.png', 'image/png', Buffer.from('<svg onload=alert(1)>')),
    });
    expect(fake.statusCode).toBe(415);
  });

  it('another tenant never sees or changes this profile', async () => {
    const seenByB = (await t.api(b.api_key, { method: 'GET', url: '/api/v1/company' })).json();
    expect(seenByB.tenant_id).toBe(b.tenant_id);
    expect(seenByB.legal_name).toBe('Bolt BV');
    await t.api(b.api_key, { method: 'PATCH', url: '/api/v1/company', payload: { legal_name: 'Taken over' } });
    expect((await t.api(a.api_key, { method: 'GET', url: '/api/v1/company' })).json().legal_name).toBe('Acme BV');
    expect((await t.api(b.api_key, { method: 'GET', url: '/api/v1/company/logo' })).statusCode).toBe(404);
  });

  it('refuses requests without a valid key', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/company' })).statusCode).toBe(401);
    expect(
      (await t.api('cbx_not-a-real-key-at-all-000000', { method: 'GET', url: '/api/v1/company' })).statusCode,
    ).toBe(401);
  });
});

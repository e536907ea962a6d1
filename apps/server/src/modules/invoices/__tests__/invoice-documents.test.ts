import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionTenant } from '../../../kernel/accounts/provision-tenant.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { multipart } from '../../../test-support/multipart.ts';
import { pdfText, solidPngBase64, squeeze } from '../documents/__tests__/pdf-test-tools.ts';
import { validateUbl } from '../documents/__tests__/ubl-validator.ts';
import { readyDocumentTenant } from '../../../test-support/document-tenant.ts';

describe('invoices: the PDF and UBL stored at finalization (API)', () => {
  let t: TestApp;
  let key: string;
  let invoiceId: string;
  let number: string;

  beforeAll(async () => {
    t = await createTestApp();
    const tenant = await t.createTenant();
    key = tenant.api_key;
    const customerId = await readyDocumentTenant(t, tenant);
    const logo = await t.api(key, {
      method: 'POST',
      url: '/api/v1/company/logo',
      ...multipart('file', 'logo.png', 'image/png', Buffer.from(solidPngBase64(40, 20, [200, 30, 30]), 'base64')),
    });
    expect(logo.statusCode, logo.body).toBe(204);
    const draft = await t.api(key, {
      method: 'POST',
      url: '/api/v1/invoices',
      payload: {
        customer_id: customerId,
        issue_date: '2026-03-02',
        discount_percent: '5',
        lines: [
          { description: 'Ondersteuning', quantity: '2.5', unit_price: '85.00', vat_rate: '21', unit_code: 'HUR' },
          { description: 'Handboek', quantity: '7', unit_price: '12.3456', vat_rate: '9', discount_percent: '10' },
          { kind: 'heading', description: 'Verlegd' },
          { description: 'Installatie', quantity: '1', unit_price: '100', vat_category: 'AE' },
        ],
      },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    invoiceId = draft.json().id;
    const finalized = await t.api(key, { method: 'POST', url: `/api/v1/invoices/${invoiceId}/finalize` });
    expect(finalized.statusCode, finalized.body).toBe(200);
    number = finalized.json().number;
  });
  afterAll(() => t?.close());

  it('serves the same PDF bytes every time, even after the company profile changed', async () => {
    const first = await t.api(key, { method: 'GET', url: `/api/v1/invoices/${invoiceId}/pdf` });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    expect(first.headers['content-disposition']).toContain(`factuur-${number}.pdf`);
    const bytes = first.rawPayload;
    expect(first.headers.etag).toBe(`"${createHash('sha256').update(bytes).digest('hex')}"`);
    const text = squeeze(pdfText(bytes));
    for (const expected of [number, 'Clientbox Demo B.V.', 'Afnemer B.V.', '12345678', 'NL004495445B01', 'Btw verlegd'])
      expect(text).toContain(expected);

    // The logo uploaded before finalizing is in the PDF (poppler lists its images).
    expect(pdfImageCount(bytes)).toBeGreaterThan(0);

    await t.api(key, { method: 'PATCH', url: '/api/v1/company', payload: { legal_name: 'Nieuwe Naam B.V.' } });
    const later = await t.api(key, { method: 'GET', url: `/api/v1/invoices/${invoiceId}/pdf` });
    expect(Buffer.compare(later.rawPayload, bytes)).toBe(0);
  });

  it('serves UBL that passes the official validators in both profiles', async () => {
    const peppol = await t.api(key, { method: 'GET', url: `/api/v1/invoices/${invoiceId}/ubl` });
    const nlcius = await t.api(key, { method: 'GET', url: `/api/v1/invoices/${invoiceId}/ubl?profile=nlcius` });
    expect(peppol.headers['content-type']).toContain('application/xml');
    expect(peppol.body).toContain('urn:fdc:peppol.eu:2017:poacc:billing:3.0');
    expect(nlcius.body).toContain('urn:fdc:nen.nl:nlcius:v1.0');
    expect(peppol.body).toContain(`<cbc:ID>${number}</cbc:ID>`);
    const results = await Promise.all([validateUbl(peppol.body), validateUbl(nlcius.body)]);
    for (const result of results) expect(result.status, result.output).toBe(0);
  });

  it('has no PDF or UBL for a draft, and none for another tenant', async () => {
    const draft = await t.api(key, {
      method: 'POST',
      url: '/api/v1/invoices',
      payload: {
        customer_id: (await t.api(key, { method: 'GET', url: `/api/v1/invoices/${invoiceId}` })).json().customer_id,
      },
    });
    const pdf = await t.api(key, { method: 'GET', url: `/api/v1/invoices/${draft.json().id}/pdf` });
    expect(pdf.statusCode).toBe(409);
    expect(pdf.json().code).toBe('invoice_not_issued');
    const other = await provisionTenant(t.kernel, { name: 'Ander BV', email: 'owner@ander-docs.test', modules: 'all' });
    for (const url of [`/api/v1/invoices/${invoiceId}/pdf`, `/api/v1/invoices/${invoiceId}/ubl`])
      expect((await t.api(other.api_key, { method: 'GET', url })).statusCode).toBe(404);
  });
});

function pdfImageCount(bytes: Uint8Array): number {
  const result = spawnSync('pdfimages', ['-list', '-'], { input: bytes, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pdfimages failed: ${result.stderr}`);
  // Two header lines, then one line per image.
  return result.stdout.trim().split('\n').length - 2;
}

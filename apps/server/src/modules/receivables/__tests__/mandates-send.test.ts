import { mandate as mandateSchema, mandateSending } from '@clientbox/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionTenant, type ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import { apiOf, expectProblem, fieldErrors } from '../../../test-support/api-requests.ts';
import { startSmtpSink, type SmtpSink } from '../../../test-support/smtp-sink.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { CREDITOR, readyCreditor } from './mandate-fixtures.ts';

describe('e-mailing a mandate request’s signing link (API, real SMTP)', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let acme: ProvisionedTenant;
  let api: ReturnType<typeof apiOf>;
  let organizationId: string;
  let personId: string;
  let englishId: string;

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    api(acme.api_key, method, url, payload);

  async function finished(jobId: string) {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const job = (await call('GET', `/api/v1/jobs/${jobId}`)).json();
      if (job.state === 'completed') return job;
      if (job.state === 'failed' || Date.now() > deadline) throw new Error(`send job: ${JSON.stringify(job)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function request(customerId: string, extra: Record<string, unknown> = {}) {
    const response = await call('POST', '/api/v1/mandates/requests', { customer_id: customerId, ...extra });
    expect(response.statusCode, response.body).toBe(201);
    return mandateSchema.parse(response.json());
  }

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ SMTP_URL: sink.url });
    await t.kernel.jobs.start();
    api = apiOf(t);
    acme = await t.createTenant();
    ({ organizationId, personId } = await readyCreditor(t, acme));
    const english = await call('POST', '/api/v1/organizations', {
      name: 'Buyer Ltd',
      is_customer: true,
      document_locale: 'en',
      invoice_email: 'ap@buyer.test',
    });
    expect(english.statusCode, english.body).toBe(201);
    englishId = english.json().id;
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('sends the link with the request when send_to is given, in Dutch for a Dutch customer', async () => {
    const requested = await request(organizationId, { send_to: 'Debiteur@Afnemer.test' });
    expect(requested.status).toBe('pending');
    const mail = await sink.waitFor((received) => received.to.includes('debiteur@afnemer.test'));
    expect(mail.subject).toBe(`Machtiging voor automatische incasso – ${CREDITOR.legal_name}`);
    expect(mail.text).toContain(requested.public_url!);
    expect(mail.text).toContain(`machtigingskenmerk ${requested.mandate_id}`);
    expect(mail.text).toContain('binnen 8 weken');
    expect(mail.html).toContain(requested.public_url!);
    expect(mail.headers['x-clientbox-template']).toBe('mandate-request');
    const audit = (await call('GET', '/api/v1/audit_events')).json().data;
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: 'mandate.request_sent',
        target_id: requested.id,
        details: expect.objectContaining({ to: 'debiteur@afnemer.test' }),
      }),
    );
  });

  it('sends (again) later to the customer’s invoice address, in the customer’s language', async () => {
    const requested = await request(englishId, { scheme: 'B2B' });
    const response = await call('POST', `/api/v1/mandates/${requested.id}/send`, {});
    expect(response.statusCode, response.body).toBe(202);
    const sending = mandateSending.parse(response.json());
    expect(sending).toMatchObject({ mandate_id: requested.id, to: 'ap@buyer.test' });
    expect(response.headers.location).toBe(`/api/v1/jobs/${sending.job_id}`);
    const job = await finished(sending.job_id);
    expect(job.result).toMatchObject({ sent_to: 'ap@buyer.test' });
    const mail = await sink.waitFor((received) => received.to.includes('ap@buyer.test'));
    expect(mail.subject).toBe(`Direct debit mandate – ${CREDITOR.legal_name}`);
    expect(mail.text).toContain('Dear Sir or Madam,');
    expect(mail.text).toContain(requested.public_url!);
    expect(mail.text).toContain('business direct debit (B2B)');

    const other = await call('POST', `/api/v1/mandates/${requested.id}/send`, { to: 'finance@buyer.test' });
    expect(other.statusCode, other.body).toBe(202);
    await finished(other.json().job_id);
    await sink.waitFor((received) => received.to.includes('finance@buyer.test'));
  });

  it('refuses what cannot be sent with a code', async () => {
    const invalid = await call('POST', '/api/v1/mandates/requests', { customer_id: personId, send_to: 'nope' });
    expectProblem(invalid, 400, 'validation_failed');
    expect(fieldErrors(invalid)).toEqual({ send_to: 'invalid_email' });
    // The person has no e-mail address in the CRM.
    const pending = await request(personId);
    const missing = await call('POST', `/api/v1/mandates/${pending.id}/send`, {});
    expectProblem(missing, 422, 'no_mandate_email');
    expect(fieldErrors(missing)).toEqual({ to: 'required' });

    const signed = await call('POST', '/api/v1/mandates', {
      customer_id: organizationId,
      signed_on: '2026-01-15',
      debtor_name: 'Afnemer B.V.',
      iban: 'NL02ABNA0123456789',
    });
    expectProblem(
      await call('POST', `/api/v1/mandates/${signed.json().id}/send`, { to: 'a@b.test' }),
      409,
      'mandate_already_signed',
    );
    expect((await call('POST', `/api/v1/mandates/${pending.id}/revoke`, {})).statusCode).toBe(200);
    expectProblem(
      await call('POST', `/api/v1/mandates/${pending.id}/send`, { to: 'a@b.test' }),
      409,
      'mandate_revoked',
    );
  });

  it('gives another tenant 404 and a tenant without the Invoices module 403', async () => {
    const requested = await request(organizationId);
    const other = await t.createTenant();
    expectProblem(
      await api(other.api_key, 'POST', `/api/v1/mandates/${requested.id}/send`, { to: 'a@b.test' }),
      404,
      'mandate_not_found',
    );
    const without = await provisionTenant(t.kernel, {
      name: 'Zonder facturen BV',
      email: 'no-invoices@mandate-send.test',
      modules: ['crm', 'api'],
    });
    expectProblem(
      await api(without.api_key, 'POST', `/api/v1/mandates/${requested.id}/send`, {}),
      403,
      'module_not_enabled',
    );
  });
});

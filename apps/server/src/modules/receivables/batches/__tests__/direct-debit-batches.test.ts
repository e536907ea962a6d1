import { createHash } from 'node:crypto';
import { amsterdamDate, directDebitBatch, refundBatch } from '@clientbox/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionTenant, type ProvisionedTenant } from '../../../../kernel/accounts/provision-tenant.ts';
import { startSmtpSink, type SmtpSink } from '../../../../test-support/smtp-sink.ts';
import { createTestApp, type TestApp } from '../../../../test-support/test-app.ts';
import { apiOf, expectProblem, fieldErrors } from '../../../../test-support/api-requests.ts';
import { CUSTOMER, GOLDEN_LINES, SUPPLIER } from '../../../../test-support/document-tenant.ts';
import { addDays } from '../../domain/calendar-date.ts';
import { collectionDateFor, earliestCollectionAfterNotice, submitBy } from '../../domain/sepa-timing.ts';
import { validateAgainstXsd, validatePain008 } from '../../sepa/__tests__/iso20022-validator.ts';

const CREDITOR_ID = 'NL69ZZZ123456780000';
const SECOND_CUSTOMER = {
  ...CUSTOMER,
  name: 'Bouwbedrijf Zuid B.V.',
  kvk_number: '11223344',
  iban: 'NL44RABO0123456789',
  invoice_email: 'facturen@zuid.test',
};

describe('direct-debit batches (pain.008) and refund batches (pain.001) (API)', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let acme: ProvisionedTenant;
  let api: ReturnType<typeof apiOf>;
  let coreCustomer: string;
  let b2bCustomer: string;
  const today = amsterdamDate();
  const defaultDate = collectionDateFor(earliestCollectionAfterNotice(today));

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    api(acme.api_key, method, url, payload);

  async function created(method: 'POST', url: string, payload: unknown) {
    const response = await call(method, url, payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  async function issue(customerId: string, extra: Record<string, unknown> = {}) {
    const draft = await created('POST', '/api/v1/invoices', { customer_id: customerId, lines: GOLDEN_LINES, ...extra });
    const issued = await call('POST', `/api/v1/invoices/${draft.id}/finalize`);
    expect(issued.statusCode, issued.body).toBe(200);
    return issued.json() as { id: string; number: string; amount_due: string; payment_reference: string };
  }

  async function mandate(customerId: string, mandateId: string, scheme: 'CORE' | 'B2B', iban: string) {
    return created('POST', '/api/v1/mandates', {
      customer_id: customerId,
      mandate_id: mandateId,
      scheme,
      signed_on: '2026-01-15',
      debtor_name: 'Afnemer B.V.',
      iban,
    });
  }

  async function file(url: string) {
    const response = await call('GET', url);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
    return { xml: response.body, sha256: createHash('sha256').update(response.rawPayload).digest('hex'), response };
  }

  /** The send job: waits until it ran, fails the test if it failed. */
  async function finished(jobId: string) {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const job = (await call('GET', `/api/v1/jobs/${jobId}`)).json();
      if (job.state === 'completed') return;
      if (job.state === 'failed' || Date.now() > deadline) throw new Error(`send job: ${JSON.stringify(job)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ SMTP_URL: sink.url });
    await t.kernel.jobs.start();
    api = apiOf(t);
    acme = await t.createTenant();
    expect((await call('PATCH', '/api/v1/company', { ...SUPPLIER, sepa_creditor_id: CREDITOR_ID })).statusCode).toBe(
      200,
    );
    coreCustomer = (await created('POST', '/api/v1/organizations', { ...CUSTOMER, invoice_email: 'ap@afnemer.test' }))
      .id;
    b2bCustomer = (await created('POST', '/api/v1/organizations', SECOND_CUSTOMER)).id;
    await mandate(coreCustomer, 'AFN-CORE-1', 'CORE', 'NL91ABNA0417164300');
    await mandate(b2bCustomer, 'ZUID-B2B-1', 'B2B', 'NL44RABO0123456789');
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('issues a direct-debit invoice only with a usable mandate; its e-mail is the pre-notification', async () => {
    const refused = await call('POST', '/api/v1/invoices', {
      customer_id: coreCustomer,
      lines: GOLDEN_LINES,
      payment_means: 'direct_debit',
      mandate_reference: 'NOT-A-MANDATE',
    });
    const finalize = await call('POST', `/api/v1/invoices/${refused.json().id}/finalize`);
    expectProblem(finalize, 422, 'invoice_incomplete');
    expect(fieldErrors(finalize)).toEqual({ mandate_reference: 'mandate_not_usable' });

    const invoice = await issue(coreCustomer, {
      payment_means: 'direct_debit',
      mandate_reference: 'AFN-CORE-1',
      payment_term_days: 30,
    });
    const ubl = await call('GET', `/api/v1/invoices/${invoice.id}/ubl`);
    expect(ubl.body).toContain('<cbc:ID>AFN-CORE-1</cbc:ID>');
    expect(ubl.body).toContain('NL91ABNA0417164300');

    const sent = await call('POST', `/api/v1/invoices/${invoice.id}/send`, {});
    expect(sent.statusCode, sent.body).toBe(202);
    await finished(sent.json().job_id);
    const mail = await sink.waitFor((received) => received.subject.includes(invoice.number));
    expect(mail.text).toMatch(
      /Wij schrijven € 673,73 op of kort na \d+ \S+ \d{4} automatisch af van uw rekening eindigend op 4300 \(machtiging AFN-CORE-1, incassant-ID NL69ZZZ123456780000\)\./,
    );
  });

  it('collects due direct-debit invoices in one batch per scheme, FRST then RCUR, with valid pain.008 files', async () => {
    const longAgo = addDays(today, -30);
    const core = await issue(coreCustomer, {
      payment_means: 'direct_debit',
      mandate_reference: 'AFN-CORE-1',
      issue_date: longAgo,
      payment_term_days: 14,
    });
    const b2b = await issue(b2bCustomer, {
      payment_means: 'direct_debit',
      mandate_reference: 'ZUID-B2B-1',
      issue_date: longAgo,
      payment_term_days: 14,
    });
    // Paid by transfer: never collected.
    const transfer = await issue(coreCustomer, { issue_date: longAgo, payment_term_days: 14 });

    const response = await call('POST', '/api/v1/direct_debit_batches', {});
    expect(response.statusCode, response.body).toBe(201);
    const batches = response.json().data.map((batch: unknown) => directDebitBatch.parse(batch));
    expect(batches.map((batch: { scheme: string }) => batch.scheme)).toEqual(['CORE', 'B2B']);
    const [coreBatch, b2bBatch] = batches;
    expect(coreBatch).toMatchObject({
      status: 'open',
      collection_date: defaultDate,
      submit_by: submitBy(defaultDate),
      total_amount: '673.73',
      item_count: 1,
    });
    expect(coreBatch.message_id).toMatch(/^DD-\d{8}-\d+$/);
    expect(b2bBatch.message_id).not.toBe(coreBatch.message_id);
    expect(coreBatch.items).toEqual([
      expect.objectContaining({
        invoice_id: core.id,
        invoice_number: core.number,
        mandate_reference: 'AFN-CORE-1',
        sequence_type: 'FRST',
        amount: '673.73',
        debtor_iban: 'NL91ABNA0417164300',
      }),
    ]);
    expect(b2bBatch.items).toEqual([
      expect.objectContaining({ invoice_id: b2b.id, mandate_reference: 'ZUID-B2B-1', sequence_type: 'FRST' }),
    ]);
    // The invoice issued today is not due yet, the transfer invoice is no direct debit.
    const collected = batches.flatMap((batch: { items: { invoice_id: string }[] }) => batch.items);
    expect(collected.map((item: { invoice_id: string }) => item.invoice_id)).not.toContain(transfer.id);

    for (const batch of batches) {
      const { xml, sha256 } = await file(`/api/v1/direct_debit_batches/${batch.id}/file`);
      expect(sha256).toBe(batch.file_sha256);
      expect(xml).toContain(`<MsgId>${batch.message_id}</MsgId>`);
      expect(xml).toContain(`<Cd>${batch.scheme}</Cd>`);
      expect(xml).toContain(`<ReqdColltnDt>${defaultDate}</ReqdColltnDt>`);
      const validation = await validatePain008(xml);
      expect(validation.status, validation.output).toBe(0);
    }
    const coreXml = (await file(`/api/v1/direct_debit_batches/${coreBatch.id}/file`)).xml;
    expect(coreXml).toContain(`<EndToEndId>${core.number}</EndToEndId>`);
    expect(coreXml).toContain('<Ref>' + core.payment_reference + '</Ref>');

    const fetched = await call('GET', `/api/v1/direct_debit_batches/${coreBatch.id}`);
    expect(fetched.json()).toEqual(coreBatch);
    const listed = await call('GET', '/api/v1/direct_debit_batches');
    expect(listed.json().data.map((batch: { id: string }) => batch.id)).toEqual(
      expect.arrayContaining([coreBatch.id, b2bBatch.id]),
    );
    expect(listed.json().data[0].items).toBeUndefined();

    const mandates = (await call('GET', '/api/v1/mandates')).json().data as {
      mandate_id: string;
      last_collection_on: string;
    }[];
    for (const used of mandates) expect(used.last_collection_on).toBe(defaultDate);

    const audit = (await call('GET', '/api/v1/audit_events')).json().data;
    expect(audit).toContainEqual(
      expect.objectContaining({ action: 'direct_debit_batch.created', target_id: coreBatch.id }),
    );

    // Already in an open batch: skipped by default, refused when named.
    expectProblem(await call('POST', '/api/v1/direct_debit_batches', {}), 422, 'nothing_to_collect');
    expectProblem(
      await call('POST', '/api/v1/direct_debit_batches', { invoice_ids: [core.id] }),
      409,
      'invoice_already_in_batch',
    );

    // A later invoice, named, on a later date: the mandate was used before, so RCUR.
    const next = await issue(coreCustomer, { payment_means: 'direct_debit', mandate_reference: 'AFN-CORE-1' });
    const later = addDays(today, 45);
    const second = await call('POST', '/api/v1/direct_debit_batches', {
      invoice_ids: [next.id],
      collection_date: later,
    });
    expect(second.statusCode, second.body).toBe(201);
    const [rcur] = second.json().data;
    expect(rcur).toMatchObject({ scheme: 'CORE', collection_date: collectionDateFor(later) });
    expect(rcur.items[0]).toMatchObject({ invoice_id: next.id, sequence_type: 'RCUR' });
    const validation = await validatePain008((await file(`/api/v1/direct_debit_batches/${rcur.id}/file`)).xml);
    expect(validation.status, validation.output).toBe(0);
  });

  it('refuses what cannot be collected with a code', async () => {
    const transfer = await issue(coreCustomer, {});
    const notDirectDebit = await call('POST', '/api/v1/direct_debit_batches', {
      invoice_ids: [transfer.id],
      collection_date: addDays(today, 60),
    });
    expectProblem(notDirectDebit, 422, 'invoice_not_collectable');
    expect(fieldErrors(notDirectDebit)).toEqual({ invoice_ids: 'not_direct_debit' });

    // Issued today: the 14-day pre-notification has not run by a collection in 5 days.
    const fresh = await issue(coreCustomer, { payment_means: 'direct_debit', mandate_reference: 'AFN-CORE-1' });
    const tooSoon = await call('POST', '/api/v1/direct_debit_batches', {
      invoice_ids: [fresh.id],
      collection_date: addDays(today, 5),
    });
    expect(fieldErrors(tooSoon)).toEqual({ invoice_ids: 'pre_notification_too_short' });

    const past = await call('POST', '/api/v1/direct_debit_batches', { collection_date: addDays(today, -3) });
    expectProblem(past, 422, 'collection_date_too_early');

    const unknown = await call('POST', '/api/v1/direct_debit_batches', {
      invoice_ids: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(fieldErrors(unknown)).toEqual({ invoice_ids: 'not_open' });

    const bare = await t.createTenant();
    expect((await api(bare.api_key, 'PATCH', '/api/v1/company', { legal_name: 'Kaal B.V.' })).statusCode).toBe(200);
    const missing = await api(bare.api_key, 'POST', '/api/v1/direct_debit_batches', {});
    expectProblem(missing, 422, 'creditor_details_missing');
    expect(fieldErrors(missing)).toEqual({ iban: 'required', sepa_creditor_id: 'required' });
  });

  it('refunds credit notes with a refund due to the customer’s account once, booked as a payment; valid pain.001', async () => {
    const invoice = await issue(b2bCustomer, {});
    const paid = await call('POST', `/api/v1/invoices/${invoice.id}/payments`, {
      paid_on: today,
      amount: '673.73',
      method: 'bank_transfer',
    });
    expect(paid.statusCode, paid.body).toBe(201);
    const draft = await created('POST', `/api/v1/invoices/${invoice.id}/credit_notes`, {});
    const creditNote = (await call('POST', `/api/v1/invoices/${draft.id}/finalize`)).json();
    expect(creditNote.amount_due).toBe('673.73');

    const response = await call('POST', '/api/v1/refund_batches', {});
    expect(response.statusCode, response.body).toBe(201);
    const batch = refundBatch.parse(response.json());
    expect(batch).toMatchObject({ total_amount: '673.73', item_count: 1, execution_date: collectionDateFor(today) });
    expect(batch.message_id).toMatch(/^RF-\d{8}-\d+$/);
    expect(batch.items).toEqual([
      expect.objectContaining({
        credit_note_id: creditNote.id,
        credit_note_number: creditNote.number,
        amount: '673.73',
        creditor_name: 'Bouwbedrijf Zuid B.V.',
        creditor_iban: 'NL44RABO0123456789',
      }),
    ]);
    expect((await call('GET', `/api/v1/invoices/${creditNote.id}`)).json().amount_due).toBe('0.00');

    const { xml, sha256 } = await file(`/api/v1/refund_batches/${batch.id}/file`);
    expect(sha256).toBe(batch.file_sha256);
    const validation = await validateAgainstXsd(xml, 'pain.001.001.03');
    expect(validation.status, validation.output).toBe(0);
    expect(xml.match(/<NbOfTxs>1<\/NbOfTxs>/g)).toHaveLength(2);
    expect(xml.match(/<CtrlSum>673.73<\/CtrlSum>/g)).toHaveLength(2);
    expect(xml).toContain(`<EndToEndId>${creditNote.number}</EndToEndId>`);
    expect(xml).toContain(`<Ustrd>Terugbetaling creditnota ${creditNote.number}</Ustrd>`);

    expect((await call('GET', `/api/v1/refund_batches/${batch.id}`)).json()).toEqual(batch);
    expect((await call('GET', '/api/v1/refund_batches')).json().data).toHaveLength(1);
    expectProblem(await call('POST', '/api/v1/refund_batches', {}), 422, 'nothing_to_refund');
    expectProblem(
      await call('POST', '/api/v1/refund_batches', { credit_note_ids: [creditNote.id] }),
      422,
      'credit_note_not_refundable',
    );
  });

  it('keeps tenants apart: another tenant gets 404 for this tenant’s batches and files', async () => {
    const other = await t.createTenant();
    const debit = (await call('GET', '/api/v1/direct_debit_batches')).json().data[0];
    const refund = (await call('GET', '/api/v1/refund_batches')).json().data[0];
    expect((await api(other.api_key, 'GET', '/api/v1/direct_debit_batches')).json().data).toEqual([]);
    expect((await api(other.api_key, 'GET', '/api/v1/refund_batches')).json().data).toEqual([]);
    for (const url of [`/api/v1/direct_debit_batches/${debit.id}`, `/api/v1/direct_debit_batches/${debit.id}/file`])
      expectProblem(await api(other.api_key, 'GET', url), 404, 'direct_debit_batch_not_found');
    for (const url of [`/api/v1/refund_batches/${refund.id}`, `/api/v1/refund_batches/${refund.id}/file`])
      expectProblem(await api(other.api_key, 'GET', url), 404, 'refund_batch_not_found');
  });

  it('answers 403 module_not_enabled on every route for a tenant without the Invoices module', async () => {
    const without = await provisionTenant(t.kernel, {
      name: 'Zonder facturen BV',
      email: 'no-invoices@batches.test',
      modules: ['crm', 'api'],
    });
    const id = '00000000-0000-4000-8000-000000000000';
    const requests: ['GET' | 'POST', string][] = [
      ['POST', '/api/v1/direct_debit_batches'],
      ['GET', '/api/v1/direct_debit_batches'],
      ['GET', `/api/v1/direct_debit_batches/${id}`],
      ['GET', `/api/v1/direct_debit_batches/${id}/file`],
      ['POST', '/api/v1/refund_batches'],
      ['GET', '/api/v1/refund_batches'],
      ['GET', `/api/v1/refund_batches/${id}`],
      ['GET', `/api/v1/refund_batches/${id}/file`],
    ];
    for (const [method, url] of requests)
      expectProblem(
        await api(without.api_key, method, url, method === 'POST' ? {} : undefined),
        403,
        'module_not_enabled',
      );
  });
});

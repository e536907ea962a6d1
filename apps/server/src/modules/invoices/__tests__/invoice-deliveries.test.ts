import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionTenant } from '../../../kernel/accounts/provision-tenant.ts';
import { startSmtpSink, type SmtpSink } from '../../../test-support/smtp-sink.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { CUSTOMER, GOLDEN_LINES, SUPPLIER } from '../../../test-support/document-tenant.ts';

const INVOICE_EMAIL = 'facturen@afnemer.test';

describe('invoices: sending by e-mail, marking as sent, the sent log (API, real SMTP)', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let key: string;
  let customerId: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ SMTP_URL: sink.url });
    await t.kernel.jobs.start();
    const tenant = await t.createTenant();
    key = tenant.api_key;
    expect((await call('PATCH', '/api/v1/company', { ...SUPPLIER, email: 'info@demo.test' })).statusCode).toBe(200);
    customerId = await createCustomer({ ...CUSTOMER, invoice_email: INVOICE_EMAIL });
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, apiKey = key) =>
    t.api(apiKey, { method, url, ...(payload === undefined ? {} : { payload: payload as object }) });

  async function createCustomer(payload: object, kind: 'organizations' | 'persons' = 'organizations') {
    const response = await call('POST', `/api/v1/${kind}`, payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  }

  async function issuedInvoice(
    customer: string,
    lines: object[] = GOLDEN_LINES,
  ): Promise<{ id: string; number: string }> {
    const draft = await call('POST', '/api/v1/invoices', { customer_id: customer, issue_date: '2026-03-02', lines });
    expect(draft.statusCode, draft.body).toBe(201);
    const issued = await call('POST', `/api/v1/invoices/${draft.json().id}/finalize`);
    expect(issued.statusCode, issued.body).toBe(200);
    return issued.json();
  }

  /** Sends and waits for the job: the sent-log entry it returns as its result. */
  async function send(invoiceId: string, body: object = {}) {
    const response = await call('POST', `/api/v1/invoices/${invoiceId}/send`, body);
    expect(response.statusCode, response.body).toBe(202);
    const sending = response.json();
    expect(response.headers.location).toBe(`/api/v1/jobs/${sending.job_id}`);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const job = (await call('GET', `/api/v1/jobs/${sending.job_id}`)).json();
      if (job.state === 'completed') return { sending, delivery: job.result };
      if (job.state === 'failed' || Date.now() > deadline) throw new Error(`send job: ${JSON.stringify(job)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('mails the invoice to the customer’s invoice address with the stored PDF and UBL attached, in Dutch', async () => {
    const invoice = await issuedInvoice(customerId);
    const before = (await call('GET', `/api/v1/invoices/${invoice.id}`)).json();
    expect(before.sent_at).toBeNull();
    expect(before.has_ubl).toEqual({ peppol: true, nlcius: true });

    const { sending, delivery } = await send(invoice.id, {
      cc: ['Boekhouding@Afnemer.test'],
      message: 'Dank voor de prettige samenwerking.',
    });
    expect(sending).toMatchObject({ object: 'invoice_sending', invoice_id: invoice.id, to: INVOICE_EMAIL });
    expect(sending.cc).toEqual(['boekhouding@afnemer.test']);

    const mail = await sink.waitFor((received) => received.subject.includes(invoice.number));
    expect(mail.to).toEqual([INVOICE_EMAIL, 'boekhouding@afnemer.test']);
    expect(mail.subject).toBe(`Factuur ${invoice.number} van Clientbox Demo B.V.`);
    expect(mail.headers.from).toContain('Clientbox Demo B.V.');
    expect(mail.headers['reply-to']).toBe('info@demo.test');
    for (const expected of [
      'Geachte heer, mevrouw,',
      'Dank voor de prettige samenwerking.',
      `factuur ${invoice.number} van 2 maart 2026, voor een bedrag van € 673,73`,
      'uiterlijk 16 maart 2026',
      'NL91 ABNA 0417 1643 00',
      'Clientbox Demo B.V.',
      'als e-factuur (UBL)',
      'Met vriendelijke groet,\nClientbox Demo B.V.',
      'Dit is een automatisch bericht van Clientbox.',
      'Clientbox B.V. · ',
    ])
      expect(mail.text).toContain(expected);
    const reference = before.payment_reference.replace(/(.{4})(?=.)/g, '$1 ');
    expect(mail.text).toContain(`betalingskenmerk ${reference}`);
    expect(mail.html).toContain('lang="nl"');
    expect(mail.html).toContain('Dank voor de prettige samenwerking.');

    const pdf = await call('GET', `/api/v1/invoices/${invoice.id}/pdf`);
    const ubl = await call('GET', `/api/v1/invoices/${invoice.id}/ubl`);
    expect(mail.attachments.map((file) => [file.filename, file.contentType])).toEqual([
      [`factuur-${invoice.number}.pdf`, 'application/pdf'],
      [`factuur-${invoice.number}.xml`, 'application/xml'],
    ]);
    expect(Buffer.compare(mail.attachments[0]!.content, pdf.rawPayload)).toBe(0);
    expect(Buffer.compare(mail.attachments[1]!.content, ubl.rawPayload)).toBe(0);

    const after = (await call('GET', `/api/v1/invoices/${invoice.id}`)).json();
    expect(after.sent_at).toBe(delivery.sent_at);
    expect(delivery).toMatchObject({
      object: 'invoice_delivery',
      invoice_id: invoice.id,
      channel: 'email',
      to: INVOICE_EMAIL,
      cc: ['boekhouding@afnemer.test'],
      message_id: mail.headers['message-id'],
      note: null,
    });
    const log = (await call('GET', `/api/v1/invoices/${invoice.id}/deliveries`)).json();
    expect(log).toEqual({ object: 'list', data: [delivery], has_more: false });

    const timeline = (await call('GET', `/api/v1/organizations/${customerId}/timeline`)).json().data;
    expect(timeline.map((item: { body: string }) => item.body)).toContain(
      `Factuur ${invoice.number} verstuurd naar ${INVOICE_EMAIL} (cc boekhouding@afnemer.test)`,
    );
    const audit = (await call('GET', '/api/v1/audit_events?limit=100')).json().data;
    const sent = audit.find((event: { action: string }) => event.action === 'invoice.sent');
    expect(sent).toMatchObject({ id: delivery.id, target_type: 'invoice', target_id: invoice.id });
    expect(sent.details).toMatchObject({ number: invoice.number, to: INVOICE_EMAIL });

    // A second sending to another address: a second entry, newest first; sent_at stays the first.
    const again = await send(invoice.id, { to: 'Inkoop@Afnemer.test' });
    expect(again.sending.to).toBe('inkoop@afnemer.test');
    const second = await sink.waitFor((received) => received.to.includes('inkoop@afnemer.test'));
    expect(second.attachments).toHaveLength(2);
    const later = (await call('GET', `/api/v1/invoices/${invoice.id}/deliveries`)).json().data;
    expect(later.map((entry: { to: string }) => entry.to)).toEqual(['inkoop@afnemer.test', INVOICE_EMAIL]);
    expect((await call('GET', `/api/v1/invoices/${invoice.id}`)).json().sent_at).toBe(delivery.sent_at);
  });

  it('writes in English to an English customer, and sends a credit note likewise', async () => {
    const english = await createCustomer({
      ...CUSTOMER,
      name: 'Buyer Ltd.',
      document_locale: 'en',
      invoice_email: 'accounts@buyer.test',
    });
    const invoice = await issuedInvoice(english);
    await send(invoice.id);
    const mail = await sink.waitFor((received) => received.subject.includes(invoice.number));
    expect(mail.subject).toBe(`Invoice ${invoice.number} from Clientbox Demo B.V.`);
    for (const expected of [
      'Dear Sir or Madam,',
      `invoice ${invoice.number} of 2 March 2026, for an amount of €673.73`,
      'Please transfer the amount by 16 March 2026 to NL91 ABNA 0417 1643 00',
      'Kind regards,\nClientbox Demo B.V.',
      'This is an automated message from Clientbox.',
    ])
      expect(mail.text).toContain(expected);
    expect(mail.html).toContain('lang="en"');

    const credit = await call('POST', `/api/v1/invoices/${invoice.id}/credit_notes`, {});
    expect(credit.statusCode, credit.body).toBe(201);
    const creditNote = (await call('POST', `/api/v1/invoices/${credit.json().id}/finalize`)).json();
    await send(creditNote.id);
    const creditMail = await sink.waitFor((received) => received.subject.includes(creditNote.number));
    expect(creditMail.subject).toBe(`Credit note ${creditNote.number} from Clientbox Demo B.V.`);
    expect(creditMail.text).toContain(`This credit note corrects invoice ${invoice.number}.`);
    expect(creditMail.text).not.toContain('Please transfer');
    const ubl = await call('GET', `/api/v1/invoices/${creditNote.id}/ubl`);
    expect(creditMail.attachments.map((file) => file.filename)).toEqual([
      `creditnota-${creditNote.number}.pdf`,
      `creditnota-${creditNote.number}.xml`,
    ]);
    expect(Buffer.compare(creditMail.attachments[1]!.content, ubl.rawPayload)).toBe(0);
    expect(ubl.body).toContain('<CreditNote');
  });

  it('attaches only the PDF when no UBL could be addressed (a consumer)', async () => {
    const consumer = await createCustomer(
      {
        first_name: 'Jan',
        last_name: 'Consument',
        emails: [{ address: 'jan@consument.test' }],
        addresses: [{ type: 'postal', street: 'Laan 1', postal_code: '1234 AB', city: 'Utrecht', country: 'NL' }],
      },
      'persons',
    );
    const invoice = await issuedInvoice(consumer, [GOLDEN_LINES[0]!]);
    expect((await call('GET', `/api/v1/invoices/${invoice.id}`)).json().has_ubl).toEqual({
      peppol: false,
      nlcius: false,
    });
    await send(invoice.id);
    const mail = await sink.waitFor((received) => received.to.includes('jan@consument.test'));
    expect(mail.attachments.map((file) => file.filename)).toEqual([`factuur-${invoice.number}.pdf`]);
    expect(mail.text).toContain('De factuur zit als pdf in de bijlage.');
  });

  it('marks an invoice as sent without e-mail: an entry in the log, sent_at once', async () => {
    const invoice = await issuedInvoice(customerId);
    const posted = await call('POST', `/api/v1/invoices/${invoice.id}/mark_sent`, {
      method: 'post',
      note: 'Aangetekend',
    });
    expect(posted.statusCode, posted.body).toBe(201);
    expect(posted.json()).toMatchObject({
      object: 'invoice_delivery',
      channel: 'post',
      to: null,
      cc: [],
      message_id: null,
      note: 'Aangetekend',
    });
    const sentAt = (await call('GET', `/api/v1/invoices/${invoice.id}`)).json().sent_at;
    expect(sentAt).toBe(posted.json().sent_at);

    const other = await call('POST', `/api/v1/invoices/${invoice.id}/mark_sent`, {});
    expect(other.json().channel).toBe('other');
    expect((await call('GET', `/api/v1/invoices/${invoice.id}`)).json().sent_at).toBe(sentAt);
    const log = (await call('GET', `/api/v1/invoices/${invoice.id}/deliveries`)).json().data;
    expect(log.map((entry: { channel: string }) => entry.channel)).toEqual(['other', 'post']);
    const timeline = (await call('GET', `/api/v1/organizations/${customerId}/timeline`)).json().data;
    expect(timeline.map((item: { body: string }) => item.body)).toContain(
      `Factuur ${invoice.number} per post verstuurd: Aangetekend`,
    );
    const bad = await call('POST', `/api/v1/invoices/${invoice.id}/mark_sent`, { method: 'pigeon' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'method', code: 'invalid_delivery_method' });
  });

  it('refuses a draft (409), a customer without an address (422, field to) and bad addresses (400)', async () => {
    const draft = (await call('POST', '/api/v1/invoices', { customer_id: customerId, lines: GOLDEN_LINES })).json();
    for (const url of [`/api/v1/invoices/${draft.id}/send`, `/api/v1/invoices/${draft.id}/mark_sent`]) {
      const response = await call('POST', url, {});
      expect(response.statusCode, url).toBe(409);
      expect(response.json().code).toBe('invoice_not_issued');
    }
    expect((await call('GET', `/api/v1/invoices/${draft.id}/deliveries`)).json().data).toEqual([]);

    const silent = await createCustomer({ ...CUSTOMER, name: 'Zonder Mail B.V.' });
    const invoice = await issuedInvoice(silent);
    const refused = await call('POST', `/api/v1/invoices/${invoice.id}/send`, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('no_invoice_email');
    expect(refused.json().errors).toEqual([expect.objectContaining({ field: 'to', code: 'no_invoice_email' })]);
    const invalid = await call('POST', `/api/v1/invoices/${invoice.id}/send`, { to: 'geen-adres', cc: ['x@y'] });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors.map((error: { field: string; code: string }) => [error.field, error.code])).toEqual([
      ['to', 'invalid_email'],
      ['cc.0', 'invalid_email'],
    ]);
    // With an address given it goes, and nothing of the refused attempts is in the log.
    expect((await call('GET', `/api/v1/invoices/${invoice.id}/deliveries`)).json().data).toEqual([]);
    await send(invoice.id, { to: 'iemand@zondermail.test' });
    expect((await call('GET', `/api/v1/invoices/${invoice.id}/deliveries`)).json().data).toHaveLength(1);
  });

  it("answers 404 to another tenant on every route, and lists none of the first tenant's deliveries", async () => {
    const invoice = await issuedInvoice(customerId);
    await call('POST', `/api/v1/invoices/${invoice.id}/mark_sent`, { method: 'hand' });
    const other = await provisionTenant(t.kernel, { name: 'Ander BV', email: 'owner@ander-send.test', modules: 'all' });
    const requests = [
      ['POST', `/api/v1/invoices/${invoice.id}/send`, { to: 'x@example.test' }],
      ['POST', `/api/v1/invoices/${invoice.id}/mark_sent`, {}],
      ['GET', `/api/v1/invoices/${invoice.id}/deliveries`, undefined],
    ] as const;
    for (const [method, url, body] of requests) {
      const response = await call(method, url, body, other.api_key);
      expect(response.statusCode, url).toBe(404);
      expect(response.json().code).toBe('invoice_not_found');
    }
    expect(sink.messages.some((mail) => mail.to.includes('x@example.test'))).toBe(false);
    expect((await call('GET', `/api/v1/invoices/${invoice.id}/deliveries`)).json().data).toHaveLength(1);
  });
});

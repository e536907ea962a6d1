import { invoice as invoiceSchema, publicQuote, quote as quoteSchema } from '@clientbox/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import { startSmtpSink, type SmtpSink } from '../../../test-support/smtp-sink.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { apiOf, expectProblem, publicOf } from '../../../test-support/api-requests.ts';
import { CUSTOMER_EMAIL, emailOf, pdfText, QUOTE_LINES, readyTenant, tokenOf } from './quote-fixtures.ts';

describe('quotes: draft → send by e-mail → public page → accept with an option → invoice draft', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let acme: ProvisionedTenant;
  let customerId: string;
  let ownerEmail: string;
  let api: ReturnType<typeof apiOf>;
  let anonymous: ReturnType<typeof publicOf>;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await createTestApp({ SMTP_URL: smtp.url });
    await t.kernel.jobs.start();
    api = apiOf(t);
    anonymous = publicOf(t);
    acme = await t.createTenant();
    customerId = await readyTenant(t, acme);
    ownerEmail = await emailOf(t, acme.user_id);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const timelineKinds = async () =>
    (await api(acme.api_key, 'GET', `/api/v1/organizations/${customerId}/timeline`)).json().data as {
      kind: string;
      body: string;
      details: Record<string, unknown>;
    }[];

  it('takes the customer from the e-mail to an accepted quote and the quote to an invoice with the same totals', async () => {
    // Draft: no number, options not in the total.
    const created = await api(acme.api_key, 'POST', '/api/v1/quotes', {
      customer_id: customerId,
      lines: QUOTE_LINES,
      note: 'Prijzen exclusief reiskosten.',
    });
    expect(created.statusCode, created.body).toBe(201);
    const draft = quoteSchema.parse(created.json());
    expect(draft).toMatchObject({
      status: 'draft',
      number: null,
      revision: 1,
      public_url: null,
      customer_name: 'Afnemer B.V.',
      total_excl_vat: '850.00',
      total_vat: '178.50',
      total_incl_vat: '1028.50',
    });
    expect(draft.lines.map((line) => [line.is_optional, line.is_excluded, line.line_total])).toEqual([
      [false, false, '0.00'],
      [false, false, '850.00'],
      [true, true, '240.00'],
      [true, true, '39.90'],
      [false, false, '0.00'],
    ]);

    // Send: a number from the quote series, 30 days' validity, the PDF stored, the mail queued.
    const sentResponse = await api(acme.api_key, 'POST', `/api/v1/quotes/${draft.id}/send`);
    expect(sentResponse.statusCode, sentResponse.body).toBe(200);
    const sent = quoteSchema.parse(sentResponse.json());
    const year = sent.issue_date!.slice(0, 4);
    expect(sent).toMatchObject({ status: 'sent', number: `O${year}-00001`, revision: 1, sent_to: CUSTOMER_EMAIL });
    const validity = (Date.parse(sent.valid_until!) - Date.parse(sent.issue_date!)) / 86_400_000;
    expect(validity).toBe(30);
    expect(sent.public_url).toMatch(/^http:\/\/localhost:3000\/q\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(sent.public_url!);

    // The customer's mail: their language, the link, the PDF attached; the PDF names the number.
    const mail = await smtp.waitFor((message) => message.to.includes(CUSTOMER_EMAIL));
    expect(mail.subject).toBe(`Offerte ${sent.number} van Offertebouw B.V.`);
    expect(mail.headers['reply-to']).toContain('verkoop@offertebouw.test');
    expect(mail.text).toContain(sent.public_url!);
    expect(mail.text).toContain('€ 1.028,50');
    expect(mail.attachments.map((file) => [file.filename, file.contentType])).toEqual([
      [`offerte-${sent.number}.pdf`, 'application/pdf'],
    ]);
    const text = pdfText(mail.attachments[0]!.content);
    expect(text).toContain(`Offerte ${sent.number}`);
    expect(text).toContain('Hosting per jaar');
    expect(text).toContain('Optioneel, niet inbegrepen in het totaal');
    // The download is the same bytes as the attachment.
    const pdf = await api(acme.api_key, 'GET', `/api/v1/quotes/${draft.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(pdf.rawPayload, mail.attachments[0]!.content)).toBe(0);
    await expect
      .poll(async () => (await api(acme.api_key, 'GET', `/api/v1/quotes/${draft.id}`)).json().emailed_at, {
        timeout: 15_000,
      })
      .not.toBeNull();
    expect((await timelineKinds()).map((item) => item.kind)).toContain('quote.sent');

    // What was sent no longer changes.
    expectProblem(
      await api(acme.api_key, 'PATCH', `/api/v1/quotes/${draft.id}`, { note: 'x' }),
      409,
      'quote_not_draft',
    );
    expectProblem(await api(acme.api_key, 'DELETE', `/api/v1/quotes/${draft.id}`), 409, 'quote_not_draft');
    expectProblem(await api(acme.api_key, 'POST', `/api/v1/quotes/${draft.id}/send`), 409, 'quote_not_draft');
    expectProblem(await api(acme.api_key, 'POST', `/api/v1/quotes/${draft.id}/convert`), 409, 'quote_not_accepted');

    // The public page, without login: the first view marks it viewed, once.
    const viewed = await anonymous('GET', `/api/v1/public/quotes/${token}`);
    expect(viewed.statusCode, viewed.body).toBe(200);
    const page = publicQuote.parse(viewed.json());
    expect(page).toMatchObject({
      number: sent.number,
      status: 'viewed',
      can_respond: true,
      valid_until: sent.valid_until,
      supplier: { name: 'Offertebouw B.V.', kvk_number: '12345678' },
      customer: { name: 'Afnemer B.V.' },
      total_incl_vat: '1028.50',
      note: 'Prijzen exclusief reiskosten.',
      accepted: null,
    });
    expect(page.lines.map((line) => [line.index, line.is_optional, line.is_selected])).toEqual([
      [0, false, null],
      [1, false, null],
      [2, true, null],
      [3, true, null],
      [4, false, null],
    ]);
    await anonymous('GET', `/api/v1/public/quotes/${token}`);
    const afterView = (await api(acme.api_key, 'GET', `/api/v1/quotes/${draft.id}`)).json();
    expect(afterView.status).toBe('viewed');
    expect(afterView.viewed_at).not.toBeNull();
    expect((await timelineKinds()).filter((item) => item.kind === 'quote.viewed')).toHaveLength(1);
    const publicPdf = await anonymous('GET', `/api/v1/public/quotes/${token}/pdf`);
    expect(Buffer.compare(publicPdf.rawPayload, pdf.rawPayload)).toBe(0);

    // Accept with the hosting ticked: name, checkbox, time, IP and browser recorded.
    const accepted = await anonymous(
      'POST',
      `/api/v1/public/quotes/${token}/accept`,
      { name: 'Jan Jansen', accept_terms: true, selected_optional_lines: [2] },
      { 'user-agent': 'QuoteTest/1.0' },
    );
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      status: 'accepted',
      can_respond: false,
      total_excl_vat: '1090.00',
      total_vat: '228.90',
      total_incl_vat: '1318.90',
      accepted: { name: 'Jan Jansen', selected_optional_lines: [2] },
    });
    expect(accepted.json().lines.map((line: { is_selected: boolean | null }) => line.is_selected)).toEqual([
      null,
      null,
      true,
      false,
      null,
    ]);
    const inApp = quoteSchema.parse((await api(acme.api_key, 'GET', `/api/v1/quotes/${draft.id}`)).json());
    expect(inApp).toMatchObject({
      status: 'accepted',
      total_incl_vat: '1318.90',
      acceptance: { name: 'Jan Jansen', ip: '127.0.0.1', user_agent: 'QuoteTest/1.0', selected_optional_lines: [2] },
    });
    expect(inApp.lines.map((line) => line.is_excluded)).toEqual([false, false, false, true, false]);

    // The tenant is told by e-mail, and the acceptance is on the customer's timeline.
    const notice = await smtp.waitFor((message) => message.to.includes(ownerEmail));
    expect(notice.subject).toBe(`Offerte ${sent.number} is geaccepteerd door Afnemer B.V.`);
    expect(notice.text).toContain('Jan Jansen');
    expect(notice.text).toContain(`http://localhost:3000/quotes/${draft.id}`);
    const acceptance = (await timelineKinds()).find((item) => item.kind === 'quote.accepted');
    expect(acceptance?.body).toContain('Jan Jansen');
    expect(acceptance?.details).toMatchObject({ quote_id: draft.id, number: sent.number, total_incl_vat: '1318.90' });

    // Answered once.
    const again = { name: 'Piet', accept_terms: true };
    expectProblem(
      await anonymous('POST', `/api/v1/public/quotes/${token}/accept`, again),
      409,
      'quote_already_accepted',
    );
    expectProblem(
      await anonymous('POST', `/api/v1/public/quotes/${token}/decline`, { reason: 'Toch niet' }),
      409,
      'quote_already_accepted',
    );
    expectProblem(await api(acme.api_key, 'POST', `/api/v1/quotes/${draft.id}/revise`), 409, 'quote_not_revisable');

    // One click to an invoice draft with the accepted lines: the ticked option in, the other out.
    const converted = await api(acme.api_key, 'POST', `/api/v1/quotes/${draft.id}/convert`);
    expect(converted.statusCode, converted.body).toBe(201);
    const invoice = invoiceSchema.parse(converted.json());
    expect(converted.headers.location).toBe(`/api/v1/invoices/${invoice.id}`);
    expect(invoice).toMatchObject({
      status: 'draft',
      customer_id: customerId,
      total_excl_vat: inApp.total_excl_vat,
      total_vat: inApp.total_vat,
      total_incl_vat: inApp.total_incl_vat,
      vat_breakdown: inApp.vat_breakdown,
      note: `Volgens offerte ${sent.number}`,
    });
    expect(invoice.lines.map((line) => line.description)).toEqual([
      'Nieuwe website',
      'Ontwerp',
      'Hosting per jaar',
      'Oplevering binnen vier weken na akkoord.',
    ]);
    expect((await api(acme.api_key, 'GET', `/api/v1/quotes/${draft.id}`)).json().invoice_id).toBe(invoice.id);
    expectProblem(
      await api(acme.api_key, 'POST', `/api/v1/quotes/${draft.id}/convert`),
      409,
      'quote_already_converted',
    );
    // The draft is an ordinary invoice: it finalizes.
    const finalized = await api(acme.api_key, 'POST', `/api/v1/invoices/${invoice.id}/finalize`);
    expect(finalized.statusCode, finalized.body).toBe(200);
    expect(finalized.json().total_incl_vat).toBe('1318.90');
  });

  it('writes the e-mail and the PDF in the customer’s language', async () => {
    const english = await api(acme.api_key, 'POST', '/api/v1/organizations', {
      name: 'Buyer Ltd',
      is_customer: true,
      document_locale: 'en',
      invoice_email: 'purchasing@buyer.test',
      addresses: [{ type: 'invoice', street: '1 High Street', postal_code: 'SW1A 1AA', city: 'London', country: 'GB' }],
    });
    expect(english.statusCode, english.body).toBe(201);
    const draft = (
      await api(acme.api_key, 'POST', '/api/v1/quotes', {
        customer_id: english.json().id,
        lines: [{ description: 'Consultancy', quantity: '2', unit_code: 'HUR', unit_price: '100', vat_rate: '21' }],
      })
    ).json();
    const sent = (await api(acme.api_key, 'POST', `/api/v1/quotes/${draft.id}/send`)).json();
    expect(sent.language).toBe('en');
    const mail = await smtp.waitFor((message) => message.to.includes('purchasing@buyer.test'));
    expect(mail.subject).toBe(`Quote ${sent.number} from Offertebouw B.V.`);
    expect(mail.attachments[0]!.filename).toBe(`quote-${sent.number}.pdf`);
    expect(pdfText(mail.attachments[0]!.content)).toContain(`Quote ${sent.number}`);
  });
});

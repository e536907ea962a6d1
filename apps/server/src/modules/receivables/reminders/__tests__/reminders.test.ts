import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { amsterdamDate, formatAmount, parseAmount } from '@clientbox/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionTenant, type ProvisionedTenant } from '../../../../kernel/accounts/provision-tenant.ts';
import { apiOf, expectProblem, fieldErrors, okOf } from '../../../../test-support/api-requests.ts';
import { CUSTOMER, GOLDEN_LINES, SUPPLIER } from '../../../../test-support/document-tenant.ts';
import { startSmtpSink, type SmtpSink } from '../../../../test-support/smtp-sink.ts';
import { createTestApp, type TestApp } from '../../../../test-support/test-app.ts';
import {
  entry,
  statementOf,
  transaction,
  uploadStatement,
} from '../../bank-statements/__tests__/bank-statement-fixtures.ts';
import { addDays } from '../../domain/calendar-date.ts';
import { buildCamt053 } from '../../statements/__tests__/build-camt053.ts';
import { statutoryCharges } from '../../domain/statutory-charges.ts';
import { STATUTORY_INTEREST_RATES } from '../../domain/statutory-interest-rates.ts';
import { wikCollectionCosts } from '../../domain/wik-collection-costs.ts';

const pdfText = (bytes: Buffer) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'reminder-')), 'letter.pdf');
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};

describe('reminders: schedule, daily job, charges, pauses, history (API)', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let acme: ProvisionedTenant;
  let api: ReturnType<typeof apiOf>;
  let ok: ReturnType<typeof okOf>;
  let customerId: string;
  const today = amsterdamDate();

  /** Moves the clock of scheduled work to `days` after today and runs that day's daily job. */
  async function moveClock(days: number) {
    const response = await t.app.inject({ method: 'PUT', url: '/api/v1/dev/clock', payload: { offset_days: days } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ today: addDays(today, days), failed_tasks: 0 });
  }

  async function issue(customer: string) {
    const draft = await ok(acme, 'POST', '/api/v1/invoices', {
      customer_id: customer,
      lines: GOLDEN_LINES,
      payment_term_days: 14,
    });
    return (await ok(acme, 'POST', `/api/v1/invoices/${draft.id}/finalize`)) as {
      id: string;
      number: string;
      amount_due: string;
      due_date: string;
    };
  }

  async function sentReminders(invoiceId: string, count: number) {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const list = await ok(acme, 'GET', `/api/v1/reminders?invoice_id=${invoiceId}`);
      if (list.data.length === count && list.data.every((r: { status: string }) => r.status === 'sent'))
        return list.data;
      if (Date.now() > deadline) throw new Error(`reminders not sent: ${JSON.stringify(list.data)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ SMTP_URL: sink.url, CLOCK_ADJUSTABLE: 'true' });
    await t.kernel.jobs.start();
    api = apiOf(t);
    ok = okOf(t);
    acme = await t.createTenant('Herinnering BV');
    await ok(acme, 'PATCH', '/api/v1/company', SUPPLIER);
    customerId = (
      await ok(acme, 'POST', '/api/v1/organizations', { ...CUSTOMER, invoice_email: 'crediteuren@afnemer.test' })
    ).id;
  });

  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('has the §4.5 schedule until changed, and checks a change field by field', async () => {
    const settings = await ok(acme, 'GET', '/api/v1/reminder_settings');
    expect(settings).toMatchObject({
      mode: 'review',
      charges: 'statutory',
      invoice_charges: false,
      clause: { interest_percent_per_started_month: '1', costs_percent: '12', costs_minimum: '50.00' },
      levels: [
        { days_after_due: 7, kind: 'reminder', include_charges: false },
        { days_after_due: 21, kind: 'reminder', include_charges: false },
        { days_after_due: 35, kind: 'final_notice', include_charges: true },
      ],
      updated_at: null,
    });
    const wrong = await api(acme.api_key, 'PATCH', '/api/v1/reminder_settings', {
      levels: [
        { days_after_due: 21, kind: 'reminder', include_charges: false },
        { days_after_due: 7, kind: 'final_notice', include_charges: true },
      ],
      charges: 'sometimes',
    });
    expectProblem(wrong, 400, 'validation_failed');
    expect(fieldErrors(wrong)).toMatchObject({ levels: 'levels_not_ascending', charges: 'invalid_charge_rule' });
    const saved = await ok(acme, 'PATCH', '/api/v1/reminder_settings', { mode: 'automatic' });
    expect(saved).toMatchObject({ mode: 'automatic', charges: 'statutory' });
    expect(saved.updated_at).not.toBeNull();
  });

  it('the daily job sends level 1 on due + 7 days with the letter as PDF, once per day and level', async () => {
    const invoice = await issue(customerId);
    expect(invoice.due_date).toBe(addDays(today, 14));
    expect((await ok(acme, 'GET', '/api/v1/reminders/due')).data).toEqual([]);

    await moveClock(20); // due + 6: not yet
    expect((await ok(acme, 'GET', `/api/v1/reminders?invoice_id=${invoice.id}`)).data).toEqual([]);

    await moveClock(21); // due + 7
    const [first] = await sentReminders(invoice.id, 1);
    expect(first).toMatchObject({
      level: 1,
      kind: 'reminder',
      reckoned_on: addDays(today, 21),
      principal_due: invoice.amount_due,
      interest: '0.00',
      costs: '0.00',
      trigger: 'daily',
      recipient: 'crediteuren@afnemer.test',
      fourteen_day_letter: null,
    });
    const mail = await sink.waitFor((m) => m.subject.includes(`Betalingsherinnering: factuur ${invoice.number}`));
    expect(mail.to).toContain('crediteuren@afnemer.test');
    expect(mail.text).toContain(`factuur ${invoice.number}`);
    const attachment = mail.attachments.find((a) => a.contentType === 'application/pdf')!;
    expect(attachment.content.subarray(0, 5).toString()).toBe('%PDF-');
    const letter = pdfText(attachment.content);
    expect(letter).toContain('Betalingsherinnering');
    expect(letter).toContain(SUPPLIER.iban);
    expect(letter).toContain('Stationsplein 10');

    const pdf = await api(acme.api_key, 'GET', first.pdf_url);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.equals(attachment.content)).toBe(true);

    // The same day again, and a second process: nothing more.
    await moveClock(21);
    await t.kernel.daily.runAll(addDays(today, 21));
    expect((await ok(acme, 'GET', `/api/v1/reminders?invoice_id=${invoice.id}`)).data).toHaveLength(1);
  });

  it('the final notice states statutory interest and the WIK costs, and invoices them when chosen', async () => {
    await ok(acme, 'PATCH', '/api/v1/reminder_settings', { invoice_charges: true });
    const invoice = await issue(customerId);
    // The daily job runs once a day: day 21 has run, so this invoice's letters come a day later.
    await moveClock(22);
    await moveClock(36);
    await moveClock(50); // due + 36: final notice
    const letters = await sentReminders(invoice.id, 3);
    const final = letters.find((r: { level: number }) => r.level === 3);
    const principal = parseAmount(invoice.amount_due);
    const expected = statutoryCharges({
      principal,
      dueDate: invoice.due_date,
      paidOn: addDays(today, 50),
      customerKind: 'b2b',
      rates: STATUTORY_INTEREST_RATES,
    });
    const wik = wikCollectionCosts(principal);
    expect(expected.costs).toBe(wik > 4000n ? wik : 4000n);
    expect(expected.interest).toBeGreaterThan(0n);
    expect(final).toMatchObject({
      kind: 'final_notice',
      interest: formatAmount(expected.interest),
      costs: formatAmount(expected.costs),
      total_due: formatAmount(principal + expected.interest + expected.costs),
      interest_rule: 'statutory',
    });
    const mail = await sink.waitFor((m) => m.subject.startsWith(`Aanmaning: factuur ${invoice.number}`));
    expect(mail.text).toContain('rente en incassokosten');

    expect(final.cost_invoice_id).toEqual(expect.any(String));
    const costInvoice = await ok(acme, 'GET', `/api/v1/invoices/${final.cost_invoice_id}`);
    expect(costInvoice).toMatchObject({ status: expect.stringMatching(/^(issued|open|sent)$/) });
    expect(costInvoice.lines.map((line: { vat_category: string }) => line.vat_category)).toEqual(['O', 'O']);
    expect(costInvoice.total_incl_vat).toBe(formatAmount(expected.interest + expected.costs));
    expect(costInvoice.total_vat).toBe('0.00');

    // Art. 6:44 BW: money received for the invoice pays the charges first, then the principal.
    const charges = expected.interest + expected.costs;
    const paying = (id: string, amount: bigint, reference: string, text = `Factuur ${invoice.number}`) =>
      buildCamt053(
        statementOf(id, [
          entry(
            amount,
            'CRDT',
            [
              transaction({
                counterparty: { name: 'Afnemer B.V.', iban: 'NL02ABNA0123456789' },
                remittance: { unstructured: text, structured: null },
              }),
            ],
            { bankReference: reference },
          ),
        ]),
      );
    const first = await uploadStatement(t, acme, 'partial.xml', paying('ST-1', charges - 100n, 'REF-1'));
    expect(first.statusCode, first.body).toBe(201);
    expect((await ok(acme, 'GET', `/api/v1/invoices/${final.cost_invoice_id}`)).amount_due).toBe('1.00');
    expect((await ok(acme, 'GET', `/api/v1/invoices/${invoice.id}`)).amount_due).toBe(invoice.amount_due);
    const rest = principal + 100n;
    const second = await uploadStatement(t, acme, 'rest.xml', paying('ST-2', rest, 'REF-2'));
    expect(second.statusCode, second.body).toBe(201);
    expect((await ok(acme, 'GET', `/api/v1/invoices/${final.cost_invoice_id}`)).amount_due).toBe('0.00');
    const paid = await ok(acme, 'GET', `/api/v1/invoices/${invoice.id}`);
    expect(paid).toMatchObject({ amount_due: '0.00', status: 'paid' });
    const statement = await ok(acme, 'GET', `/api/v1/bank_statements/${second.json().statements[0].id}`);
    expect(statement.entries[0]).toMatchObject({ status: 'booked', booked_amount: formatAmount(rest) });
    expect(statement.entries[0].note).toContain('art. 6:44 BW');

    // A transfer that names the charges invoice after the charges were paid is for the same claim.
    const next = await issue(customerId);
    await moveClock(65);
    await moveClock(79);
    await moveClock(93);
    const [notice] = (await sentReminders(next.id, 3)).filter((r: { level: number }) => r.level === 3);
    const noticeCharges = parseAmount(notice.interest) + parseAmount(notice.costs);
    const costNumber = (await ok(acme, 'GET', `/api/v1/invoices/${notice.cost_invoice_id}`)).number;
    await uploadStatement(t, acme, 'charges.xml', paying('ST-3', noticeCharges, 'REF-3', `Factuur ${next.number}`));
    const third = await uploadStatement(t, acme, 'named.xml', paying('ST-4', principal, 'REF-4', `Nota ${costNumber}`));
    const detail = await ok(acme, 'GET', `/api/v1/bank_statements/${third.json().statements[0].id}`);
    expect(detail.entries[0]).toMatchObject({
      status: 'booked',
      invoice_id: next.id,
      booked_amount: invoice.amount_due,
    });
    expect(await ok(acme, 'GET', `/api/v1/invoices/${next.id}`)).toMatchObject({ status: 'paid' });
    await ok(acme, 'PATCH', '/api/v1/reminder_settings', { invoice_charges: false });
  });

  it('review mode: nothing is sent by the daily job; the review list sends what is picked', async () => {
    await ok(acme, 'PATCH', '/api/v1/reminder_settings', { mode: 'review' });
    const invoice = await issue(customerId);
    const later = await issue(customerId);
    await moveClock(60); // a day never run before
    expect((await ok(acme, 'GET', `/api/v1/reminders?invoice_id=${invoice.id}`)).data).toEqual([]);
    const due = await ok(acme, 'GET', '/api/v1/reminders/due');
    const row = due.data.find((d: { invoice_id: string }) => d.invoice_id === invoice.id);
    expect(row).toMatchObject({ level: 1, kind: 'reminder', days_overdue: 46, recipient: 'crediteuren@afnemer.test' });

    const run = await ok(acme, 'POST', '/api/v1/reminders/send', { invoice_ids: [invoice.id] });
    expect(run.sent).toHaveLength(1);
    expect(run.sent[0]).toMatchObject({ invoice_id: invoice.id, level: 1, trigger: 'manual' });
    await sentReminders(invoice.id, 1);
    // Sent today already: the next level waits a week, whatever the schedule says.
    const again = await ok(acme, 'POST', '/api/v1/reminders/send', { invoice_ids: [invoice.id] });
    expect(again).toMatchObject({ sent: [], skipped: [{ invoice_id: invoice.id, reason: 'not_due' }] });
    expect((await ok(acme, 'GET', `/api/v1/reminders?invoice_id=${later.id}`)).data).toEqual([]);
  });

  it('a paused customer gets nothing until the pause ends; the history shows both days', async () => {
    await moveClock(70);
    const other = (await ok(acme, 'POST', '/api/v1/organizations', {
      ...CUSTOMER,
      name: 'Geschil B.V.',
      kvk_number: '11223344',
      invoice_email: 'geschil@example.test',
    })) as { id: string };
    const invoice = await issue(other.id);
    await moveClock(0);
    const pause = await ok(acme, 'POST', '/api/v1/collection_pauses', {
      customer_id: other.id,
      reason: 'Betwist: levering onvolledig',
    });
    expect(pause).toMatchObject({ paused_on: today, until: null, ended_on: null, active: true });
    expectProblem(
      await api(acme.api_key, 'POST', '/api/v1/collection_pauses', { customer_id: other.id, reason: 'nog eens' }),
      409,
      'collection_pause_exists',
    );
    await moveClock(30);
    const run = await ok(acme, 'POST', '/api/v1/reminders/send', { invoice_ids: [invoice.id] });
    expect(run).toMatchObject({ sent: [], skipped: [{ invoice_id: invoice.id, reason: 'paused' }] });
    expect(
      (await ok(acme, 'GET', '/api/v1/reminders/due')).data.some(
        (d: { invoice_id: string }) => d.invoice_id === invoice.id,
      ),
    ).toBe(false);

    const ended = await ok(acme, 'POST', `/api/v1/collection_pauses/${pause.id}/end`);
    expect(ended).toMatchObject({ ended_on: addDays(today, 30), active: false });
    expectProblem(
      await api(acme.api_key, 'POST', `/api/v1/collection_pauses/${pause.id}/end`),
      409,
      'collection_pause_ended',
    );
    const sent = await ok(acme, 'POST', '/api/v1/reminders/send', { invoice_ids: [invoice.id] });
    expect(sent.sent).toHaveLength(1);

    const history = await ok(acme, 'GET', `/api/v1/collection_history?invoice_id=${invoice.id}`);
    expect(history.active_pause).toBeNull();
    expect(history.data.map((e: { kind: string; on: string }) => [e.kind, e.on])).toEqual([
      ['pause_started', today],
      ['pause_ended', addDays(today, 30)],
      ['reminder', addDays(today, 30)],
    ]);
    const byCustomer = await ok(acme, 'GET', `/api/v1/collection_history?customer_id=${other.id}`);
    expect(byCustomer.data).toHaveLength(3);
    await ok(acme, 'POST', `/api/v1/invoices/${invoice.id}/payments`, {
      amount: invoice.amount_due,
      // A payment is a fact of the real day; only scheduled work follows the moved clock.
      paid_on: today,
      method: 'bank_transfer',
    });
    const paid = await ok(acme, 'GET', `/api/v1/collection_history?invoice_id=${invoice.id}`);
    expect(paid.data.find((e: { kind: string }) => e.kind === 'payment')).toMatchObject({
      on: today,
      amount: invoice.amount_due,
      detail: 'bank_transfer',
    });
  });

  it('a consumer first gets the 14-day letter with the exact WIK costs; costs only after its term', async () => {
    await moveClock(0);
    const person = (await ok(acme, 'POST', '/api/v1/persons', {
      first_name: 'Els',
      last_name: 'de Vries',
      emails: [{ address: 'els@example.test' }],
      addresses: [{ type: 'postal', street: 'Dorpsstraat 3', postal_code: '1234 AB', city: 'Ergens', country: 'NL' }],
    })) as { id: string };
    const invoice = await issue(person.id);
    await moveClock(21);
    const [letter] = (await ok(acme, 'POST', '/api/v1/reminders/send', { invoice_ids: [invoice.id] })).sent;
    const wik = wikCollectionCosts(parseAmount(invoice.amount_due));
    expect(letter.fourteen_day_letter).toEqual({ expires_on: addDays(today, 35), costs: formatAmount(wik) });
    const mail = await sink.waitFor((m) => m.to.includes('els@example.test'));
    expect(mail.text).toContain('binnen 14 dagen na ontvangst');
  });

  it('another tenant sees none of it (404), and a tenant without Invoices gets 403', async () => {
    const other = await t.createTenant('Ander BV');
    const [mine] = (await ok(acme, 'GET', '/api/v1/reminders')).data;
    const pauses = (await ok(acme, 'GET', '/api/v1/collection_pauses')).data;
    expectProblem(await api(other.api_key, 'GET', `/api/v1/reminders/${mine.id}`), 404, 'reminder_not_found');
    expectProblem(await api(other.api_key, 'GET', `/api/v1/reminders/${mine.id}/pdf`), 404, 'reminder_not_found');
    expectProblem(
      await api(other.api_key, 'POST', `/api/v1/collection_pauses/${pauses[0].id}/end`),
      404,
      'collection_pause_not_found',
    );
    expectProblem(
      await api(other.api_key, 'GET', `/api/v1/collection_history?invoice_id=${mine.invoice_id}`),
      404,
      'invoice_not_found',
    );
    const history = await api(other.api_key, 'GET', `/api/v1/collection_history?customer_id=${customerId}`);
    expectProblem(history, 400, 'validation_failed');
    expect(fieldErrors(history)).toEqual({ customer_id: 'customer_not_found' });
    expect((await ok(other, 'GET', '/api/v1/reminders')).data).toEqual([]);
    expect((await ok(other, 'GET', '/api/v1/reminders/due')).data).toEqual([]);

    const without = await provisionTenant(t.kernel, {
      name: 'Zonder facturen BV',
      email: 'no-invoices@reminders.test',
      modules: ['crm', 'api'],
    });
    for (const [method, url] of [
      ['GET', '/api/v1/reminder_settings'],
      ['GET', '/api/v1/reminders/due'],
      ['POST', '/api/v1/reminders/send'],
      ['GET', `/api/v1/collection_history?customer_id=${customerId}`],
      ['POST', '/api/v1/collection_pauses'],
    ] as const)
      expectProblem(
        await api(
          without.api_key,
          method,
          url,
          method === 'POST' ? (url.endsWith('pauses') ? { customer_id: customerId, reason: 'x' } : {}) : undefined,
        ),
        403,
        'module_not_enabled',
      );
  });
});

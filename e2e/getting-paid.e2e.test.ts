import { amsterdamDate, formatAmount, formatMoney, parseAmount, type Cents } from '@clientbox/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../apps/server/src/modules/invoices/documents/__tests__/pdf-test-tools.ts';
import { addDays } from '../apps/server/src/modules/receivables/domain/calendar-date.ts';
import { statutoryCharges } from '../apps/server/src/modules/receivables/domain/statutory-charges.ts';
import { STATUTORY_INTEREST_RATES } from '../apps/server/src/modules/receivables/domain/statutory-interest-rates.ts';
import { wikCollectionCosts } from '../apps/server/src/modules/receivables/domain/wik-collection-costs.ts';
import { COMPLETE_COMPANY_PROFILE, fillCompanyProfile } from './support/company-profile.ts';
import { WAIT } from './support/constants.ts';
import { moveClock } from './support/dev-clock.ts';
import { setUpJourney } from './support/journey-setup.ts';
import { openPage } from './support/open-page.ts';
import { signUpOwner } from './support/owner-sign-up.ts';
import { callApi } from './support/page-api.ts';
import { fitsPhone, PHONE } from './support/viewport.ts';
import { dutchText as nl } from './support/web-texts.ts';
import { downloadBytes } from './support/downloads.ts';

/** A letter is written, rendered to PDF and mailed by a job: on a busy machine that takes a while. */
const MAIL_WAIT = 60_000;

const CREDITOR_ID = 'NL69ZZZ123456780000';
const CUSTOMER = 'Bakkerij De Korenbloem B.V.';
const CUSTOMER_IBAN = 'NL02ABNA0123456789';

interface IssuedInvoice {
  id: string;
  number: string;
  due_date: string;
  amount_due: string;
  payment_reference: string | null;
}

interface SentReminder {
  id: string;
  level: number;
  kind: string;
  status: string;
  interest: string;
  costs: string;
  total_due: string;
  cost_invoice_id: string | null;
}

/** A credit on the own account as a bank reports it in a camt.053: one payment, or one transaction of a batch. */
interface Credit {
  amount: Cents;
  name: string;
  iban: string;
  reference: string;
  text?: string;
  /** Strd/CdtrRefInf: the RF reference the payer typed. */
  creditorReference?: string;
  endToEndId?: string;
  mandateId?: string;
}

/**
 * A camt.053.001.02 day statement of the own account whose balances add up: each credit its own
 * entry, except `batch`, which the bank books as one credit (BtchBookg) with a TxDtls per collection.
 */
function camt053(statementId: string, credits: Credit[], batch?: { paymentInformationId: string; credits: Credit[] }) {
  const day = amsterdamDate();
  const iban = COMPLETE_COMPANY_PROFILE.iban;
  const opening = parseAmount('1000.00');
  const all = [...credits, ...(batch?.credits ?? [])];
  const closing = all.reduce((sum, credit) => sum + credit.amount, opening);
  const amount = (cents: Cents) => `<Amt Ccy="EUR">${formatAmount(cents)}</Amt>`;
  const balance = (code: string, cents: Cents) =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp>${amount(cents)}` +
    `<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>${day}</Dt></Dt></Bal>`;
  const details = (credit: Credit, paymentInformationId?: string) =>
    `<TxDtls><Refs>${paymentInformationId ? `<PmtInfId>${paymentInformationId}</PmtInfId>` : ''}` +
    `<EndToEndId>${credit.endToEndId ?? 'NOTPROVIDED'}</EndToEndId>` +
    `${credit.mandateId ? `<MndtId>${credit.mandateId}</MndtId>` : ''}</Refs>` +
    `<AmtDtls><TxAmt>${amount(credit.amount)}</TxAmt></AmtDtls>` +
    `<RltdPties><Dbtr><Nm>${credit.name}</Nm></Dbtr><DbtrAcct><Id><IBAN>${credit.iban}</IBAN></Id></DbtrAcct>` +
    `<CdtrAcct><Id><IBAN>${iban}</IBAN></Id></CdtrAcct></RltdPties>` +
    `<RmtInf>${credit.text ? `<Ustrd>${credit.text}</Ustrd>` : ''}` +
    (credit.creditorReference
      ? `<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>ISO</Issr></Tp>` +
        `<Ref>${credit.creditorReference}</Ref></CdtrRefInf></Strd>`
      : '') +
    `</RmtInf></TxDtls>`;
  const entry = (total: Cents, reference: string, [family, subFamily]: [string, string], inner: string) =>
    `<Ntry>${amount(total)}<CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>` +
    `<BookgDt><Dt>${day}</Dt></BookgDt><ValDt><Dt>${day}</Dt></ValDt><AcctSvcrRef>${reference}</AcctSvcrRef>` +
    `<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>${family}</Cd><SubFmlyCd>${subFamily}</SubFmlyCd></Fmly></Domn></BkTxCd>` +
    `<NtryDtls>${inner}</NtryDtls></Ntry>`;
  const entries = credits.map((credit) => entry(credit.amount, credit.reference, ['RCDT', 'ESCT'], details(credit)));
  if (batch)
    entries.push(
      entry(
        batch.credits.reduce((sum, credit) => sum + credit.amount, 0n),
        `${statementId}-batch`,
        ['IDDT', 'ESDD'],
        `<Btch><PmtInfId>${batch.paymentInformationId}</PmtInfId><NbOfTxs>${batch.credits.length}</NbOfTxs></Btch>` +
          batch.credits.map((credit) => details(credit, batch.paymentInformationId)).join(''),
      ),
    );
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>` +
    `<GrpHdr><MsgId>CAMT-${statementId}</MsgId><CreDtTm>${day}T06:00:00+01:00</CreDtTm></GrpHdr>` +
    `<Stmt><Id>${statementId}</Id><CreDtTm>${day}T06:00:00+01:00</CreDtTm>` +
    `<Acct><Id><IBAN>${iban}</IBAN></Id><Ccy>EUR</Ccy></Acct>` +
    balance('OPBD', opening) +
    balance('CLBD', closing) +
    entries.join('') +
    `</Stmt></BkToCstmrStmt></Document>`
  );
}

const events = (page: Page, kind: string) =>
  page.getByTestId('collection-history').locator(`[data-testid="collection-event"][data-kind="${kind}"]`);
/** Text with every run of white space (also the no-break space money is written with) as one space. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ');
const euro = (amount: string | Cents) => formatMoney(typeof amount === 'string' ? parseAmount(amount) : amount, 'nl');

describe(`browser journey: getting paid — reminders by the daily job, a final notice with charges, a mandate, a direct debit and a bank statement (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  const journey = setUpJourney({ CLOCK_ADJUSTABLE: 'true' });

  it('overdue invoice → reminder by the daily job → final notice with interest and costs → mandate signed online → direct-debit file → statement imported → paid', async () => {
    const run = `gettingpaid${Date.now()}`;
    const billing = `administratie-${run}@korenbloem.test`;
    const today = amsterdamDate();
    const { page, errors } = await openPage(journey);

    // 1. The business signs up, with what invoices and direct debits need in its profile; a
    // customer that receives its invoices by e-mail; an invoice of € 3.025,00 due in 14 days.
    await signUpOwner(page, journey.smtp, {
      company: `Bakkersgroothandel ${run} BV`,
      name: 'Ilse Incasso',
      email: `owner-${run}@journey.test`,
    });
    await fillCompanyProfile(page, { sepa_creditor_id: CREDITOR_ID });
    const customer = await callApi(page, 'POST', '/api/v1/organizations', {
      name: CUSTOMER,
      is_customer: true,
      invoice_email: billing,
      addresses: [{ type: 'invoice', street: 'Dorpsstraat 12', postal_code: '3811 AB', city: 'Amersfoort' }],
    });
    const draft = await callApi(page, 'POST', '/api/v1/invoices', {
      customer_id: customer.id,
      payment_term_days: 14,
      lines: [{ description: 'Meel en gist, oktober', quantity: '1', unit_price: '2500.00', vat_rate: '21' }],
    });
    const invoice = await callApi<IssuedInvoice>(page, 'POST', `/api/v1/invoices/${draft.id}/finalize`);
    expect(invoice).toMatchObject({ due_date: addDays(today, 14), amount_due: '3025.00' });
    expect(invoice.payment_reference).toMatch(/^RF\d{2}/);

    // 2. The reminder schedule: the daily job sends (automatic), the charges of the law, and the
    // final notice's charges invoiced on a separate rentenota (no VAT on damages).
    await page.goto('/receivables/reminders/settings');
    await expect.poll(() => page.getByTestId('reminder-settings-form').isVisible(), WAIT).toBe(true);
    await page.getByTestId('reminder-settings-mode-automatic').check();
    expect(await page.getByTestId('reminder-settings-charges-statutory').isChecked()).toBe(true);
    await page.getByTestId('reminder-settings-invoice-charges').check();
    await page.getByTestId('reminder-settings-save').click();
    await expect.poll(() => page.getByText(nl('reminders.settings_saved')).isVisible(), WAIT).toBe(true);
    expect(await callApi(page, 'GET', '/api/v1/reminder_settings')).toMatchObject({
      mode: 'automatic',
      charges: 'statutory',
      invoice_charges: true,
    });

    // 3. A week after the due date the daily job sends the first reminder, with its PDF.
    await moveClock(journey.app, 21);
    const first = await journey.smtp.waitFor(
      (mail) => mail.to.includes(billing) && mail.subject.startsWith(`Betalingsherinnering: factuur ${invoice.number}`),
      MAIL_WAIT,
    );
    expect(first.attachments.map((attachment) => attachment.contentType)).toEqual(['application/pdf']);
    expect(pdfText(first.attachments[0]!.content)).toContain(invoice.number);
    await page.goto(`/invoices/${invoice.id}`);
    await expect.poll(() => events(page, 'reminder').count(), WAIT).toBe(1);
    expect(await events(page, 'reminder').getByTestId('collection-event-title').textContent()).toBe(
      nl('collections.event.reminder', { letter: nl('reminders.kind.reminder', { level: 1 }) }),
    );

    // 4. The second reminder (due + 21), then the final notice (due + 35) with the statutory
    // commercial interest to that day and the WIK costs (at least € 40), as the law computes them.
    await moveClock(journey.app, 35);
    await journey.smtp.waitFor(
      (mail) =>
        mail.to.includes(billing) && mail.subject.startsWith(`Tweede betalingsherinnering: factuur ${invoice.number}`),
      MAIL_WAIT,
    );
    await moveClock(journey.app, 49);
    const finalMail = await journey.smtp.waitFor(
      (mail) => mail.to.includes(billing) && mail.subject.startsWith(`Aanmaning: factuur ${invoice.number}`),
      MAIL_WAIT,
    );
    const principal = parseAmount(invoice.amount_due);
    const expected = statutoryCharges({
      principal,
      dueDate: invoice.due_date,
      paidOn: addDays(today, 49),
      customerKind: 'b2b',
      rates: STATUTORY_INTEREST_RATES,
    });
    const wik = wikCollectionCosts(principal);
    expect(expected.interest).toBeGreaterThan(0n);
    expect(expected.costs).toBe(wik > 4000n ? wik : 4000n);
    const totalDue = principal + expected.interest + expected.costs;
    const letter = oneLine(pdfText(finalMail.attachments[0]!.content));
    expect(letter).toContain(oneLine(`Rente ${euro(expected.interest)}`));
    expect(letter).toContain(oneLine(`Incassokosten ${euro(expected.costs)}`));
    const letters = await callApi<{ data: SentReminder[] }>(page, 'GET', `/api/v1/reminders?invoice_id=${invoice.id}`);
    const finalNotice = letters.data.find((reminder) => reminder.kind === 'final_notice')!;
    expect(finalNotice).toMatchObject({
      level: 3,
      interest: formatAmount(expected.interest),
      costs: formatAmount(expected.costs),
      total_due: formatAmount(totalDue),
    });

    // The screens: the three letters sent by the daily job; the final notice's total (principal,
    // interest and costs) in the list and in the invoice's history.
    await page.goto('/receivables/reminders');
    const finalRow = page.locator(`[data-testid="sent-reminder"][data-id="${finalNotice.id}"]`);
    await expect.poll(() => finalRow.getAttribute('data-status'), WAIT).toBe('sent');
    expect(await page.getByTestId('sent-reminder').count()).toBe(3);
    expect(await finalRow.getByTestId('sent-reminder-letter').textContent()).toBe(
      `${nl('reminders.kind.final_notice')}${nl('reminders.trigger.daily')}`,
    );
    expect(await finalRow.textContent()).toContain(euro(totalDue));
    await page.goto(`/invoices/${invoice.id}`);
    await expect.poll(() => events(page, 'reminder').count(), WAIT).toBe(3);
    const finalEvent = events(page, 'reminder').nth(2);
    expect(await finalEvent.getByTestId('collection-event-title').textContent()).toBe(
      nl('collections.event.reminder', { letter: nl('reminders.kind.final_notice') }),
    );
    expect(await finalEvent.textContent()).toContain(euro(totalDue));
    const rentenota = await callApi<IssuedInvoice>(page, 'GET', `/api/v1/invoices/${finalNotice.cost_invoice_id}`);
    expect(rentenota.amount_due).toBe(formatAmount(expected.interest + expected.costs));

    // 5. The owner asks the customer for a direct-debit mandate from its page, e-mailed to its
    // invoice address; the customer opens the link on a phone and signs.
    await page.goto(`/crm/organizations/${customer.id}`);
    await expect.poll(() => page.getByTestId('customer-mandates-empty').isVisible(), WAIT).toBe(true);
    await page.getByTestId('mandate-request').click();
    await page.getByTestId('mandate-request-by-email').check();
    await page.getByTestId('mandate-request-dialog-confirm').click();
    await expect.poll(() => page.getByTestId('mandate-request-sent').isVisible(), WAIT).toBe(true);
    const requestId = (await page.getByTestId('mandate-request-created').getAttribute('data-id'))!;
    const link = await page.getByTestId('mandate-signing-link').inputValue();
    await page.getByTestId('mandate-request-done').click();
    await journey.smtp.waitFor((mail) => mail.to.includes(billing) && mail.text.includes(link), MAIL_WAIT);

    const debtor = await openPage(journey, { viewport: PHONE, locale: 'nl-NL' });
    await debtor.page.goto(link);
    await expect.poll(() => debtor.page.getByTestId('public-mandate-sign').isVisible(), WAIT).toBe(true);
    expect(await debtor.page.getByTestId('public-mandate').textContent()).toContain(CREDITOR_ID);
    await fitsPhone(debtor.page, 'public-mandate-sign');
    await debtor.page.getByTestId('public-mandate-name').fill('Jan de Bakker');
    await debtor.page.getByTestId('public-mandate-iban').fill('NL02 ABNA 0123 4567 89');
    await debtor.page.getByTestId('public-mandate-place').fill('Amersfoort');
    await debtor.page.getByTestId('public-mandate-accept').check();
    await debtor.page.getByTestId('public-mandate-submit').click();
    await expect.poll(() => debtor.page.getByTestId('public-mandate-signed').isVisible(), WAIT).toBe(true);
    expect(debtor.errors).toEqual([]);
    await debtor.context.close();

    const mandateRow = page.locator(`[data-testid="mandate-row"][data-id="${requestId}"]`);
    await expect.poll(() => mandateRow.getAttribute('data-status'), { timeout: 20_000 }).toBe('active');
    const mandateId = (await mandateRow.getByTestId('mandate-id').textContent())!;

    // 6. A direct debit collects only invoices issued for it (payment_means direct_debit, else
    // `not_direct_debit` in pick-collections.ts): the overdue invoice asked for a bank transfer and
    // an issued invoice cannot change how it is paid. So the customer pays the overdue invoice and
    // its rentenota by transfer, and from now on is invoiced for collection: the next invoice
    // names the mandate (its pre-notification) and goes into the batch.
    const nextDraft = await callApi(page, 'POST', '/api/v1/invoices', {
      customer_id: customer.id,
      payment_term_days: 14,
      payment_means: 'direct_debit',
      mandate_reference: mandateId,
      lines: [{ description: 'Meel en gist, november', quantity: '1', unit_price: '800.00', vat_rate: '21' }],
    });
    const collected = await callApi<IssuedInvoice>(page, 'POST', `/api/v1/invoices/${nextDraft.id}/finalize`);

    await page.getByTestId('nav-direct-debits').click();
    await expect.poll(() => page.getByTestId('direct-debits-empty').isVisible(), WAIT).toBe(true);
    await page.getByTestId('direct-debit-new').click();
    await page.getByTestId('direct-debit-create-dialog-confirm').click();
    await expect.poll(() => page.getByTestId('direct-debit-page').isVisible(), WAIT).toBe(true);
    const item = page.getByTestId('direct-debit-item');
    expect(await item.count()).toBe(1);
    expect(await item.getByTestId('direct-debit-item-invoice').textContent()).toBe(collected.number);
    const pain008 = (await downloadBytes(page, page.getByTestId('direct-debit-download'))).toString('utf8');
    expect(pain008).toContain('urn:iso:std:iso:20022:tech:xsd:pain.008.001.02');
    expect(pain008).toContain(`<EndToEndId>${collected.number}</EndToEndId>`);
    expect(pain008).toContain(`<MndtId>${mandateId}</MndtId>`);
    expect(pain008).toContain(`<SeqTp>FRST</SeqTp>`);
    expect(pain008).toContain(`<IBAN>${CUSTOMER_IBAN}</IBAN>`);
    const paymentInformationId = /<PmtInfId>([^<]+)<\/PmtInfId>/.exec(pain008)![1]!;

    // 7. The bank's statement: the customer paid what the final notice asked (principal, interest
    // and costs) with the overdue invoice's RF reference — the charges on the rentenota are paid
    // first (art. 6:44 BW), the rest pays the invoice —, and the collection came in as one batch.
    const statement = camt053(
      run,
      [
        {
          amount: totalDue,
          name: 'Bakkerij De Korenbloem',
          iban: CUSTOMER_IBAN,
          reference: `${run}-1`,
          creditorReference: invoice.payment_reference!,
        },
      ],
      {
        paymentInformationId,
        credits: [
          {
            amount: parseAmount(collected.amount_due),
            name: 'Bakkerij De Korenbloem',
            iban: CUSTOMER_IBAN,
            reference: `${run}-2`,
            endToEndId: collected.number,
            mandateId,
          },
        ],
      },
    );
    await page.getByTestId('nav-bank-statements').click();
    await expect.poll(() => page.getByTestId('bank-statements-empty').isVisible(), WAIT).toBe(true);
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('bank-statement-file').click();
    const fileChooser = await chooser;
    await fileChooser.setFiles({ name: 'afschrift.xml', mimeType: 'application/xml', buffer: Buffer.from(statement) });
    await page.getByTestId('bank-statement-submit').click();
    await expect
      .poll(() => page.getByTestId('bank-statement-result-counts').textContent(), WAIT)
      .toBe(nl('bank_statements.uploaded', { new: 2, duplicates: 0 }));
    await page.getByTestId('bank-statement-row-link').click();
    await expect.poll(() => page.getByTestId('entry-row').count(), WAIT).toBe(2);
    const statuses = await page.getByTestId('entry-row').evaluateAll((rows) => rows.map((row) => row.dataset.status));
    expect(statuses).toEqual(['booked', 'booked']);
    // Each link reads its invoice's number once loaded.
    await expect
      .poll(async () => (await page.getByTestId('entry-invoice-link').allTextContents()).sort(), WAIT)
      .toEqual([invoice.number, collected.number].sort());
    const booked = await callApi<{ entries: { amount: string; booked_amount: string; unallocated_amount: string }[] }>(
      page,
      'GET',
      `/api/v1/bank_statements/${new URL(page.url()).pathname.split('/').pop()}`,
    );
    for (const entry of booked.entries)
      expect(entry).toMatchObject({ booked_amount: entry.amount, unallocated_amount: '0.00' });

    // Paid: the overdue invoice with its payment in the history, the rentenota, and the collected one.
    await page.getByTestId('entry-invoice-link').filter({ hasText: invoice.number }).click();
    await expect.poll(() => page.getByTestId('invoice-status').getAttribute('data-status'), WAIT).toBe('paid');
    expect(await page.getByTestId('invoice-status').textContent()).toBe(nl('invoice.status.paid'));
    await expect.poll(() => events(page, 'payment').count(), WAIT).toBe(1);
    for (const paid of [rentenota, collected]) {
      await page.goto(`/invoices/${paid.id}`);
      await expect.poll(() => page.getByTestId('invoice-status').getAttribute('data-status'), WAIT).toBe('paid');
    }
    const batches = await callApi<{ data: { id: string }[] }>(page, 'GET', '/api/v1/direct_debit_batches');
    const batch = await callApi<{ status: string }>(page, 'GET', `/api/v1/direct_debit_batches/${batches.data[0]!.id}`);
    expect(batch.status).toBe('settled');
    expect(errors).toEqual([]);
  });
});

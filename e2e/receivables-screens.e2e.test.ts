import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { COMPLETE_COMPANY_PROFILE, fillCompanyProfile } from './support/company-profile.ts';
import { WAIT } from './support/constants.ts';
import { setUpJourney } from './support/journey-setup.ts';
import { openPage } from './support/open-page.ts';
import { signUpOwner } from './support/owner-sign-up.ts';
import { callApi } from './support/page-api.ts';
import { checkAtPhoneWidth } from './support/viewport.ts';
import { dutchText as nl } from './support/web-texts.ts';
import { downloadBytes } from './support/downloads.ts';

interface IssuedInvoice {
  id: string;
  number: string;
  amount_due: string;
}

interface Credit {
  amount: string;
  name: string;
  iban: string;
  text: string;
  reference: string;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** A camt.053.001.02 day statement of `iban` as a bank sends it: booked credits, balances that add up unless `skew`. */
function camt053(iban: string, statementId: string, credits: Credit[], skew = 0): string {
  const day = isoDay(new Date());
  const opening = 1000;
  const closing = credits.reduce((sum, credit) => sum + Number(credit.amount), opening) + skew;
  const balance = (code: string, amount: number) =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${amount.toFixed(2)}</Amt>` +
    `<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>${day}</Dt></Dt></Bal>`;
  const entry = (credit: Credit) =>
    `<Ntry><Amt Ccy="EUR">${credit.amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>` +
    `<BookgDt><Dt>${day}</Dt></BookgDt><ValDt><Dt>${day}</Dt></ValDt><AcctSvcrRef>${credit.reference}</AcctSvcrRef>` +
    `<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>` +
    `<NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>` +
    `<AmtDtls><TxAmt><Amt Ccy="EUR">${credit.amount}</Amt></TxAmt></AmtDtls>` +
    `<RltdPties><Dbtr><Nm>${credit.name}</Nm></Dbtr><DbtrAcct><Id><IBAN>${credit.iban}</IBAN></Id></DbtrAcct>` +
    `<CdtrAcct><Id><IBAN>${iban}</IBAN></Id></CdtrAcct></RltdPties>` +
    `<RmtInf><Ustrd>${credit.text}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>` +
    `<GrpHdr><MsgId>CAMT-${statementId}</MsgId><CreDtTm>${day}T06:00:00+01:00</CreDtTm></GrpHdr>` +
    `<Stmt><Id>${statementId}</Id><CreDtTm>${day}T06:00:00+01:00</CreDtTm>` +
    `<Acct><Id><IBAN>${iban}</IBAN></Id><Ccy>EUR</Ccy></Acct>` +
    balance('OPBD', opening) +
    balance('CLBD', closing) +
    credits.map(entry).join('') +
    `</Stmt></BkToCstmrStmt></Document>`
  );
}

/** Chooses the file in the upload form (as from the computer) and imports it. */
async function uploadStatement(page: Page, name: string, xml: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('bank-statement-file').click();
  await (await chooser).setFiles({ name, mimeType: 'application/xml', buffer: Buffer.from(xml, 'utf8') });
  await page.getByTestId('bank-statement-submit').click();
}

const entryOf = (page: Page, counterparty: string) =>
  page.getByTestId('entry-row').filter({ has: page.getByTestId('entry-counterparty').getByText(counterparty) });

describe(`browser journey: the owner collects by direct debit and books a bank statement (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  const journey = setUpJourney();

  it('makes a direct-debit file, imports a camt.053, matches the queue by hand; the invoice is paid', async () => {
    const run = `receivables${Date.now()}`;
    const { page, errors } = await openPage(journey);
    await signUpOwner(page, journey.smtp, {
      company: `Incasso ${run} BV`,
      name: 'Ilse Incasso',
      email: `owner-${run}@journey.test`,
    });
    await fillCompanyProfile(page, { sepa_creditor_id: 'NL69ZZZ123456780000' });
    const ownIban = COMPLETE_COMPANY_PROFILE.iban;
    const customer = await callApi(page, 'POST', '/api/v1/organizations', {
      name: 'Bakkerij De Korenbloem B.V.',
      is_customer: true,
      kvk_number: '87654321',
      addresses: [{ type: 'invoice', street: 'Dorpsstraat 12', postal_code: '3811 AB', city: 'Amersfoort' }],
    });
    const mandate = await callApi<{ mandate_id: string }>(page, 'POST', '/api/v1/mandates', {
      customer_id: customer.id,
      scheme: 'CORE',
      signed_on: isoDay(new Date(Date.now() - 30 * 86_400_000)),
      debtor_name: 'Bakkerij De Korenbloem B.V.',
      iban: 'NL02ABNA0123456789',
    });
    const issue = async (unitPrice: string, extra: Record<string, unknown> = {}) => {
      const draft = await callApi(page, 'POST', '/api/v1/invoices', {
        customer_id: customer.id,
        lines: [{ description: 'Broodbezorging', quantity: '1', unit_price: unitPrice, vat_rate: '9' }],
        ...extra,
      });
      return callApi<IssuedInvoice>(page, 'POST', `/api/v1/invoices/${draft.id}/finalize`);
    };
    const collected = await issue('100.00', {
      payment_means: 'direct_debit',
      mandate_reference: mandate.mandate_id,
      payment_term_days: 14,
    });
    const byNumber = await issue('200.00');
    const byHand = await issue('300.00');

    // A collection date before the file can reach the bank is refused at the date.
    await page.getByTestId('nav-direct-debits').click();
    await expect.poll(() => page.getByTestId('direct-debits-empty').isVisible(), WAIT).toBe(true);
    await page.getByTestId('direct-debit-new').click();
    await page.getByTestId('direct-debit-collection-date').fill(isoDay(new Date()));
    await page.getByTestId('direct-debit-create-dialog-confirm').click();
    const dialog = page.getByTestId('direct-debit-create-dialog');
    await expect.poll(() => dialog.getByText(nl('error.collection_date_too_early')).isVisible(), WAIT).toBe(true);

    // Without a date: the earliest allowed day; one CORE batch that opens with its file.
    await page.getByTestId('direct-debit-collection-date').fill('');
    await page.getByTestId('direct-debit-create-dialog-confirm').click();
    await expect.poll(() => page.getByTestId('direct-debit-page').isVisible(), WAIT).toBe(true);
    const item = page.getByTestId('direct-debit-item');
    expect(await item.count()).toBe(1);
    expect(await item.getByTestId('direct-debit-item-invoice').textContent()).toBe(collected.number);
    const pain008 = (await downloadBytes(page, page.getByTestId('direct-debit-download'))).toString('utf8');
    expect(pain008.startsWith('<?xml')).toBe(true);
    expect(pain008).toContain(collected.number);
    expect(pain008).toContain('pain.008.001.02');

    // Nothing is left to collect: a second batch is refused with the reason.
    await page.getByTestId('nav-direct-debits').click();
    await expect.poll(() => page.getByTestId('direct-debit-row').count(), WAIT).toBe(1);
    await page.getByTestId('direct-debit-new').click();
    await page.getByTestId('direct-debit-create-dialog-confirm').click();
    await expect.poll(() => dialog.getByText(nl('error.nothing_to_collect')).isVisible(), WAIT).toBe(true);
    await dialog.getByRole('button', { name: nl('common.cancel') }).click();

    // Refunds: no credit note has a refund due, and the screen says so.
    await page.getByTestId('nav-refunds').click();
    await expect.poll(() => page.getByTestId('refunds-empty').isVisible(), WAIT).toBe(true);
    await page.getByTestId('refund-new').click();
    await page.getByTestId('refund-create-dialog-confirm').click();
    const refund = page.getByTestId('refund-create-dialog');
    await expect.poll(() => refund.getByText(nl('error.nothing_to_refund')).isVisible(), WAIT).toBe(true);
    await refund.getByRole('button', { name: nl('common.cancel') }).click();

    // The statement: one payment names its invoice (booked), one only has the amount (queue), one is interest.
    const credits: Credit[] = [
      {
        amount: byNumber.amount_due,
        name: 'Bakkerij De Korenbloem',
        iban: 'NL02ABNA0123456789',
        text: `Betaling factuur ${byNumber.number}`,
        reference: `${run}-1`,
      },
      {
        amount: byHand.amount_due,
        name: 'J. de Bakker',
        iban: 'NL44RABO0123456789',
        text: 'Bedankt voor het brood',
        reference: `${run}-2`,
      },
      { amount: '1.25', name: 'ABN AMRO Bank', iban: 'NL20INGB0001234567', text: 'Rente', reference: `${run}-3` },
    ];
    await page.getByTestId('nav-bank-statements').click();
    await expect.poll(() => page.getByTestId('bank-statements-empty').isVisible(), WAIT).toBe(true);

    // Refused files book nothing and say why.
    await uploadStatement(page, 'scheef.xml', camt053(ownIban, `${run}-X`, credits, 1));
    const refusal = page.getByTestId('bank-statement-error');
    await expect
      .poll(() => refusal.textContent(), WAIT)
      .toContain(nl('error.statement_unbalanced', { difference: '€ 1,00' }));
    await uploadStatement(page, 'ander.xml', camt053('NL44RABO0123456789', `${run}-Y`, credits));
    await expect.poll(() => refusal.textContent(), WAIT).toContain(nl('error.statement_account_not_ours'));
    expect(await page.getByTestId('bank-statements-empty').isVisible()).toBe(true);

    const statement = camt053(ownIban, `${run}-1`, credits);
    await uploadStatement(page, 'afschrift.xml', statement);
    const result = page.getByTestId('bank-statement-result-counts');
    await expect.poll(() => result.textContent(), WAIT).toBe(nl('bank_statements.uploaded', { new: 3, duplicates: 0 }));
    await expect.poll(() => page.getByTestId('bank-statement-row').count(), WAIT).toBe(1);
    const toProcess = page.getByTestId('bank-statement-row-to-process');
    expect(await toProcess.textContent()).toBe(nl('bank_statements.to_process', { count: 2 }));

    // The same file again books nothing.
    await uploadStatement(page, 'afschrift.xml', statement);
    await expect.poll(() => result.textContent(), WAIT).toBe(nl('bank_statements.uploaded', { new: 0, duplicates: 3 }));
    await checkAtPhoneWidth(page, ['bank-statement-upload', 'bank-statement-submit', 'bank-statement-row']);

    // The queue: the two entries without an invoice, in the URL.
    await toProcess.click();
    await expect.poll(() => page.url(), WAIT).toContain('view=queue');
    await expect.poll(() => page.getByTestId('entry-row').count(), WAIT).toBe(2);

    // Matched by hand: the invoice of exactly this amount is chosen already.
    await entryOf(page, 'J. de Bakker').getByTestId('entry-match').click();
    const match = page.getByTestId('entry-match-dialog');
    await expect.poll(() => page.getByTestId('entry-match-invoice').inputValue(), WAIT).toContain(byHand.number);
    await page.getByTestId('entry-match-invoice').fill(byHand.number);
    await page.getByRole('option', { name: byHand.number }).click();
    await page.getByTestId('entry-match-dialog-confirm').click();
    await expect.poll(() => match.count(), WAIT).toBe(0);
    await expect.poll(() => page.getByTestId('entry-row').count(), WAIT).toBe(1);

    // The interest is not an invoice payment: ignored.
    await entryOf(page, 'ABN AMRO Bank').getByTestId('entry-ignore').click();
    await page.getByTestId('entry-ignore-dialog-confirm').click();
    await expect.poll(() => page.getByTestId('entries-empty').isVisible(), WAIT).toBe(true);

    // All entries: each with its status and invoice.
    await page.getByTestId('bank-statement-view').getByText(nl('bank_statement.view.all')).click();
    await expect.poll(() => page.getByTestId('entry-row').count(), WAIT).toBe(3);
    const statuses = await page
      .getByTestId('entry-row')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')));
    expect(statuses).toEqual(['booked', 'booked', 'ignored']);
    const booked = entryOf(page, 'Bakkerij De Korenbloem');
    await expect.poll(() => booked.getByTestId('entry-invoice-link').textContent(), WAIT).toBe(byNumber.number);
    expect(await booked.getByTestId('entry-rule').textContent()).toBe(nl('bank_statement.rule.remittance_text'));
    await checkAtPhoneWidth(page, ['bank-statement-view', page.getByTestId('entry-row').first()]);

    // The invoice matched by hand is paid.
    await entryOf(page, 'J. de Bakker').getByTestId('entry-invoice-link').click();
    await expect.poll(() => page.getByTestId('invoice-status').getAttribute('data-status'), WAIT).toBe('paid');
    expect(await page.getByTestId('invoice-number').textContent()).toContain(byHand.number);
    expect(errors).toEqual([]);
  });
});

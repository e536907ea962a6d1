import { describe, expect, it } from 'vitest';
import { fillCompanyProfile } from './support/company-profile.ts';
import { WAIT } from './support/constants.ts';
import { setUpJourney } from './support/journey-setup.ts';
import { openPage } from './support/open-page.ts';
import { signUpOwner } from './support/owner-sign-up.ts';
import { callApi, callApiText } from './support/page-api.ts';
import { fitsPhone, pageWidth, PHONE } from './support/viewport.ts';
import { dutchText as t } from './support/web-texts.ts';

/** The quarter before this one (Amsterdam): what the VAT summary opens on. */
function lastQuarter(): { from: string; to: string; month: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const index = Number(today.slice(0, 4)) * 4 + Math.floor((Number(today.slice(5, 7)) - 1) / 3) - 1;
  const year = Math.floor(index / 4);
  const lastMonth = (index % 4) * 3 + 3;
  const pad = (value: number) => String(value).padStart(2, '0');
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return {
    from: `${year}-${pad(lastMonth - 2)}-01`,
    to: `${year}-${pad(lastMonth)}-${pad(lastDay)}`,
    month: `${year}-${pad(lastMonth - 2)}`,
  };
}

describe(`browser journey: invoice reports — revenue chart, period filter, export, VAT summary (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  const journey = setUpJourney();

  it('shows last quarter’s VAT per rate and box, filters and exports the list by period, charts the revenue', async () => {
    const run = `reports${Date.now()}`;
    const { context, page, errors } = await openPage(journey);
    await signUpOwner(page, journey.smtp, {
      company: `Rapport ${run} BV`,
      name: 'Rik Rapport',
      email: `owner-${run}@journey.test`,
    });

    // Last quarter: an invoice at 21% and 9% (the golden lines) and a credit note of one line.
    const quarter = lastQuarter();
    await fillCompanyProfile(page);
    const { id: customer } = await callApi(page, 'POST', '/api/v1/organizations', {
      name: 'Afnemer B.V.',
      is_customer: true,
      kvk_number: '87654321',
      addresses: [{ type: 'invoice', street: 'Dorpsstraat 12', postal_code: '3811 AB', city: 'Amersfoort' }],
    });
    const { id: draft } = await callApi(page, 'POST', '/api/v1/invoices', {
      customer_id: customer,
      issue_date: quarter.from,
      lines: [
        { description: 'Licentie', quantity: '3', unit_price: '19.99', vat_rate: '21' },
        { description: 'Ondersteuning', quantity: '2.5', unit_price: '85.00', vat_rate: '21' },
        { description: 'Workshop', quantity: '1', unit_price: '112.03', vat_rate: '21' },
        { description: 'Handboek', quantity: '7', unit_price: '12.3456', vat_rate: '9' },
        { description: 'Catering', quantity: '12', unit_price: '8.7375', vat_rate: '9' },
      ],
    });
    await callApi(page, 'POST', `/api/v1/invoices/${draft}/finalize`);
    const { id: credit } = await callApi(page, 'POST', `/api/v1/invoices/${draft}/credit_notes`, {
      lines: [{ line_index: 0, quantity: '1' }],
    });
    await callApi(page, 'PATCH', `/api/v1/invoices/${credit}`, { issue_date: quarter.to });
    await callApi(page, 'POST', `/api/v1/invoices/${credit}/finalize`);

    // The list: the revenue bar of the quarter's first month, the period filter in the URL.
    await page.goto('/invoices');
    await expect.poll(() => page.getByTestId('invoices-revenue-chart').isVisible(), WAIT).toBe(true);
    expect(
      await page
        .locator(`[data-testid="invoices-revenue-bar"][data-month="${quarter.month}"]`)
        .getAttribute('data-amount'),
    ).toBe('575.77');
    await expect.poll(() => page.getByTestId('invoice-row').count(), WAIT).toBe(2);
    await page.getByTestId('invoices-issued-from').fill(quarter.to);
    await expect.poll(() => page.url(), WAIT).toContain(`issued_from=${quarter.to}`);
    await expect.poll(() => page.getByTestId('invoice-row').count(), WAIT).toBe(1);

    // The export menu offers the list as filtered now, as CSV and XLSX; the CSV speaks Dutch.
    await page.getByTestId('invoices-export').click();
    const csvLink = page.getByTestId('invoices-export-csv');
    await expect.poll(() => csvLink.isVisible(), WAIT).toBe(true);
    const href = (await csvLink.getAttribute('href'))!;
    expect(href).toContain(`issued_from=${quarter.to}`);
    expect(await page.getByTestId('invoices-export-xlsx').getAttribute('href')).toContain('format=xlsx');
    const csv = await callApiText(page, 'GET', href);
    expect(csv.split('\r\n')[0]).toContain('Nummer,Soort,Status,Klant');
    expect(csv).toContain('Creditnota');
    await page.keyboard.press('Escape');

    // The VAT summary opens on last quarter: 21% less the credit note, 9%, and the boxes 1a and 1b.
    await page.getByTestId('invoices-vat-summary').click();
    await expect.poll(() => page.url(), WAIT).toMatch(/\/invoices\/vat$/);
    await expect.poll(() => page.getByTestId('vat-report-row').count(), WAIT).toBe(2);
    expect(await page.getByTestId('vat-report-from').inputValue()).toBe(quarter.from);
    const rows = await page
      .getByTestId('vat-report-row')
      .evaluateAll((items) => items.map((item) => [item.getAttribute('data-box'), item.textContent]));
    expect(rows.map(([box]) => box)).toEqual(['1a', '1b']);
    expect(rows[0]![1]).toContain('€ 364,51');
    expect(rows[0]![1]).toContain('€ 76,55');
    expect(await page.getByTestId('vat-report-total-vat').textContent()).toBe('€ 93,76');
    expect(await page.getByTestId('vat-report-box').first().textContent()).toContain(t('vat_report.box.1a'));

    // A period that ends before it starts is not asked for: the field says why.
    await page.getByTestId('vat-report-to').fill('2000-01-01');
    await expect.poll(() => page.getByText(t('error.period_end_before_start')).isVisible(), WAIT).toBe(true);
    await page.getByTestId('vat-report-quarter').click();
    await page.getByRole('option').first().click();
    await expect.poll(() => page.getByTestId('vat-report-row').count(), WAIT).toBe(2);

    // At phone width nothing is wider than the screen: the tables scroll inside their frame.
    await page.setViewportSize(PHONE);
    await expect.poll(() => pageWidth(page), WAIT).toBeLessThanOrEqual(PHONE.width);
    await fitsPhone(page, 'vat-report-page');
    await fitsPhone(page, 'vat-report-quarter');
    await page.goto('/invoices');
    await expect.poll(() => page.getByTestId('invoices-revenue-chart').isVisible(), WAIT).toBe(true);
    await fitsPhone(page, 'invoices-revenue-chart');
    await fitsPhone(page, 'invoices-export');
    await fitsPhone(page, 'invoices-issued-to');
    expect(errors).toEqual([]);
    await context.close();
  });
});

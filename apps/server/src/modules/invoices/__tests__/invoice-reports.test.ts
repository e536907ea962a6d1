import { amsterdamDate, revenue as revenueSchema, vatReport as vatReportSchema } from '@clientbox/contracts';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { monthsEndingIn } from '../domain/report-months.ts';
import { GOLDEN_LINES, readyDocumentTenant } from '../../../test-support/document-tenant.ts';

/**
 * Q3 2026 holds: the golden invoice (S 21 and 9), a reverse-charge service to a German business
 * (AE → box 3b), a zero-rated and an exempt line (Z → 1e, E → no box) and a partial credit
 * note of the golden invoice (negative). Around it: an invoice in June, a credit note in
 * October and a draft, none of which the Q3 report counts.
 */
describe('invoices: VAT report, revenue per month and the list as a spreadsheet', () => {
  let t: TestApp;
  let acme: ProvisionedTenant;
  let customerId: string;
  let germanId: string;
  const numbers: Record<string, string> = {};

  const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Record<string, unknown>) =>
    t.api(acme.api_key, { method, url, ...(payload ? { payload } : {}) });

  async function issue(name: string, url: string, payload: Record<string, unknown>, issueDate: string) {
    const draft = await api('POST', url, payload);
    expect(draft.statusCode, draft.body).toBe(201);
    if (draft.json().issue_date !== issueDate) {
      const dated = await api('PATCH', `/api/v1/invoices/${draft.json().id}`, { issue_date: issueDate });
      expect(dated.statusCode, dated.body).toBe(200);
    }
    const finalized = await api('POST', `/api/v1/invoices/${draft.json().id}/finalize`);
    expect(finalized.statusCode, finalized.body).toBe(200);
    numbers[name] = finalized.json().number;
    return finalized.json().id as string;
  }

  beforeAll(async () => {
    t = await createTestApp();
    acme = await t.createTenant();
    customerId = await readyDocumentTenant(t, acme);
    const german = await api('POST', '/api/v1/organizations', {
      name: 'Kunde GmbH',
      vat_number: 'DE123456789',
      is_customer: true,
      addresses: [
        { type: 'invoice', street: 'Unter den Linden 1', postal_code: '10117', city: 'Berlin', country: 'DE' },
      ],
    });
    expect(german.statusCode, german.body).toBe(201);
    germanId = german.json().id;

    const golden = await issue(
      'golden',
      '/api/v1/invoices',
      { customer_id: customerId, lines: GOLDEN_LINES, issue_date: '2026-08-15' },
      '2026-08-15',
    );
    await issue(
      'service',
      '/api/v1/invoices',
      {
        customer_id: germanId,
        issue_date: '2026-07-20',
        lines: [{ description: 'Advies', quantity: '10', unit_price: '100', vat_category: 'AE' }],
      },
      '2026-07-20',
    );
    await issue(
      'zero',
      '/api/v1/invoices',
      {
        customer_id: customerId,
        issue_date: '2026-09-30',
        lines: [
          { description: 'Nultarief', quantity: '1', unit_price: '50', vat_category: 'Z' },
          { description: 'Vrijgesteld', quantity: '2', unit_price: '10', vat_category: 'E' },
        ],
      },
      '2026-09-30',
    );
    await issue(
      'june',
      '/api/v1/invoices',
      { customer_id: customerId, lines: GOLDEN_LINES, issue_date: '2026-06-30' },
      '2026-06-30',
    );
    await issue(
      'credit',
      `/api/v1/invoices/${golden}/credit_notes`,
      { lines: [{ line_index: 0, quantity: '1' }] },
      '2026-09-01',
    );
    await issue('october', `/api/v1/invoices/${golden}/credit_notes`, { lines: [{ line_index: 2 }] }, '2026-10-05');
    const draft = await api('POST', '/api/v1/invoices', {
      customer_id: customerId,
      lines: GOLDEN_LINES,
      issue_date: '2026-08-01',
    });
    expect(draft.statusCode).toBe(201);
  });
  afterAll(() => t?.close());

  it('sums the issued documents of the period per category, rate and return box, credit notes negative', async () => {
    const response = await api('GET', '/api/v1/invoices/vat_report?from=2026-07-01&to=2026-09-30');
    expect(response.statusCode, response.body).toBe(200);
    const report = vatReportSchema.parse(response.json());
    expect(report.groups).toEqual([
      {
        vat_category: 'S',
        vat_rate: '21',
        return_box: '1a',
        taxable_amount: '364.51',
        vat_amount: '76.55',
        invoices: 1,
        credit_notes: 1,
      },
      {
        vat_category: 'S',
        vat_rate: '9',
        return_box: '1b',
        taxable_amount: '191.27',
        vat_amount: '17.21',
        invoices: 1,
        credit_notes: 0,
      },
      {
        vat_category: 'Z',
        vat_rate: '0',
        return_box: '1e',
        taxable_amount: '50.00',
        vat_amount: '0.00',
        invoices: 1,
        credit_notes: 0,
      },
      {
        vat_category: 'E',
        vat_rate: '0',
        return_box: null,
        taxable_amount: '20.00',
        vat_amount: '0.00',
        invoices: 1,
        credit_notes: 0,
      },
      {
        vat_category: 'AE',
        vat_rate: '0',
        return_box: '3b',
        taxable_amount: '1000.00',
        vat_amount: '0.00',
        invoices: 1,
        credit_notes: 0,
      },
    ]);
    expect(report.return_boxes).toEqual([
      { box: '1a', taxable_amount: '364.51', vat_amount: '76.55' },
      { box: '1b', taxable_amount: '191.27', vat_amount: '17.21' },
      { box: '1e', taxable_amount: '50.00', vat_amount: '0.00' },
      { box: '3b', taxable_amount: '1000.00', vat_amount: '0.00' },
    ]);
    expect(report).toMatchObject({
      from: '2026-07-01',
      to: '2026-09-30',
      total_taxable_amount: '1625.78',
      total_vat_amount: '93.76',
      invoices: 3,
      credit_notes: 1,
    });

    // The October credit note corrects the VAT of its own period, not the invoice's.
    const october = (await api('GET', '/api/v1/invoices/vat_report?from=2026-10-01&to=2026-12-31')).json();
    expect(october.groups).toEqual([
      {
        vat_category: 'S',
        vat_rate: '21',
        return_box: '1a',
        taxable_amount: '-112.03',
        vat_amount: '-23.53',
        invoices: 0,
        credit_notes: 1,
      },
    ]);
  });

  it('refuses a period that ends before it starts, and shows another tenant nothing', async () => {
    const backwards = await api('GET', '/api/v1/invoices/vat_report?from=2026-09-30&to=2026-07-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors).toEqual([
      expect.objectContaining({ field: 'query.to', code: 'period_end_before_start' }),
    ]);
    const other = await t.createTenant();
    const empty = await t.api(other.api_key, {
      method: 'GET',
      url: '/api/v1/invoices/vat_report?from=2026-01-01&to=2026-12-31',
    });
    expect(empty.json()).toMatchObject({ groups: [], total_taxable_amount: '0.00', invoices: 0 });
  });

  it('gives the revenue excl. VAT per month, credit notes subtracted, every month present', async () => {
    const response = await api('GET', '/api/v1/invoices/revenue?months=12');
    expect(response.statusCode, response.body).toBe(200);
    const chart = revenueSchema.parse(response.json());
    // The server's months end in Amsterdam's today, which is a day ahead of UTC just before midnight.
    const months = monthsEndingIn(amsterdamDate(), 12);
    expect(chart.months.map((month) => month.month)).toEqual(months);
    const amount = (month: string) => chart.months.find((entry) => entry.month === month)?.amount_excl_vat;
    // The test clock is late 2026: June to October are inside the last twelve months.
    expect([amount('2026-06'), amount('2026-07'), amount('2026-08'), amount('2026-09'), amount('2026-10')]).toEqual([
      '575.77',
      '1000.00',
      '575.77',
      '50.01',
      '-112.03',
    ]);
    expect(chart.months.find((entry) => entry.month === '2026-09')).toMatchObject({ invoices: 1, credit_notes: 1 });
    expect(chart.total_excl_vat).toBe('2089.52');
    const tooMany = await api('GET', '/api/v1/invoices/revenue?months=37');
    expect(tooMany.json().errors[0]).toMatchObject({ field: 'query.months', code: 'invalid_months' });
  });

  it("exports the filtered list as CSV in the user's language, credit notes negative", async () => {
    const csv = await api('GET', '/api/v1/invoices/export?format=csv&issued_from=2026-07-01&issued_to=2026-09-30');
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="facturen-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [header, ...rows] = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header).toBe(
      'Nummer,Soort,Status,Klant,Factuurdatum,Vervaldatum,Bedrag excl. btw,Btw,Bedrag incl. btw,Betaald,Openstaand',
    );
    // Newest first, as the list: the zero-rated invoice, the credit note, the golden, the draft
    // dated in the period (no number yet), the service.
    expect(rows.map((row) => row.split(',')[0])).toEqual([
      numbers.zero,
      numbers.credit,
      numbers.golden,
      '',
      numbers.service,
    ]);
    expect(rows[1]).toBe(
      `${numbers.credit},Creditnota,Gecrediteerd,Afnemer B.V.,2026-09-01,2026-09-15,-19.99,-4.20,-24.19,0.00,0.00`,
    );
    expect(rows[2]).toContain(`${numbers.golden},Factuur,`);
    // Its two issued credit notes (24.19 in September, 135.56 in October) lower what is due on it.
    expect(rows[2]).toContain(',575.77,97.96,673.73,0.00,513.98');

    const credits = await api('GET', '/api/v1/invoices/export?format=csv&type=credit_note');
    expect(credits.body.trim().split('\r\n')).toHaveLength(3);
  });

  it('exports an XLSX workbook with amounts as numbers, in English for an English user', async () => {
    const cookie = await t.login(acme.user_id);
    const english = await t.session(cookie, { method: 'PATCH', url: '/api/v1/me', payload: { locale: 'en' } });
    expect(english.statusCode, english.body).toBe(204);
    const xlsx = await t.session(cookie, { method: 'GET', url: '/api/v1/invoices/export?format=xlsx&status=draft' });
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers['content-disposition']).toMatch(/filename="invoices-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const files = unzipSync(xlsx.rawPayload);
    const text =
      strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array()) + strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(text).toContain('Amount excl. VAT');
    expect(text).toContain('Draft');
    expect(text).toContain('<v>575.77</v>');
    expect(text).not.toContain(numbers.golden);
  });
});

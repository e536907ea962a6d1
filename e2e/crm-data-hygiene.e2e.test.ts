import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { WAIT } from './support/constants.ts';
import { setUpJourney } from './support/journey-setup.ts';
import { type OpenedPage, openPage } from './support/open-page.ts';
import { signUpOwner } from './support/owner-sign-up.ts';
import { dutchText as t } from './support/web-texts.ts';

/** Checking or writing a thousand rows in one request takes longer than a click. */
const IMPORT_WAIT = { timeout: 60_000 };

// ── The import file ──────────────────────────────────────────────────────────────────────────

const ROWS = 1000;
/** An IBAN of a Dutch account with the right check digits (ISO 13616: mod 97 of the rearranged number is 1). */
function dutchIban(account: number): string {
  const bban = `ABNA${String(account).padStart(10, '0')}`;
  const digits = `${bban}NL00`.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  return `NL${String(98n - (BigInt(digits) % 97n)).padStart(2, '0')}${bban}`;
}

/** Index (0-based data row) → what is wrong with it; every other row is good. */
const BAD = {
  kvk: { index: 99, name: 'Verkeerd Nummer B.V.', kvk: '1234567' },
  iban: { index: 499, name: 'Foute Rekening B.V.', iban: 'NL91ABNA0417164301' },
  name: { index: 899, name: '' },
} as const;
/** The CSV's line of a data row: line 1 is the header. */
const lineOf = (index: number) => index + 2;
const goodName = (index: number) => `Handelsonderneming ${String(index + 1).padStart(4, '0')} B.V.`;

/**
 * A thousand organizations as Dutch Excel saves them (`;`), with a header the app does not
 * recognise for the name ("Bedrijf"), so the user has to map that column in the preview.
 */
function organizationsCsv(): string {
  const lines = ['Bedrijf;KvK-nummer;IBAN;Plaats;Klant'];
  for (let index = 0; index < ROWS; index++) {
    let name = goodName(index);
    let kvk = String(10_000_000 + index + 1);
    let iban = dutchIban(100_000 + index);
    if (index === BAD.kvk.index) ({ name, kvk } = BAD.kvk);
    if (index === BAD.iban.index) ({ name, iban } = BAD.iban);
    if (index === BAD.name.index) name = BAD.name.name;
    lines.push([name, kvk, iban, index % 2 ? 'Utrecht' : 'Amersfoort', index % 2 ? 'nee' : 'ja'].join(';'));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The per-row report as it reads: line, name, field, problem. */
const EXPECTED_REPORT = [
  [String(lineOf(BAD.kvk.index)), BAD.kvk.name, t('relations.field.kvk_number'), t('error.invalid_kvk_number')],
  [String(lineOf(BAD.iban.index)), BAD.iban.name, t('relations.field.iban'), t('error.invalid_iban')],
  [String(lineOf(BAD.name.index)), '', t('relations.field.name'), t('error.required')],
];

const reportRows = (page: Page) =>
  page
    .getByTestId('organization-import-error-row')
    .evaluateAll((rows) =>
      rows.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent?.trim() ?? '')),
    );

/** How many organizations the tenant has, through the API the screens use (every page of the list). */
const countOrganizations = (page: Page) =>
  page.evaluate(async () => {
    let count = 0;
    let after = '';
    for (;;) {
      const response = await fetch(`/api/v1/organizations?limit=100${after ? `&starting_after=${after}` : ''}`);
      if (!response.ok) throw new Error(`listing organizations: ${response.status}`);
      const list = (await response.json()) as { data: { id: string }[]; has_more: boolean };
      count += list.data.length;
      if (!list.has_more || list.data.length === 0) return count;
      after = list.data[list.data.length - 1]!.id;
    }
  });

/** Chooses the file through the page's own "choose a file" button, as a person does. */
async function chooseFile(page: Page, testId: string, csv: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId(testId).click();
  await (await chooser).setFiles({ name: 'relaties.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
}

/** Maps the file's "Bedrijf" column to the name, in the preview's select for the name field. */
async function mapNameColumn(page: Page) {
  const select = page.getByTestId('organization-import-map-name');
  await expect.poll(() => select.isVisible(), IMPORT_WAIT).toBe(true);
  await expect.poll(() => page.getByText(t('organization_import.mapping_incomplete')).isVisible(), WAIT).toBe(true);
  await select.click();
  await page.getByRole('option', { name: 'Bedrijf', exact: true }).click();
  await expect.poll(() => select.inputValue(), WAIT).toBe('Bedrijf');
}

/** Picks an organization in a searchable select by typing part of its name. */
async function pickOrganization(page: Page, testId: string, typed: string, name: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name, exact: true }).click();
  await expect.poll(() => input.inputValue(), WAIT).toBe(name);
}

const rowNames = (page: Page) =>
  page
    .getByTestId('crm-organization-row')
    .evaluateAll((rows) => rows.map((row) => row.querySelector('a')?.textContent));

describe(`browser journey: CRM data hygiene — import and merge (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  const journey = setUpJourney();

  /**
   * A new owner (the demo has every module, CRM is in the base package anyway), signed in, in
   * Dutch; `errors` collects what the page throws.
   */
  async function newOwner(run: string, name: string): Promise<OpenedPage> {
    const opened = await openPage(journey);
    const { page } = opened;
    await signUpOwner(page, journey.smtp, { company: `Hygiëne ${run} BV`, name, email: `owner-${run}@journey.test` });
    await expect.poll(() => page.getByTestId('nav-module-crm').isVisible(), WAIT).toBe(true);
    return opened;
  }

  it('imports 1,000 organizations from a CSV: maps a column, names the 3 bad rows, all-or-nothing writes nothing, the valid rows are imported', async () => {
    const run = `import${Date.now()}`;
    const { context, page, errors } = await newOwner(run, 'Ingrid Import');
    const csv = organizationsCsv();

    // From the relations list to the import screen.
    await page.getByTestId('nav-module-crm').click();
    await expect.poll(() => page.getByTestId('crm-organizations-empty').isVisible(), WAIT).toBe(true);
    await page.getByRole('link', { name: t('relations.import'), exact: true }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: t('organization_import.title') }).isVisible(), WAIT)
      .toBe(true);

    // The file is read, not written: the preview proposes a column for each field it recognises,
    // with examples from the file, and asks for the name column it could not guess.
    await chooseFile(page, 'organization-import-file', csv);
    await mapNameColumn(page);
    const mapping = page.getByTestId('organization-import-mapping');
    expect(await page.getByTestId('organization-import-map-kvk_number').inputValue()).toBe('KvK-nummer');
    expect(await page.getByTestId('organization-import-map-iban').inputValue()).toBe('IBAN');
    expect(await page.getByTestId('organization-import-map-city').inputValue()).toBe('Plaats');
    expect(await page.getByTestId('organization-import-map-is_customer').inputValue()).toBe('Klant');
    expect(await page.getByTestId('organization-import-map-email').inputValue()).toBe(t('organization_import.skip'));
    expect(await mapping.textContent()).toContain(
      t('organization_import.samples', { samples: [goodName(0), goodName(1), goodName(2)].join(', ') }),
    );
    expect(await mapping.textContent()).toContain(
      t('organization_import.samples', { samples: '10000001, 10000002, 10000003' }),
    );

    // The per-row report names the three bad rows: line, name, field and what is wrong.
    await expect
      .poll(() => page.getByTestId('organization-import-summary').textContent(), IMPORT_WAIT)
      .toBe(t('organization_import.summary', { total: ROWS, create: ROWS - 3, errors: 3 }));
    expect(await reportRows(page)).toEqual(EXPECTED_REPORT);
    expect(await countOrganizations(page)).toBe(0);

    // "Nothing" (the default) with bad rows: refused as a whole, not one organization written.
    const allOrNothing = page.getByLabel(t('organization_import.mode.all_or_nothing'));
    const validRows = page.getByLabel(t('organization_import.mode.valid_rows'));
    expect(await allOrNothing.isChecked()).toBe(true);
    await page.getByTestId('organization-import-commit').click();
    await expect
      .poll(() => page.getByTestId('organization-import-refused').textContent(), IMPORT_WAIT)
      .toBe(t('organization_import.refused', { count: 3 }));
    expect(await countOrganizations(page)).toBe(0);

    // "Only the good rows": 997 written, the same three reported as skipped.
    await validRows.check();
    await page.getByTestId('organization-import-commit').click();
    await expect
      .poll(() => page.getByTestId('organization-import-result').textContent(), IMPORT_WAIT)
      .toBe(t('organization_import.done', { created: ROWS - 3, failed: 3 }));
    expect(await reportRows(page)).toEqual(EXPECTED_REPORT);
    expect(await countOrganizations(page)).toBe(ROWS - 3);

    // The same file once more, all or nothing: refused again, still 997.
    await chooseFile(page, 'organization-import-again', csv);
    await mapNameColumn(page);
    await expect
      .poll(() => page.getByTestId('organization-import-summary').textContent(), IMPORT_WAIT)
      .toBe(t('organization_import.summary', { total: ROWS, create: ROWS - 3, errors: 3 }));
    await allOrNothing.check();
    await page.getByTestId('organization-import-commit').click();
    await expect
      .poll(() => page.getByTestId('organization-import-refused').textContent(), IMPORT_WAIT)
      .toBe(t('organization_import.refused', { count: 3 }));
    expect(await countOrganizations(page)).toBe(ROWS - 3);

    // In the list: an imported organization is found with its city, a refused one is not there.
    await page.getByRole('link', { name: t('organization_import.back') }).click();
    const search = page.getByTestId('crm-search-input');
    await search.fill(goodName(997));
    await expect.poll(() => rowNames(page), WAIT).toEqual([goodName(997)]);
    expect(await page.getByTestId('crm-organization-row').textContent()).toContain('Utrecht');
    await search.fill('10000501');
    await expect.poll(() => rowNames(page), WAIT).toEqual([goodName(500)]);
    for (const refused of [BAD.kvk.name, BAD.iban.name]) {
      await search.fill(refused);
      await expect.poll(() => page.getByTestId('crm-organizations-empty').isVisible(), WAIT).toBe(true);
      expect(await page.getByTestId('crm-organization-row').count()).toBe(0);
    }

    expect(errors).toEqual([]);
    await context.close();
  });

  it('suggests the duplicate while it is entered, merges it into the kept organization with its person and note, and the duplicate is gone', async () => {
    const run = `merge${Date.now()}`;
    const { context, page, errors } = await newOwner(run, 'Marco Merge');
    const KEPT = 'Bakkerij De Vries';
    const DUPLICATE = 'Bakkerij de Vries B.V.';
    const NOTE = 'Wil voortaan één factuur per maand';

    // The organization already there, made through the API as any script would.
    const keptId = await page.evaluate(async (name) => {
      const response = await fetch('/api/v1/organizations', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, kvk_number: '12345678', is_customer: true }),
      });
      return ((await response.json()) as { id: string }).id;
    }, KEPT);

    // A colleague enters it again: the form says it may already exist, and why.
    await page.getByTestId('nav-module-crm').click();
    await page.getByRole('link', { name: t('relations.new_organization') }).click();
    await page.getByTestId('organization-name').fill(DUPLICATE);
    await page.getByTestId('organization-kvk-number').fill('1234 5678');
    const suggestion = page.getByTestId('organization-duplicates');
    await expect.poll(() => suggestion.isVisible(), WAIT).toBe(true);
    expect(await suggestion.textContent()).toContain(t('relations.duplicates_title'));
    const candidate = suggestion.getByTestId('organization-duplicate');
    await expect.poll(() => candidate.count(), WAIT).toBe(1);
    expect(await candidate.getByRole('link').textContent()).toBe(KEPT);
    expect(await candidate.getByRole('link').getAttribute('href')).toBe(`/crm/organizations/${keptId}`);
    await expect
      .poll(() => candidate.textContent(), WAIT)
      .toContain(`(${t('relations.duplicate_reason.kvk_number')}, ${t('relations.duplicate_reason.similar_name')})`);
    // … and saved anyway, as people do.
    await page.getByTestId('organization-form-submit').click();
    await expect.poll(() => page.getByTestId('organization-title').textContent(), WAIT).toBe(DUPLICATE);
    const duplicateUrl = page.url();

    // The duplicate gets a contact person and a note on its timeline.
    await page.getByTestId('organization-add-person').click();
    await page.getByTestId('person-first-name').fill('Joke');
    await page.getByTestId('person-last-name').fill('de Vries');
    await page.getByTestId('person-link-role-0').fill('Eigenaar');
    await page.getByTestId('person-form-submit').click();
    await expect.poll(() => page.getByTestId('person-title').textContent(), WAIT).toBe('Joke de Vries');
    const personUrl = page.url();
    expect(await page.getByTestId('person-organization-row').allTextContents()).toEqual([
      expect.stringContaining(DUPLICATE),
    ]);
    await page.goto(duplicateUrl);
    const timeline = page.getByTestId('timeline');
    await expect.poll(() => timeline.isVisible(), WAIT).toBe(true);
    await timeline.getByText(t('activities.kind.note'), { exact: true }).click();
    await timeline.getByLabel(t('activities.log_label')).fill(NOTE);
    await timeline.getByRole('button', { name: t('activities.log.note') }).click();
    await expect.poll(() => timeline.getByTestId('timeline-item-body').allTextContents(), WAIT).toEqual([NOTE]);

    // The kept organization has neither yet.
    await page.goto(`/crm/organizations/${keptId}`);
    await expect.poll(() => page.getByTestId('organization-title').textContent(), WAIT).toBe(KEPT);
    await expect.poll(() => page.getByTestId('timeline-empty').isVisible(), WAIT).toBe(true);
    expect(await page.getByTestId('organization-persons').textContent()).toContain(t('relations.no_persons'));

    // Merge: pick the duplicate, read what will happen, confirm.
    await page.getByRole('button', { name: t('relations.merge'), exact: true }).click();
    const dialog = page.getByTestId('organization-merge-dialog');
    await expect.poll(() => dialog.isVisible(), WAIT).toBe(true);
    await pickOrganization(page, 'organization-merge-pick', 'de vries', DUPLICATE);
    expect(await dialog.textContent()).toContain(t('relations.merge_text', { kept: KEPT, duplicate: DUPLICATE }));
    await dialog.getByRole('button', { name: t('relations.merge'), exact: true }).click();
    await expect.poll(() => page.getByText(t('relations.merged', { name: DUPLICATE })).isVisible(), WAIT).toBe(true);
    await expect.poll(() => dialog.count(), WAIT).toBe(0);

    // Without reloading, the kept organization shows the person and the note of the duplicate,
    // and the merge itself on its timeline (that text is written by the server, in the user's language).
    const personRow = page.getByTestId('organization-person-row');
    await expect.poll(() => personRow.allTextContents(), WAIT).toEqual([expect.stringContaining('Joke de Vries')]);
    expect(await personRow.textContent()).toContain('Eigenaar');
    const items = page.getByTestId('timeline').getByTestId('timeline-item');
    await expect
      .poll(() => items.getByTestId('timeline-item-body').allTextContents(), WAIT)
      .toEqual([`Samengevoegd met ${DUPLICATE}`, NOTE]);
    expect(await items.getByTestId('timeline-item-kind').allTextContents()).toEqual([
      t('activities.kind.organization_merged'),
      t('activities.kind.note'),
    ]);
    expect(await page.getByTestId('organization-title').textContent()).toBe(KEPT);

    // The person now works for the kept organization.
    await page.goto(personUrl);
    await expect
      .poll(() => page.getByTestId('person-organization-row').allTextContents(), WAIT)
      .toEqual([expect.stringContaining(KEPT)]);
    expect(await page.getByTestId('person-organization-row').textContent()).not.toContain(DUPLICATE);

    // The duplicate is gone: its page says so, and the list searched for "vries" has only the kept one.
    await page.goto(duplicateUrl);
    await expect.poll(() => page.getByText(t('relations.not_found')).isVisible(), WAIT).toBe(true);
    expect(await page.getByTestId('organization-title').count()).toBe(0);
    await page.goto('/crm/organizations?q=vries');
    await expect.poll(() => rowNames(page), WAIT).toEqual([KEPT]);

    expect(errors).toEqual([]);
    await context.close();
  });
});

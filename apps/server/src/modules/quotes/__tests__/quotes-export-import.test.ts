import { strFromU8, strToU8, unzipSync } from 'fflate';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import {
  archiveJson as json,
  exportArchiveOf,
  importArchiveInto,
  repackArchive,
  sha256,
  withRows,
} from '../../../test-support/export-archive.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { apiOf, expectProblem, okOf, publicOf } from '../../../test-support/api-requests.ts';
import { QUOTE_LINES, readyTenant, tokenOf } from './quote-fixtures.ts';

type Row = Record<string, unknown>;

describe('terms art. 17: quotes, every version, their lines and sent PDFs survive export → import', () => {
  let t: TestApp;
  let source: ProvisionedTenant;
  let api: ReturnType<typeof apiOf>;
  let ok: ReturnType<typeof okOf>;
  let anonymous: ReturnType<typeof publicOf>;
  let zip: Uint8Array;
  const ids: Record<'draft' | 'v1' | 'v2' | 'accepted' | 'declined', string> = {
    draft: '',
    v1: '',
    v2: '',
    accepted: '',
    declined: '',
  };
  let customerId: string;
  let invoiceId: string;
  const sourceTokens: string[] = [];

  /** The quote as the API serves it, its link left out (an import gives every version a new one, see the exporter). */
  const withoutLink = ({ public_url: _link, ...quote }: Row) => quote;
  /** A version, all its versions and its stored PDF as the tenant's API serves them. */
  async function quoteAsServed(tenant: ProvisionedTenant, id: string) {
    const quote = await ok(tenant, 'GET', `/api/v1/quotes/${id}`);
    const revisions = (await ok(tenant, 'GET', `/api/v1/quotes/${id}/revisions`)).data.map(withoutLink);
    const pdf = await api(tenant.api_key, 'GET', `/api/v1/quotes/${id}/pdf`);
    const file = pdf.statusCode === 200 ? { sha256: sha256(pdf.rawPayload), etag: pdf.headers.etag } : pdf.statusCode;
    return { quote: withoutLink(quote), revisions, file };
  }
  const send = async (id: string) => ok(source, 'POST', `/api/v1/quotes/${id}/send`);
  const draft = async (extra: object = {}) =>
    (await ok(source, 'POST', '/api/v1/quotes', { customer_id: customerId, lines: QUOTE_LINES, ...extra }))
      .id as string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.kernel.jobs.start();
    api = apiOf(t);
    ok = okOf(t);
    anonymous = publicOf(t);
    source = await t.createTenant();
    customerId = await readyTenant(t, source);

    ids.draft = await draft({ note: 'Nog niet verstuurd', discount_percent: '5' });
    // Sent, opened by the customer, then revised into a second version that is sent too.
    ids.v1 = await draft({ note: 'Versie 1', buyer_reference: 'PO-77' });
    const v1 = await send(ids.v1);
    expect((await anonymous('GET', `/api/v1/public/quotes/${tokenOf(v1.public_url)}`)).statusCode).toBe(200);
    ids.v2 = (await ok(source, 'POST', `/api/v1/quotes/${ids.v1}/revise`)).id;
    await ok(source, 'PATCH', `/api/v1/quotes/${ids.v2}`, { note: 'Versie 2, met korting', discount_percent: '10' });
    await send(ids.v2);
    // Accepted with the hosting option ticked, then made into an invoice draft.
    ids.accepted = await draft({ language: 'en' });
    const accepted = await send(ids.accepted);
    const answer = await anonymous(
      'POST',
      `/api/v1/public/quotes/${tokenOf(accepted.public_url)}/accept`,
      { name: 'Jan Jansen', accept_terms: true, selected_optional_lines: [2] },
      { 'user-agent': 'QuoteArchiveTest/1.0' },
    );
    expect(answer.statusCode, answer.body).toBe(200);
    invoiceId = (await ok(source, 'POST', `/api/v1/quotes/${ids.accepted}/convert`)).id;
    ids.declined = await draft();
    const declined = await send(ids.declined);
    const no = await anonymous('POST', `/api/v1/public/quotes/${tokenOf(declined.public_url)}/decline`, {
      reason: 'Te duur',
    });
    expect(no.statusCode, no.body).toBe(200);

    // The e-mails leave in jobs that note `emailed_at`: export once they all have.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const sent = (await ok(source, 'GET', '/api/v1/quotes?limit=100')).data.concat(
        (await ok(source, 'GET', '/api/v1/quotes?status=superseded')).data,
      ) as Row[];
      if (sent.every((quote) => quote.status === 'draft' || quote.emailed_at)) {
        sourceTokens.push(
          ...sent.filter((quote) => quote.public_url).map((quote) => tokenOf(String(quote.public_url))),
        );
        break;
      }
      if (Date.now() > deadline) throw new Error('the quote e-mails were not sent');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    zip = await exportArchiveOf(t, source.api_key);
  });
  afterAll(() => t?.close());

  it('holds every version with its snapshot and answer, the lines, and the exact PDF bytes; no customer links', async () => {
    const entries = unzipSync(zip);
    const manifest = json(entries, 'manifest.json');
    for (const entity of ['quotes.quotes', 'quotes.lines', 'quotes.files'])
      expect(manifest.entities).toContainEqual(expect.objectContaining({ entity, importable: true }));
    const quotes = json(entries, 'data/quotes.quotes.json') as Row[];
    expect(quotes.map((row) => row.id).sort()).toEqual(Object.values(ids).sort());
    const byId = new Map(quotes.map((row) => [row.id, row]));
    expect(byId.get(ids.v2)).toMatchObject({ revision: 2, previous_revision_id: ids.v1, status: 'sent' });
    expect(byId.get(ids.v1)).toMatchObject({ status: 'viewed', superseded_at: expect.any(String) });
    expect(byId.get(ids.accepted)).toMatchObject({
      status: 'accepted',
      accepted_name: 'Jan Jansen',
      accepted_user_agent: 'QuoteArchiveTest/1.0',
      selected_optional_lines: [2],
      invoice_id: invoiceId,
      snapshot: { type: 'quote', language: 'en' },
    });
    expect(byId.get(ids.declined)).toMatchObject({ status: 'declined', declined_reason: 'Te duur' });
    expect(byId.get(ids.draft)).toMatchObject({ status: 'draft', number: null, snapshot: null });
    expect(json(entries, 'data/quotes.lines.json')).toHaveLength(5 * QUOTE_LINES.length);
    expect(strFromU8(entries['csv/quotes.quotes.csv']!)).not.toContain('"supplier"');

    const files = json(entries, 'data/quotes.files.json') as { quote_id: string; file: string; sha256: string }[];
    expect(files.map((file) => file.quote_id).sort()).toEqual([ids.v1, ids.v2, ids.accepted, ids.declined].sort());
    for (const file of files) {
      const served = await api(source.api_key, 'GET', `/api/v1/quotes/${file.quote_id}/pdf`);
      expect(sha256(entries[file.file]!)).toBe(file.sha256);
      expect(sha256(served.rawPayload)).toBe(file.sha256);
    }
    const v2 = byId.get(ids.v2)!;
    expect(files.map((file) => file.file)).toContain(`files/quotes/${ids.v2}/offerte-${v2.number}-v2.pdf`);

    // The customer's link is a credential: it is in no file of the archive.
    expect(sourceTokens).toHaveLength(4);
    const everything = Object.values(entries).map((bytes) => Buffer.from(bytes).toString('latin1'));
    for (const token of sourceTokens) expect(everything.some((text) => text.includes(token))).toBe(false);
    expect(Object.keys(quotes[0]!)).not.toContain('public_token');
  });

  it('restores them into an empty tenant: same versions, answers, invoice link and PDF bytes; new links; still frozen', async () => {
    const target = await t.createTenant();
    const imported = await importArchiveInto(t, target.api_key, zip);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json().imported).toEqual(
      expect.arrayContaining([
        { entity: 'quotes.quotes', count: 5 },
        { entity: 'quotes.lines', count: 5 * QUOTE_LINES.length },
        { entity: 'quotes.files', count: 4 },
      ]),
    );
    for (const id of Object.values(ids))
      expect(await quoteAsServed(target, id), id).toEqual(await quoteAsServed(source, id));
    const list = async (tenant: ProvisionedTenant, query = '') =>
      (await ok(tenant, 'GET', `/api/v1/quotes?limit=100${query}`)).data.map(withoutLink);
    expect(await list(target)).toEqual(await list(source));
    expect(await list(target, '&status=superseded')).toEqual(await list(source, '&status=superseded'));
    expect(await ok(target, 'GET', `/api/v1/invoices/${invoiceId}`)).toEqual(
      await ok(source, 'GET', `/api/v1/invoices/${invoiceId}`),
    );

    // Each sent version has a link of its own in the new account, and it works.
    const declined = await ok(target, 'GET', `/api/v1/quotes/${ids.declined}`);
    const token = tokenOf(declined.public_url);
    expect(sourceTokens).not.toContain(token);
    const page = await anonymous('GET', `/api/v1/public/quotes/${token}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toMatchObject({ status: 'declined', can_respond: false });
    const pdf = await anonymous('GET', `/api/v1/public/quotes/${token}/pdf`);
    expect(sha256(pdf.rawPayload)).toBe(
      json(unzipSync(zip), 'data/quotes.files.json').find(
        (file: { quote_id: string }) => file.quote_id === ids.declined,
      ).sha256,
    );
    expect(pdf.headers.etag).toBe(`"${sha256(pdf.rawPayload)}"`);

    // Sent stays sent: through the API and through any path into the database.
    expectProblem(
      await api(target.api_key, 'PATCH', `/api/v1/quotes/${ids.v2}`, { note: 'Anders' }),
      409,
      'quote_not_draft',
    );
    expectProblem(
      await api(target.api_key, 'POST', `/api/v1/quotes/${ids.accepted}/convert`),
      409,
      'quote_already_converted',
    );
    const refusal = (statement: ReturnType<typeof sql>) =>
      t.kernel.database
        .withTenant(target.tenant_id, (tx) => tx.execute(statement))
        .then(
          () => 'changed',
          (error: Error & { cause?: Error }) => (error.cause ?? error).message,
        );
    expect(await refusal(sql`UPDATE quotes SET note = 'Anders' WHERE id = ${ids.accepted}`)).toMatch(
      /cannot be changed/,
    );
    expect(await refusal(sql`UPDATE quotes SET status = 'draft' WHERE id = ${ids.v1}`)).toMatch(/cannot be changed/);
    expect(await refusal(sql`UPDATE quote_lines SET unit_price = '1' WHERE quote_id = ${ids.v2}`)).toMatch(
      /cannot change/,
    );
    expect(
      await refusal(sql`INSERT INTO quote_lines (tenant_id, quote_id, position, description)
      VALUES (${target.tenant_id}, ${ids.v2}, 99, 'Erbij')`),
    ).toMatch(/cannot change/);
    expect(await refusal(sql`UPDATE quote_files SET sha256 = 'x' WHERE quote_id = ${ids.v1}`)).toMatch(/cannot change/);
    expect(await refusal(sql`DELETE FROM quotes WHERE id = ${ids.declined}`)).toMatch(/cannot be deleted/);

    // A draft stays a draft, and sending it continues the quote series where the source left off.
    const numbers = (await list(source)).map((quote: Row) => quote.number);
    const next = await ok(target, 'POST', `/api/v1/quotes/${ids.draft}/send`);
    expect(numbers).not.toContain(next.number);
    expect(next.number).toMatch(/^O\d{4}-00004$/);

    expect((await importArchiveInto(t, target.api_key, zip)).statusCode).toBe(409);
  });

  it('continues the quote series after the highest number imported even when the counters say less', async () => {
    const archive = repackArchive(unzipSync(zip), (copy) => {
      copy['data/invoices.number_counters.json'] = strToU8('[]');
    });
    const target = await t.createTenant();
    const imported = await importArchiveInto(t, target.api_key, archive);
    expect(imported.statusCode, imported.body).toBe(200);
    expect((await ok(target, 'POST', `/api/v1/quotes/${ids.draft}/send`)).number).toMatch(/^O\d{4}-00004$/);
  });

  it('refuses a PDF that is not the one sent, a sent version without its PDF, and rows that contradict themselves', async () => {
    const entries = unzipSync(zip);
    const files = json(entries, 'data/quotes.files.json') as { quote_id: string; file: string }[];
    const pdf = files.find((file) => file.quote_id === ids.accepted)!;
    const quoteRows = (change: (row: Row) => Row) =>
      withRows(entries, 'quotes.quotes', (rows) => rows.map((row) => (row.id === ids.accepted ? change(row) : row)));
    const cases: [Uint8Array, RegExp][] = [
      [
        repackArchive(entries, (copy) => {
          // One bit of the PDF flipped: the archive's own checksums made to fit, the stored SHA-256 not.
          const bytes = Buffer.from(copy[pdf.file]!);
          bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 1, bytes.length - 10);
          copy[pdf.file] = bytes;
        }),
        /SHA-256 differs/,
      ],
      [
        repackArchive(entries, (copy) => {
          copy['data/quotes.files.json'] = strToU8(JSON.stringify(files.filter((file) => file !== pdf)));
          delete copy[pdf.file];
        }),
        /PDF of .* is missing/,
      ],
      [quoteRows((row) => ({ ...row, status: 'sent' })), /does not fit/],
      [quoteRows((row) => ({ ...row, public_token: 'chosen-by-the-uploader' })), /public_token/],
      [withRows(entries, 'quotes.quotes', (rows) => rows.filter((row) => row.id !== ids.v1)), /does not hold/],
    ];
    for (const [archive, detail] of cases) {
      const empty = await t.createTenant();
      const response = await importArchiveInto(t, empty.api_key, archive);
      expectProblem(response, 422, 'import_archive_invalid');
      expect(response.json().detail).toMatch(detail);
      expect((await ok(empty, 'GET', '/api/v1/quotes')).data).toEqual([]);
    }
  });
});

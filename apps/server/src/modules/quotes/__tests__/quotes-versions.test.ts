import { amsterdamDate, quote as quoteSchema } from '@clientbox/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { apiOf, expectProblem, publicOf } from '../../../test-support/api-requests.ts';
import { QUOTE_LINES, readyTenant, tokenOf } from './quote-fixtures.ts';

describe('quotes: answers, versions, expiry and the frozen record (API)', () => {
  let t: TestApp;
  let acme: ProvisionedTenant;
  let customerId: string;
  let api: ReturnType<typeof apiOf>;
  let anonymous: ReturnType<typeof publicOf>;

  beforeAll(async () => {
    t = await createTestApp();
    api = apiOf(t);
    anonymous = publicOf(t);
    acme = await t.createTenant();
    customerId = await readyTenant(t, acme);
  });
  afterAll(() => t?.close());
  afterEach(() => void vi.useRealTimers());

  async function draftQuote(extra: Record<string, unknown> = {}) {
    const created = await api(acme.api_key, 'POST', '/api/v1/quotes', {
      customer_id: customerId,
      lines: QUOTE_LINES,
      ...extra,
    });
    expect(created.statusCode, created.body).toBe(201);
    return quoteSchema.parse(created.json());
  }

  async function sentQuote(extra: Record<string, unknown> = {}) {
    const draft = await draftQuote(extra);
    const sent = await api(acme.api_key, 'POST', `/api/v1/quotes/${draft.id}/send`);
    expect(sent.statusCode, sent.body).toBe(200);
    return quoteSchema.parse(sent.json());
  }

  it('records a decline with its reason, on the quote and the timeline; then no more answers', async () => {
    const sent = await sentQuote();
    const token = tokenOf(sent.public_url!);
    expectProblem(
      await anonymous('POST', `/api/v1/public/quotes/${token}/decline`, { reason: '  ' }),
      400,
      'validation_failed',
    );
    const declined = await anonymous('POST', `/api/v1/public/quotes/${token}/decline`, { reason: 'Te duur voor ons' });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json()).toMatchObject({
      status: 'declined',
      can_respond: false,
      declined: { reason: 'Te duur voor ons' },
    });
    const inApp = (await api(acme.api_key, 'GET', `/api/v1/quotes/${sent.id}`)).json();
    expect(inApp).toMatchObject({ status: 'declined', decline: { reason: 'Te duur voor ons' }, acceptance: null });
    const timeline = (await api(acme.api_key, 'GET', `/api/v1/organizations/${customerId}/timeline`)).json().data;
    expect(timeline.find((item: { kind: string }) => item.kind === 'quote.declined')?.body).toContain(
      'Te duur voor ons',
    );
    expectProblem(
      await anonymous('POST', `/api/v1/public/quotes/${token}/accept`, { name: 'Jan', accept_terms: true }),
      409,
      'quote_already_declined',
    );
    const listed = (await api(acme.api_key, 'GET', '/api/v1/quotes?status=declined')).json().data;
    expect(listed.map((quote: { id: string }) => quote.id)).toContain(sent.id);
  });

  it('revises a sent quote into version 2 with the same number; version 1 stays readable and superseded', async () => {
    const v1 = await sentQuote();
    const v1Token = tokenOf(v1.public_url!);
    const revised = await api(acme.api_key, 'POST', `/api/v1/quotes/${v1.id}/revise`);
    expect(revised.statusCode, revised.body).toBe(201);
    const v2 = quoteSchema.parse(revised.json());
    expect(v2).toMatchObject({
      status: 'draft',
      number: v1.number,
      revision: 2,
      previous_revision_id: v1.id,
      public_url: null,
      total_incl_vat: v1.total_incl_vat,
    });
    expect(v2.lines).toEqual(v1.lines);
    expect((await api(acme.api_key, 'GET', `/api/v1/quotes/${v1.id}`)).json()).toMatchObject({
      status: 'superseded',
      superseded_by_id: v2.id,
    });
    expectProblem(await api(acme.api_key, 'POST', `/api/v1/quotes/${v1.id}/revise`), 409, 'quote_not_revisable');
    expectProblem(await api(acme.api_key, 'POST', `/api/v1/quotes/${v2.id}/revise`), 409, 'quote_not_revisable');

    // The old link still shows what was sent, but can no longer be answered.
    const oldPage = await anonymous('GET', `/api/v1/public/quotes/${v1Token}`);
    expect(oldPage.json()).toMatchObject({ status: 'superseded', can_respond: false, revision: 1 });
    expectProblem(
      await anonymous('POST', `/api/v1/public/quotes/${v1Token}/accept`, { name: 'Jan', accept_terms: true }),
      409,
      'quote_superseded',
    );

    // Version 2 is edited and sent under the same number, with a link of its own.
    const lines = QUOTE_LINES.map((line, index) => (index === 1 ? { ...line, unit_price: '80.00' } : line));
    const patched = await api(
      acme.api_key,
      'PATCH',
      `/api/v1/quotes/${v2.id}`,
      { lines },
      { 'if-match': `"${v2.version}"` },
    );
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().total_incl_vat).toBe('968.00');
    const sentV2 = quoteSchema.parse((await api(acme.api_key, 'POST', `/api/v1/quotes/${v2.id}/send`)).json());
    expect(sentV2).toMatchObject({ status: 'sent', number: v1.number, revision: 2 });
    expect(tokenOf(sentV2.public_url!)).not.toBe(v1Token);

    // The history: both versions, each with its own PDF as sent.
    const history = (await api(acme.api_key, 'GET', `/api/v1/quotes/${v2.id}/revisions`)).json().data;
    expect(history.map((quote: { revision: number; status: string }) => [quote.revision, quote.status])).toEqual([
      [1, 'superseded'],
      [2, 'sent'],
    ]);
    const pdf1 = await api(acme.api_key, 'GET', `/api/v1/quotes/${v1.id}/pdf`);
    const pdf2 = await api(acme.api_key, 'GET', `/api/v1/quotes/${v2.id}/pdf`);
    expect(pdf1.statusCode).toBe(200);
    expect(pdf2.headers['content-disposition']).toContain(`offerte-${v1.number}-v2.pdf`);
    expect(Buffer.compare(pdf1.rawPayload, pdf2.rawPayload)).not.toBe(0);

    // The list shows the current version; superseded ones on request.
    const current = (await api(acme.api_key, 'GET', '/api/v1/quotes?limit=100')).json().data;
    expect(current.map((quote: { id: string }) => quote.id)).toContain(v2.id);
    expect(current.map((quote: { id: string }) => quote.id)).not.toContain(v1.id);
    const superseded = (await api(acme.api_key, 'GET', '/api/v1/quotes?status=superseded')).json().data;
    expect(superseded.map((quote: { id: string }) => quote.id)).toContain(v1.id);
  });

  it('deleting a new version’s draft puts the previous version back in force', async () => {
    const v1 = await sentQuote();
    const v2 = (await api(acme.api_key, 'POST', `/api/v1/quotes/${v1.id}/revise`)).json();
    expect((await api(acme.api_key, 'DELETE', `/api/v1/quotes/${v2.id}`)).statusCode).toBe(204);
    expect((await api(acme.api_key, 'GET', `/api/v1/quotes/${v1.id}`)).json()).toMatchObject({
      status: 'sent',
      superseded_by_id: null,
    });
    expectProblem(await api(acme.api_key, 'GET', `/api/v1/quotes/${v2.id}`), 404, 'quote_not_found');
  });

  it('expires after its last valid day: shown as expired, no longer accepted, still revisable', async () => {
    // Sent 40 days ago with 30 days' validity.
    const past = new Date(Date.now() - 40 * 86_400_000);
    vi.useFakeTimers({ toFake: ['Date'], now: past });
    const sent = await sentQuote();
    vi.useRealTimers();
    expect(sent.valid_until! < amsterdamDate()).toBe(true);
    const token = tokenOf(sent.public_url!);
    expect((await api(acme.api_key, 'GET', `/api/v1/quotes/${sent.id}`)).json().status).toBe('expired');
    expect((await anonymous('GET', `/api/v1/public/quotes/${token}`)).json()).toMatchObject({
      status: 'expired',
      can_respond: false,
    });
    expectProblem(
      await anonymous('POST', `/api/v1/public/quotes/${token}/accept`, { name: 'Te laat', accept_terms: true }),
      409,
      'quote_expired',
    );
    const expired = (await api(acme.api_key, 'GET', '/api/v1/quotes?status=expired')).json().data;
    expect(expired.map((quote: { id: string }) => quote.id)).toEqual([sent.id]);
    expect((await api(acme.api_key, 'POST', `/api/v1/quotes/${sent.id}/revise`)).statusCode).toBe(201);
  });

  it('keeps a sent quote as sent for every path into the database', async () => {
    const sent = await sentQuote();
    const refusal = (statement: ReturnType<typeof sql>) =>
      t.kernel.database
        .withTenant(acme.tenant_id, (tx) => tx.execute(statement))
        .then(
          () => 'changed',
          (error: Error & { cause?: Error }) => (error.cause ?? error).message,
        );
    expect(await refusal(sql`UPDATE quotes SET valid_until = '2099-01-01' WHERE id = ${sent.id}`)).toMatch(
      /cannot be changed/,
    );
    expect(await refusal(sql`UPDATE quote_lines SET unit_price = '1' WHERE quote_id = ${sent.id}`)).toMatch(
      /cannot change/,
    );
    expect(await refusal(sql`DELETE FROM quotes WHERE id = ${sent.id}`)).toMatch(/cannot be deleted/);
  });

  it('lists newest first with cursor paging and a customer filter', async () => {
    const person = (
      await api(acme.api_key, 'POST', '/api/v1/persons', { first_name: 'Karin', last_name: 'Smit' })
    ).json();
    const ids: string[] = [];
    for (let index = 0; index < 3; index += 1) ids.push((await draftQuote({ customer_id: person.id })).id);
    const first = (await api(acme.api_key, 'GET', `/api/v1/quotes?customer_id=${person.id}&limit=2`)).json();
    expect(first.data.map((quote: { id: string }) => quote.id)).toEqual([ids[2], ids[1]]);
    expect(first.has_more).toBe(true);
    expect(first.data[0].customer_name).toBe('Karin Smit');
    const second = (
      await api(acme.api_key, 'GET', `/api/v1/quotes?customer_id=${person.id}&limit=2&starting_after=${ids[1]}`)
    ).json();
    expect(second).toMatchObject({ has_more: false, data: [{ id: ids[0] }] });
  });
});

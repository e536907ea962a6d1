import { sql } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import {
  archiveJson as json,
  exportArchiveOf,
  importArchiveInto,
  withRows,
} from '../../../test-support/export-archive.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { apiOf, expectProblem, okOf, publicOf } from '../../../test-support/api-requests.ts';
import { readyCreditor, tokenOf } from './mandate-fixtures.ts';

type Row = Record<string, unknown>;

describe('terms art. 17: mandates, revoked ones and the evidence of online signing, survive export → import', () => {
  let t: TestApp;
  let source: ProvisionedTenant;
  let api: ReturnType<typeof apiOf>;
  let ok: ReturnType<typeof okOf>;
  let anonymous: ReturnType<typeof publicOf>;
  let zip: Uint8Array;
  const ids: Record<'paper' | 'revoked' | 'pending' | 'online', string> = {
    paper: '',
    revoked: '',
    pending: '',
    online: '',
  };
  const sourceTokens: string[] = [];

  /** A mandate as served, its signing link left out (an import gives a pending request a new one). */
  const withoutLink = ({ public_url: _link, ...mandate }: Row) => mandate;

  beforeAll(async () => {
    t = await createTestApp();
    await t.kernel.jobs.start();
    api = apiOf(t);
    ok = okOf(t);
    anonymous = publicOf(t);
    source = await t.createTenant();
    const { organizationId, personId } = await readyCreditor(t, source);
    const paper = { signed_on: '2025-06-01', debtor_name: 'Afnemer B.V.', iban: 'NL91ABNA0417164300' };
    ids.paper = (
      await ok(source, 'POST', '/api/v1/mandates', { customer_id: organizationId, scheme: 'B2B', ...paper })
    ).id;
    await t.kernel.database.owner.execute(
      sql`UPDATE mandates SET last_collection_on = '2025-07-01' WHERE id = ${ids.paper}`,
    );
    await ok(source, 'PATCH', `/api/v1/mandates/${ids.paper}`, { iban: 'NL20INGB0001234567', bic: 'INGBNL2A' });
    ids.revoked = (
      await ok(source, 'POST', '/api/v1/mandates', { customer_id: personId, mandate_id: 'OUD-1', ...paper })
    ).id;
    await ok(source, 'POST', `/api/v1/mandates/${ids.revoked}/revoke`, { reason: 'Opgezegd' });
    const pending = await ok(source, 'POST', '/api/v1/mandates/requests', { customer_id: personId, type: 'one_off' });
    ids.pending = pending.id;
    sourceTokens.push(tokenOf(pending.public_url));
    const online = await ok(source, 'POST', '/api/v1/mandates/requests', { customer_id: organizationId });
    ids.online = online.id;
    sourceTokens.push(tokenOf(online.public_url));
    const signed = await anonymous(
      'POST',
      `/api/v1/public/mandates/${tokenOf(online.public_url)}/sign`,
      { name: 'P. Jansen', iban: 'NL91ABNA0417164300', place: 'Utrecht', accept: true },
      { 'user-agent': 'MandateArchiveTest/1.0' },
    );
    expect(signed.statusCode, signed.body).toBe(200);
    zip = await exportArchiveOf(t, source.api_key);
  });
  afterAll(() => t?.close());

  it('holds every mandate with its signing evidence and the amended account; no signing links', () => {
    const entries = unzipSync(zip);
    expect(json(entries, 'manifest.json').entities).toContainEqual(
      expect.objectContaining({ entity: 'receivables.mandates', importable: true }),
    );
    const rows = json(entries, 'data/receivables.mandates.json') as Row[];
    expect(rows.map((row) => row.id).sort()).toEqual(Object.values(ids).sort());
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(ids.paper)).toMatchObject({
      scheme: 'B2B',
      iban: 'NL20INGB0001234567',
      original_iban: 'NL91ABNA0417164300',
      last_collection_on: '2025-07-01',
    });
    expect(byId.get(ids.revoked)).toMatchObject({ status: 'revoked', mandate_id: 'OUD-1', revoked_reason: 'Opgezegd' });
    expect(byId.get(ids.online)).toMatchObject({
      status: 'active',
      signed_ip: '127.0.0.1',
      signed_user_agent: 'MandateArchiveTest/1.0',
      signed_at: expect.any(String),
    });
    expect(Object.keys(rows[0]!)).not.toContain('public_token');
    const everything = Object.values(entries).map((bytes) => Buffer.from(bytes).toString('latin1'));
    for (const token of sourceTokens) expect(everything.some((text) => text.includes(token))).toBe(false);
  });

  it('restores them into an empty tenant as they were; a pending request gets a new link that works', async () => {
    const target = await t.createTenant();
    const imported = await importArchiveInto(t, target.api_key, zip);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json().imported).toContainEqual({ entity: 'receivables.mandates', count: 4 });
    const list = async (tenant: ProvisionedTenant) =>
      (await ok(tenant, 'GET', '/api/v1/mandates?limit=100')).data.map(withoutLink);
    expect(await list(target)).toEqual(await list(source));

    const pending = await ok(target, 'GET', `/api/v1/mandates/${ids.pending}`);
    const token = tokenOf(pending.public_url);
    expect(sourceTokens).not.toContain(token);
    expect((await anonymous('GET', `/api/v1/public/mandates/${token}`)).json()).toMatchObject({ can_sign: true });
    // The ids stay taken in the new account too.
    const reuse = await api(target.api_key, 'POST', '/api/v1/mandates/requests', {
      customer_id: pending.customer_id,
      mandate_id: 'OUD-1',
    });
    expectProblem(reuse, 409, 'mandate_id_taken');
  });

  it('refuses an archive whose mandates contradict themselves, and writes nothing', async () => {
    const entries = unzipSync(zip);
    const broken = withRows(entries, 'receivables.mandates', (rows) =>
      rows.map((row) => (row.id === ids.revoked ? { ...row, revoked_at: null } : row)),
    );
    const target = await t.createTenant();
    const refused = await importArchiveInto(t, target.api_key, broken);
    expectProblem(refused, 422, 'import_archive_invalid');
    expect(refused.json().detail).toMatch(/receivables\.mandates: row \d+: a revoked mandate needs revoked_at/);
    expect((await ok(target, 'GET', '/api/v1/mandates')).data).toEqual([]);
  });
});

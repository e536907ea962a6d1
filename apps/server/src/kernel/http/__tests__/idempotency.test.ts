import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisionedTenant } from '../../accounts/provision-tenant.ts';
import { apiOf, expectProblem, fieldErrors } from '../../../test-support/api-requests.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';

/** API conventions §6: a POST sent again with its Idempotency-Key gets the first answer; the work is done once. */
describe('Idempotency-Key', () => {
  let t: TestApp;
  let tenant: ProvisionedTenant;
  let other: ProvisionedTenant;
  let api: ReturnType<typeof apiOf>;

  beforeAll(async () => {
    t = await createTestApp();
    api = apiOf(t);
    tenant = await t.createTenant('Sleutel BV');
    other = await t.createTenant('Andere Sleutel BV');
  });
  afterAll(() => t.close());

  const create = (who: ProvisionedTenant, name: string, key?: string) =>
    api(who.api_key, 'POST', '/api/v1/organizations', { name }, key ? { 'idempotency-key': key } : {});
  const countNamed = async (who: ProvisionedTenant, name: string) => {
    const list = (await api(who.api_key, 'GET', '/api/v1/organizations?limit=100')).json();
    return (list.data as { name: string }[]).filter((organization) => organization.name === name).length;
  };

  it('answers a repeated request with the first answer and creates the relation once', async () => {
    const first = await create(tenant, 'Bakkerij Eenmaal B.V.', 'key-once-1');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await create(tenant, 'Bakkerij Eenmaal B.V.', 'key-once-1');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await countNamed(tenant, 'Bakkerij Eenmaal B.V.')).toBe(1);
    // Without a key, the same request is new work.
    expect((await create(tenant, 'Bakkerij Eenmaal B.V.')).statusCode).toBe(201);
    expect(await countNamed(tenant, 'Bakkerij Eenmaal B.V.')).toBe(2);
  });

  it('refuses the same key with another request, and changes nothing', async () => {
    expect((await create(tenant, 'Slagerij Eerst B.V.', 'key-reused')).statusCode).toBe(201);
    const reused = await create(tenant, 'Slagerij Anders B.V.', 'key-reused');
    expectProblem(reused, 409, 'idempotency_key_reused');
    expect(await countNamed(tenant, 'Slagerij Anders B.V.')).toBe(0);
  });

  it('keeps keys per tenant: another tenant with the same key gets its own work done', async () => {
    const mine = await create(tenant, 'Gedeelde Sleutel B.V.', 'key-shared');
    const theirs = await create(other, 'Gedeelde Sleutel B.V.', 'key-shared');
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.json().id).not.toBe(mine.json().id);
    expect(await countNamed(other, 'Gedeelde Sleutel B.V.')).toBe(1);
  });

  it('stores no refusal: after a failed request the same key does the corrected work', async () => {
    const refused = await create(tenant, '', 'key-after-error');
    expectProblem(refused, 400, 'validation_failed');
    const corrected = await create(tenant, 'Na De Fout B.V.', 'key-after-error');
    expect(corrected.statusCode).toBe(201);
    expect(corrected.headers['idempotent-replayed']).toBeUndefined();
  });

  it('lets two requests with one key at the same time do the work once', async () => {
    const [a, b] = await Promise.all([
      create(tenant, 'Gelijktijdig B.V.', 'key-concurrent'),
      create(tenant, 'Gelijktijdig B.V.', 'key-concurrent'),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json()).toEqual(b.json());
    expect(await countNamed(tenant, 'Gelijktijdig B.V.')).toBe(1);
  });

  it('forgets a key after 24 hours', async () => {
    expect((await create(tenant, 'Gisteren B.V.', 'key-expires')).statusCode).toBe(201);
    await t.kernel.database.owner.execute(
      sql`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = 'key-expires'`,
    );
    const later = await create(tenant, 'Vandaag B.V.', 'key-expires');
    expect(later.statusCode).toBe(201);
    expect(later.json().name).toBe('Vandaag B.V.');
  });

  it('refuses a malformed key at the header, before any work', async () => {
    const malformed = await create(tenant, 'Spatie B.V.', 'has a space');
    expectProblem(malformed, 400, 'validation_failed');
    expect(fieldErrors(malformed)).toEqual({ 'Idempotency-Key': 'invalid_idempotency_key' });
    expect(await countNamed(tenant, 'Spatie B.V.')).toBe(0);
  });

  it('documents the header on the POST routes of the OpenAPI document', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const post = document.paths['/api/v1/organizations'].post;
    expect(post.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }));
    expect(post.responses['409']).toBeDefined();
  });
});

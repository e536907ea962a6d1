import { job as jobSchema } from '@clientbox/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisionedTenant } from '../../accounts/provision-tenant.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';

describe('GET /api/v1/jobs/:id', () => {
  let t: TestApp;
  let tenantA: ProvisionedTenant;
  let tenantB: ProvisionedTenant;
  let runId: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.kernel.jobs.define<{ n: number }>('test.double', async (job) => {
      await job.progress(1, 1);
      return { doubled: job.payload.n * 2 };
    });
    await t.kernel.jobs.start();
    [tenantA, tenantB] = [await t.createTenant('A BV'), await t.createTenant('B BV')];
    runId = await t.kernel.database.withTenant(tenantA.tenant_id, (tx) =>
      t.kernel.jobs.enqueue({ tenantId: tenantA.tenant_id, tx }, 'test.double', { n: 21 }),
    );
  });
  afterAll(() => t?.close());

  it("shows the tenant's job run until it completes with its result", async () => {
    const deadline = Date.now() + 20_000;
    let body: unknown;
    for (;;) {
      const response = await t.api(tenantA.api_key, { method: 'GET', url: `/api/v1/jobs/${runId}` });
      expect(response.statusCode).toBe(200);
      body = jobSchema.parse(response.json());
      if ((body as { state: string }).state === 'completed' || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(body).toMatchObject({
      id: runId,
      name: 'test.double',
      state: 'completed',
      progress: { done: 1, total: 1 },
      result: { doubled: 42 },
      error: null,
    });
  });

  it("answers 404 for another tenant's job run, as for one that does not exist", async () => {
    for (const url of [`/api/v1/jobs/${runId}`, '/api/v1/jobs/00000000-0000-4000-8000-000000000000']) {
      const response = await t.api(tenantB.api_key, { method: 'GET', url });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'not_found' });
    }
  });

  it('refuses an id that is not a uuid, and callers without credentials', async () => {
    const invalid = await t.api(tenantA.api_key, { method: 'GET', url: '/api/v1/jobs/42' });
    expect(invalid.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/jobs/${runId}` })).statusCode).toBe(401);
  });

  it('is in the OpenAPI document', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(document.paths['/api/v1/jobs/{id}']?.get?.tags).toEqual(['Jobs']);
  });
});

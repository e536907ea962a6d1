import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberships } from '../../../kernel/db/schema.ts';
import { importOrder } from '../../../kernel/export/export-registry.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { addTimelineItem } from '../index.ts';
import { insertOrganization, insertPerson, tenantWithOwner } from './activities-fixtures.ts';

const ENTITIES = ['crm.deal_stages', 'crm.deals', 'crm.tasks', 'crm.timeline_items'];

function multipart(bytes: Uint8Array) {
  const boundary = '----clientboxactivities';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="export.zip"\r\nContent-Type: application/zip\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('terms art. 17: activities in the export archive, restored into an empty account', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await t.kernel.jobs.start();
  });
  afterAll(() => t.close());

  async function exportArchive(key: string): Promise<Buffer> {
    const started = await t.api(key, { method: 'POST', url: '/api/v1/exports' });
    expect(started.statusCode).toBe(202);
    const id = started.json().id;
    const deadline = Date.now() + 30_000;
    for (;;) {
      const job = (await t.api(key, { method: 'GET', url: `/api/v1/jobs/${id}` })).json();
      if (job.state === 'completed') break;
      if (job.state === 'failed' || Date.now() > deadline) throw new Error(`export: ${JSON.stringify(job)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return (await t.api(key, { method: 'GET', url: `/api/v1/exports/${id}/archive` })).rawPayload;
  }

  it('imports the activities after the relations they point at', () => {
    const order = importOrder(t.kernel.exports.list()).map((exporter) => exporter.entity);
    for (const entity of ENTITIES) {
      expect(order.indexOf(entity)).toBeGreaterThan(order.indexOf('crm.organizations'));
      expect(order.indexOf(entity)).toBeGreaterThan(order.indexOf('crm.persons'));
    }
    expect(order.indexOf('crm.deals')).toBeGreaterThan(order.indexOf('crm.deal_stages'));
  });

  it('exports timeline items, tasks, stages and deals as JSON and CSV, and restores them with their references', async () => {
    const source = await tenantWithOwner(t);
    const organizationId = await insertOrganization(t, source.tenant_id, 'Export Partners BV');
    const personId = await insertPerson(t, source.tenant_id, 'Eva', 'Export');
    const call = { organization_id: organizationId, kind: 'call', body: 'Gebeld, "akkoord" =1+1' };
    expect((await t.session(source.cookie, { method: 'POST', url: '/api/v1/notes', payload: call })).statusCode).toBe(
      201,
    );
    await t.kernel.database.withTenant(source.tenant_id, (tx) =>
      addTimelineItem(
        { tenantId: source.tenant_id, tx },
        {
          person_id: personId,
          kind: 'invoice.paid',
          body: 'Factuur betaald',
          source_type: 'invoice',
          source_id: 'inv-1',
        },
      ),
    );
    await t.session(source.cookie, {
      method: 'POST',
      url: '/api/v1/tasks',
      payload: { kind: 'callback', title: 'Eva terugbellen', due_on: '2026-05-01', person_id: personId },
    });
    const stages = (await t.api(source.api_key, { method: 'GET', url: '/api/v1/deal_stages' })).json().data;
    await t.session(source.cookie, {
      method: 'PATCH',
      url: `/api/v1/deal_stages/${stages[0].id}`,
      payload: { name: 'Binnengekomen' },
    });
    const lostStage = stages.find((stage: { outcome: string }) => stage.outcome === 'lost');
    const deal = (
      await t.session(source.cookie, {
        method: 'POST',
        url: '/api/v1/deals',
        payload: { title: 'Onderhoudscontract', organization_id: organizationId, value: '2400.00', probability: '60' },
      })
    ).json();
    await t.session(source.cookie, {
      method: 'POST',
      url: `/api/v1/deals/${deal.id}/move`,
      payload: { stage_id: lostStage.id, position: 0, lost_reason: 'Budget naar volgend jaar' },
    });

    const zip = await exportArchive(source.api_key);
    const entries = unzipSync(zip);
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!));
    for (const entity of ENTITIES)
      expect(manifest.entities.find((entry: { entity: string }) => entry.entity === entity)).toMatchObject({
        file: `data/${entity}.json`,
        csv_file: `csv/${entity}.csv`,
        importable: true,
      });
    const exportedDeals = JSON.parse(strFromU8(entries['data/crm.deals.json']!));
    expect(exportedDeals).toEqual([
      expect.objectContaining({
        id: deal.id,
        value: '2400.00',
        lost_reason: 'Budget naar volgend jaar',
        probability: null,
        owner_email: expect.stringContaining('@'),
      }),
    ]);
    const timelineCsv = Buffer.from(entries['csv/crm.timeline_items.csv']!).toString('utf8');
    expect(timelineCsv.split('\r\n')[0]).toBe(
      '\uFEFFid,organization_id,person_id,kind,body,occurred_at,author_name,author_email,source_type,source_id,details,created_at',
    );
    expect(timelineCsv).toContain('"Gebeld, ""akkoord"" =1+1"');

    // An empty account: its default stages do not count as data. The source owner is a member there too.
    const target = await tenantWithOwner(t);
    expect((await t.api(target.api_key, { method: 'GET', url: '/api/v1/deal_stages' })).json().data).toHaveLength(6);
    await t.kernel.database.owner
      .insert(memberships)
      .values({ tenantId: target.tenant_id, userId: source.user_id, role: 'member' });
    const imported = await t.api(target.api_key, { method: 'POST', url: '/api/v1/imports', ...multipart(zip) });
    expect(imported.statusCode).toBe(200);
    expect(imported.json().imported).toEqual(
      expect.arrayContaining([
        { entity: 'crm.deal_stages', count: 6 },
        { entity: 'crm.deals', count: 1 },
        { entity: 'crm.tasks', count: 1 },
        { entity: 'crm.timeline_items', count: 2 },
      ]),
    );

    const restoredStages = (await t.api(target.api_key, { method: 'GET', url: '/api/v1/deal_stages' })).json().data;
    expect(restoredStages.map((stage: { name: string }) => stage.name)).toEqual(
      stages.map((stage: { name: string }, index: number) => (index === 0 ? 'Binnengekomen' : stage.name)),
    );
    const restoredDeal = (await t.api(target.api_key, { method: 'GET', url: `/api/v1/deals/${deal.id}` })).json();
    expect(restoredDeal).toMatchObject({
      organization_id: organizationId,
      organization_name: 'Export Partners BV',
      stage_id: lostStage.id,
      outcome: 'lost',
      lost_reason: 'Budget naar volgend jaar',
      value: '2400.00',
      owner: { user_id: source.user_id },
    });
    expect(restoredDeal.closed_at).not.toBeNull();
    const tasks = (await t.api(target.api_key, { method: 'GET', url: `/api/v1/tasks?person_id=${personId}` })).json()
      .data;
    expect(tasks).toEqual([
      expect.objectContaining({
        kind: 'callback',
        title: 'Eva terugbellen',
        person_name: 'Eva Export',
        assignee: expect.objectContaining({ user_id: source.user_id }),
      }),
    ]);
    const timeline = (
      await t.api(target.api_key, { method: 'GET', url: `/api/v1/organizations/${organizationId}/timeline` })
    ).json().data;
    expect(timeline).toEqual([expect.objectContaining({ kind: 'call', body: call.body, is_note: true })]);
    const personTimeline = (
      await t.api(target.api_key, { method: 'GET', url: `/api/v1/persons/${personId}/timeline` })
    ).json().data;
    expect(personTimeline).toEqual([
      expect.objectContaining({ kind: 'invoice.paid', source: { type: 'invoice', id: 'inv-1' } }),
    ]);

    // Now it holds data: a second import is refused.
    const again = await t.api(target.api_key, { method: 'POST', url: '/api/v1/imports', ...multipart(zip) });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('import_tenant_not_empty');
  });
});

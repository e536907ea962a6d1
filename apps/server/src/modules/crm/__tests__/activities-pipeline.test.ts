import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { monthsUpTo } from '../activities/shared/amsterdam-time.ts';
import { deals } from '../crm.tables.ts';
import { addColleague, insertOrganization, tenantWithOwner } from './activities-fixtures.ts';

type Stage = { id: string; name: string; outcome: string; probability: string; deal_count: number };

describe('CRM sales pipeline: stages, deals, the board and the summary', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function stagesOf(key: string): Promise<Stage[]> {
    return (await t.api(key, { method: 'GET', url: '/api/v1/deal_stages' })).json().data;
  }
  const byName = (stages: Stage[], name: string) => stages.find((stage) => stage.name === name)!;

  it('a new account gets the default stages on the first read, once', async () => {
    const owner = await tenantWithOwner(t);
    const [first, second] = await Promise.all([
      t.api(owner.api_key, { method: 'GET', url: '/api/v1/deal_stages' }),
      t.api(owner.api_key, { method: 'GET', url: '/api/v1/deal_stages' }),
    ]);
    const expected = [
      ['Nieuw', '10', 'open'],
      ['Gekwalificeerd', '25', 'open'],
      ['Offerte', '50', 'open'],
      ['Onderhandeling', '75', 'open'],
      ['Gewonnen', '100', 'won'],
      ['Verloren', '0', 'lost'],
    ];
    for (const response of [first, second])
      expect(
        response
          .json()
          .data.map((stage: Stage & { position: number }) => [stage.name, stage.probability, stage.outcome]),
      ).toEqual(expected);
    expect((await stagesOf(owner.api_key)).map((stage) => stage.id)).toEqual(
      first.json().data.map((stage: Stage) => stage.id),
    );
  });

  it('creates a deal in cents with the probability of its stage, moves it across the board with closed_at and lost_reason', async () => {
    const owner = await tenantWithOwner(t);
    const organizationId = await insertOrganization(t, owner.tenant_id, 'Drukkerij Smit');
    const stages = await stagesOf(owner.api_key);
    const created = await t.session(owner.cookie, {
      method: 'POST',
      url: '/api/v1/deals',
      payload: {
        title: 'Nieuwe website',
        organization_id: organizationId,
        value: '12500.5',
        expected_close_on: '2026-06-30',
      },
    });
    expect(created.statusCode).toBe(201);
    const deal = created.json();
    expect(deal).toMatchObject({
      object: 'deal',
      title: 'Nieuwe website',
      organization_name: 'Drukkerij Smit',
      stage_id: byName(stages, 'Nieuw').id,
      outcome: 'open',
      value: '12500.50',
      currency: 'EUR',
      probability: '10',
      is_probability_from_stage: true,
      closed_at: null,
      lost_reason: null,
      position: 0,
      owner: { user_id: owner.user_id },
      version: 1,
    });
    const [stored] = await t.kernel.database.withTenant(owner.tenant_id, (tx) =>
      tx
        .select({ cents: deals.valueCents })
        .from(deals)
        .where(and(eq(deals.tenantId, owner.tenant_id), eq(deals.id, deal.id))),
    );
    expect(stored!.cents).toBe(1250050n);

    const move = (stageName: string, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
      t.session(owner.cookie, {
        method: 'POST',
        url: `/api/v1/deals/${deal.id}/move`,
        headers,
        payload: { stage_id: byName(stages, stageName).id, position: 0, ...body },
      });

    const quoted = await move('Offerte', {}, { 'if-match': '"1"' });
    expect(quoted.json()).toMatchObject({ outcome: 'open', probability: '50', closed_at: null, version: 2 });
    expect((await move('Onderhandeling', {}, { 'if-match': '"1"' })).statusCode).toBe(412);

    const noReason = await move('Verloren');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toEqual([expect.objectContaining({ field: 'lost_reason', code: 'required' })]);
    const lost = await move('Verloren', { lost_reason: 'Te duur' });
    expect(lost.json()).toMatchObject({ outcome: 'lost', lost_reason: 'Te duur', probability: '0' });
    expect(lost.json().closed_at).not.toBeNull();
    const clearReason = await t.session(owner.cookie, {
      method: 'PATCH',
      url: `/api/v1/deals/${deal.id}`,
      payload: { lost_reason: null },
    });
    expect(clearReason.json().errors[0]).toMatchObject({ field: 'lost_reason', code: 'required' });

    const reopened = await move('Onderhandeling');
    expect(reopened.json()).toMatchObject({ outcome: 'open', closed_at: null, lost_reason: null, probability: '75' });
    const own = await t.session(owner.cookie, {
      method: 'PATCH',
      url: `/api/v1/deals/${deal.id}`,
      payload: { probability: '90', value: '13000' },
    });
    expect(own.json()).toMatchObject({ probability: '90', is_probability_from_stage: false, value: '13000.00' });
    const won = await move('Gewonnen');
    expect(won.json()).toMatchObject({ outcome: 'won', probability: '100', is_probability_from_stage: true });
    expect(Date.parse(won.json().closed_at)).toBeGreaterThan(Date.now() - 60_000);

    const invalid = await t.session(owner.cookie, {
      method: 'POST',
      url: '/api/v1/deals',
      payload: { title: '', value: '12,50', currency: 'USD', probability: '150' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(
      invalid
        .json()
        .errors.map((error: { field: string; code: string }) => `${error.field}:${error.code}`)
        .sort(),
    ).toEqual([
      'currency:invalid_currency',
      'probability:invalid_percentage',
      'title:required',
      'value:invalid_amount',
    ]);
    const audit = await t.session(owner.cookie, { method: 'GET', url: '/api/v1/audit_events?limit=30' });
    expect(audit.json().data.map((event: { action: string }) => event.action)).toEqual(
      expect.arrayContaining(['crm.deal_created', 'crm.deal_moved', 'crm.deal_updated']),
    );
  });

  it('reorders cards within a column and between columns', async () => {
    const owner = await tenantWithOwner(t);
    const stages = await stagesOf(owner.api_key);
    const create = async (title: string) =>
      (await t.api(owner.api_key, { method: 'POST', url: '/api/v1/deals', payload: { title } })).json().id as string;
    const a = await create('A');
    const b = await create('B');
    const c = await create('C');
    const column = async (stageName: string) =>
      (await t.api(owner.api_key, { method: 'GET', url: `/api/v1/deals?stage_id=${byName(stages, stageName).id}` }))
        .json()
        .data.map((deal: { title: string; position: number }) => `${deal.title}${deal.position}`);
    expect(await column('Nieuw')).toEqual(['A0', 'B1', 'C2']);
    await t.api(owner.api_key, {
      method: 'POST',
      url: `/api/v1/deals/${c}/move`,
      payload: { stage_id: byName(stages, 'Nieuw').id, position: 0 },
    });
    expect(await column('Nieuw')).toEqual(['C0', 'A1', 'B2']);
    await t.api(owner.api_key, {
      method: 'POST',
      url: `/api/v1/deals/${a}/move`,
      payload: { stage_id: byName(stages, 'Offerte').id, position: 5 },
    });
    await t.api(owner.api_key, {
      method: 'POST',
      url: `/api/v1/deals/${b}/move`,
      payload: { stage_id: byName(stages, 'Offerte').id, position: 0 },
    });
    expect(await column('Nieuw')).toEqual(['C0']);
    expect(await column('Offerte')).toEqual(['B0', 'A1']);
    const board = await t.api(owner.api_key, { method: 'GET', url: '/api/v1/deals?limit=2' });
    expect(board.json()).toMatchObject({ has_more: true, data: [{ title: 'C' }, { title: 'B' }] });
    const rest = await t.api(owner.api_key, {
      method: 'GET',
      url: `/api/v1/deals?limit=2&starting_after=${board.json().data[1].id}`,
    });
    expect(rest.json()).toMatchObject({ has_more: false, data: [{ title: 'A' }] });
  });

  it('keeps stages with deals and the last open stage; admins manage the stages', async () => {
    const owner = await tenantWithOwner(t);
    const colleague = await addColleague(t, owner);
    const stages = await stagesOf(owner.api_key);
    await t.api(owner.api_key, {
      method: 'POST',
      url: '/api/v1/deals',
      payload: { title: 'In Offerte', stage_id: byName(stages, 'Offerte').id },
    });
    const withDeals = await t.api(owner.api_key, {
      method: 'DELETE',
      url: `/api/v1/deal_stages/${byName(stages, 'Offerte').id}`,
    });
    expect(withDeals.statusCode).toBe(409);
    expect(withDeals.json().code).toBe('deal_stage_has_deals');
    expect(byName(await stagesOf(owner.api_key), 'Offerte').deal_count).toBe(1);
    const outcomeChange = await t.api(owner.api_key, {
      method: 'PATCH',
      url: `/api/v1/deal_stages/${byName(stages, 'Offerte').id}`,
      payload: { outcome: 'won' },
    });
    expect(outcomeChange.json().code).toBe('deal_stage_has_deals');

    const byMember = await t.session(colleague.cookie, {
      method: 'POST',
      url: '/api/v1/deal_stages',
      payload: { name: 'Demo gegeven' },
    });
    expect(byMember.statusCode).toBe(403);
    const added = await t.session(owner.cookie, {
      method: 'POST',
      url: '/api/v1/deal_stages',
      payload: { name: 'Demo gegeven', probability: '40', position: 2 },
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ name: 'Demo gegeven', probability: '40', outcome: 'open', position: 2 });
    const renamed = await t.session(owner.cookie, {
      method: 'PATCH',
      url: `/api/v1/deal_stages/${byName(stages, 'Nieuw').id}`,
      payload: { name: 'Lead', position: 6 },
    });
    expect(renamed.json()).toMatchObject({ name: 'Lead', position: 6 });
    expect((await stagesOf(owner.api_key)).map((stage) => stage.name)).toEqual([
      'Gekwalificeerd',
      'Demo gegeven',
      'Offerte',
      'Onderhandeling',
      'Gewonnen',
      'Verloren',
      'Lead',
    ]);
    for (const name of ['Gekwalificeerd', 'Demo gegeven', 'Onderhandeling'])
      expect(
        (
          await t.api(owner.api_key, {
            method: 'DELETE',
            url: `/api/v1/deal_stages/${byName(stages.concat(added.json()), name).id}`,
          })
        ).statusCode,
      ).toBe(204);
    // Offerte (with its deal) stays open, so Lead may go too.
    const lastOpen = await t.api(owner.api_key, {
      method: 'DELETE',
      url: `/api/v1/deal_stages/${byName(stages, 'Nieuw').id}`,
    });
    expect(lastOpen.statusCode).toBe(204);
    const after = await stagesOf(owner.api_key);
    expect(after.map((stage) => [stage.name, (stage as Stage & { position: number }).position])).toEqual([
      ['Offerte', 0],
      ['Gewonnen', 1],
      ['Verloren', 2],
    ]);
    const moveOut = await t.api(owner.api_key, {
      method: 'GET',
      url: `/api/v1/deals?stage_id=${byName(after, 'Offerte').id}`,
    });
    await t.api(owner.api_key, {
      method: 'POST',
      url: `/api/v1/deals/${moveOut.json().data[0].id}/move`,
      payload: { stage_id: byName(after, 'Gewonnen').id, position: 0 },
    });
    const keep = await t.api(owner.api_key, {
      method: 'DELETE',
      url: `/api/v1/deal_stages/${byName(after, 'Offerte').id}`,
    });
    expect(keep.statusCode).toBe(409);
    expect(keep.json().code).toBe('deal_stage_last_open');
  });

  it('sums won and lost values per month (Europe/Amsterdam), every month of the period', async () => {
    const owner = await tenantWithOwner(t);
    const stages = await stagesOf(owner.api_key);
    const closeAs = async (title: string, value: string, stageName: string, closedAt: string | null) => {
      const deal = (
        await t.api(owner.api_key, {
          method: 'POST',
          url: '/api/v1/deals',
          payload: {
            title,
            value,
            stage_id: byName(stages, stageName).id,
            ...(stageName === 'Verloren' ? { lost_reason: 'Concurrent' } : {}),
          },
        })
      ).json();
      if (closedAt)
        await t.kernel.database.withTenant(owner.tenant_id, (tx) =>
          tx
            .update(deals)
            .set({ closedAt: new Date(closedAt) })
            .where(and(eq(deals.tenantId, owner.tenant_id), eq(deals.id, deal.id))),
        );
    };
    const months = monthsUpTo(new Date(), 3);
    const [twoAgo, oneAgo] = months;
    await closeAs('Won two months ago', '1000.00', 'Gewonnen', `${twoAgo}-15T12:00:00Z`);
    await closeAs('Also won then', '250.25', 'Gewonnen', `${twoAgo}-20T12:00:00Z`);
    await closeAs('Lost last month', '400.00', 'Verloren', `${oneAgo}-03T12:00:00Z`);
    await closeAs('Won now', '99.99', 'Gewonnen', null);
    await closeAs('Still open', '5000.00', 'Offerte', null);
    await closeAs('Long ago', '7.00', 'Gewonnen', '2020-01-15T12:00:00Z');

    const summary = await t.api(owner.api_key, { method: 'GET', url: '/api/v1/deals/summary?months=3' });
    expect(summary.statusCode).toBe(200);
    expect(summary.json()).toEqual({
      object: 'deal_summary',
      currency: 'EUR',
      months: [
        { month: twoAgo, won: { count: 2, value: '1250.25' }, lost: { count: 0, value: '0.00' } },
        { month: oneAgo, won: { count: 0, value: '0.00' }, lost: { count: 1, value: '400.00' } },
        { month: months[2], won: { count: 1, value: '99.99' }, lost: { count: 0, value: '0.00' } },
      ],
    });
    const defaultPeriod = await t.api(owner.api_key, { method: 'GET', url: '/api/v1/deals/summary' });
    expect(defaultPeriod.json().months).toHaveLength(12);
    expect((await t.api(owner.api_key, { method: 'GET', url: '/api/v1/deals/summary?months=0' })).statusCode).toBe(400);

    // The board leaves out what was closed long ago.
    const board = await t.api(owner.api_key, {
      method: 'GET',
      url: `/api/v1/deals?closed_since=${twoAgo}-01&limit=100`,
    });
    expect(board.json().data.map((deal: { title: string }) => deal.title)).not.toContain('Long ago');
    expect(board.json().data).toHaveLength(5);
    const lostOnly = await t.api(owner.api_key, { method: 'GET', url: '/api/v1/deals?status=lost' });
    expect(lostOnly.json().data.map((deal: { title: string }) => deal.title)).toEqual(['Lost last month']);
  });

  it('deletes a deal by its owner or an admin; not by another member', async () => {
    const owner = await tenantWithOwner(t);
    const colleague = await addColleague(t, owner);
    const deal = (
      await t.session(owner.cookie, { method: 'POST', url: '/api/v1/deals', payload: { title: 'X' } })
    ).json();
    expect((await t.session(colleague.cookie, { method: 'DELETE', url: `/api/v1/deals/${deal.id}` })).statusCode).toBe(
      403,
    );
    expect((await t.session(owner.cookie, { method: 'DELETE', url: `/api/v1/deals/${deal.id}` })).statusCode).toBe(204);
    expect((await t.session(owner.cookie, { method: 'GET', url: `/api/v1/deals/${deal.id}` })).json().code).toBe(
      'deal_not_found',
    );
  });

  it("another tenant gets 404 for this tenant's deals and stages", async () => {
    const a = await tenantWithOwner(t);
    const b = await tenantWithOwner(t);
    const stageOfA = (await stagesOf(a.api_key))[0]!;
    const stageOfB = (await stagesOf(b.api_key))[0]!;
    const deal = (await t.api(a.api_key, { method: 'POST', url: '/api/v1/deals', payload: { title: 'Van A' } })).json();
    for (const request of [
      { method: 'GET', url: `/api/v1/deals/${deal.id}` },
      { method: 'PATCH', url: `/api/v1/deals/${deal.id}`, payload: { title: 'x' } },
      { method: 'POST', url: `/api/v1/deals/${deal.id}/move`, payload: { stage_id: stageOfB.id, position: 0 } },
      { method: 'DELETE', url: `/api/v1/deals/${deal.id}` },
      { method: 'PATCH', url: `/api/v1/deal_stages/${stageOfA.id}`, payload: { name: 'x' } },
      { method: 'DELETE', url: `/api/v1/deal_stages/${stageOfA.id}` },
      { method: 'POST', url: '/api/v1/deals', payload: { title: 'x', stage_id: stageOfA.id } },
    ] as const) {
      const response = await t.api(b.api_key, { ...request });
      expect([request.method, request.url, response.statusCode]).toEqual([request.method, request.url, 404]);
    }
    expect((await t.api(b.api_key, { method: 'GET', url: '/api/v1/deals' })).json().data).toEqual([]);
  });

  it('is in the OpenAPI document with its tags', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const tagsOf = (path: string, method: string) => document.paths[path]?.[method]?.tags;
    expect(tagsOf('/api/v1/organizations/{id}/timeline', 'get')).toEqual(['Notes']);
    expect(tagsOf('/api/v1/notes/{id}', 'patch')).toEqual(['Notes']);
    expect(tagsOf('/api/v1/tasks', 'get')).toEqual(['Tasks']);
    expect(tagsOf('/api/v1/tasks/summary', 'get')).toEqual(['Tasks']);
    expect(tagsOf('/api/v1/deal_stages/{id}', 'delete')).toEqual(['Deals']);
    expect(tagsOf('/api/v1/deals/{id}/move', 'post')).toEqual(['Deals']);
    expect(tagsOf('/api/v1/deals/summary', 'get')).toEqual(['Deals']);
  });
});

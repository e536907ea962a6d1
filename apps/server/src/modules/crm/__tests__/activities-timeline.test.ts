import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { timelineItems } from '../crm.tables.ts';
import { addTimelineItem } from '../index.ts';
import { addColleague, insertOrganization, insertPerson, tenantWithOwner } from './activities-fixtures.ts';

describe('CRM timeline: notes, contact moments and items from other modules', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('logs a call on an organization with its author and time, newest first on the timeline', async () => {
    const owner = await tenantWithOwner(t);
    const organizationId = await insertOrganization(t, owner.tenant_id);
    const older = await t.session(owner.cookie, {
      method: 'POST',
      url: '/api/v1/notes',
      payload: {
        organization_id: organizationId,
        kind: 'visit',
        body: 'Kennismaking',
        occurred_at: '2026-01-05T09:00:00Z',
      },
    });
    expect(older.statusCode).toBe(201);
    const before = Date.now();
    const call = await t.session(owner.cookie, {
      method: 'POST',
      url: '/api/v1/notes',
      payload: { organization_id: organizationId, kind: 'call', body: 'Belde over de offerte' },
    });
    expect(call.statusCode).toBe(201);
    const me = (await t.session(owner.cookie, { method: 'GET', url: '/api/v1/me' })).json().user;
    expect(call.json()).toMatchObject({
      object: 'timeline_item',
      organization_id: organizationId,
      person_id: null,
      kind: 'call',
      body: 'Belde over de offerte',
      author: { user_id: owner.user_id, name: me.name },
      source: null,
      is_note: true,
    });
    expect(Date.parse(call.json().occurred_at)).toBeGreaterThanOrEqual(before - 1000);
    expect(call.headers.etag).toBe(`"${call.json().etag}"`);

    const timeline = await t.session(owner.cookie, {
      method: 'GET',
      url: `/api/v1/organizations/${organizationId}/timeline`,
    });
    expect(timeline.statusCode).toBe(200);
    expect(timeline.json()).toMatchObject({ object: 'list', has_more: false });
    expect(timeline.json().data.map((item: { body: string }) => item.body)).toEqual([
      'Belde over de offerte',
      'Kennismaking',
    ]);

    const firstPage = await t.session(owner.cookie, {
      method: 'GET',
      url: `/api/v1/organizations/${organizationId}/timeline?limit=1`,
    });
    expect(firstPage.json()).toMatchObject({ has_more: true, data: [{ body: 'Belde over de offerte' }] });
    const secondPage = await t.session(owner.cookie, {
      method: 'GET',
      url: `/api/v1/organizations/${organizationId}/timeline?limit=1&starting_after=${firstPage.json().data[0].id}`,
    });
    expect(secondPage.json()).toMatchObject({ has_more: false, data: [{ body: 'Kennismaking' }] });

    const audit = await t.session(owner.cookie, { method: 'GET', url: '/api/v1/audit_events?limit=10' });
    expect(audit.json().data.map((event: { action: string }) => event.action)).toContain('crm.note_added');
  });

  it('writes notes on a person too, and needs exactly one relation', async () => {
    const owner = await tenantWithOwner(t);
    const personId = await insertPerson(t, owner.tenant_id);
    const organizationId = await insertOrganization(t, owner.tenant_id);
    const note = await t.api(owner.api_key, {
      method: 'POST',
      url: '/api/v1/notes',
      payload: { person_id: personId, kind: 'email', body: 'Mail gestuurd met de planning' },
    });
    expect(note.statusCode).toBe(201);
    expect(note.json().author).toMatchObject({ user_id: null });
    const timeline = await t.api(owner.api_key, { method: 'GET', url: `/api/v1/persons/${personId}/timeline` });
    expect(timeline.json().data).toHaveLength(1);

    for (const payload of [
      { body: 'Zonder relatie' },
      { organization_id: organizationId, person_id: personId, body: 'Twee relaties' },
    ]) {
      const refused = await t.api(owner.api_key, { method: 'POST', url: '/api/v1/notes', payload });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors).toEqual([
        expect.objectContaining({ field: 'organization_id', code: 'one_relation_required' }),
      ]);
    }
    const badKind = await t.api(owner.api_key, {
      method: 'POST',
      url: '/api/v1/notes',
      payload: { person_id: personId, kind: 'fax', body: 'x' },
    });
    expect(badKind.json().errors[0]).toMatchObject({ field: 'kind' });
    const unknown = await t.api(owner.api_key, {
      method: 'POST',
      url: '/api/v1/notes',
      payload: { organization_id: personId, body: 'Geen organisatie' },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('organization_not_found');
  });

  it('lets the author or an admin change and delete a note, with If-Match; a colleague may not', async () => {
    const owner = await tenantWithOwner(t);
    const colleague = await addColleague(t, owner);
    const organizationId = await insertOrganization(t, owner.tenant_id);
    const written = await t.session(colleague.cookie, {
      method: 'POST',
      url: '/api/v1/notes',
      payload: { organization_id: organizationId, body: 'Eerste versie' },
    });
    expect(written.json().author).toMatchObject({ user_id: colleague.userId, name: colleague.name });
    const id = written.json().id;
    const etag = written.headers.etag as string;

    const edited = await t.session(colleague.cookie, {
      method: 'PATCH',
      url: `/api/v1/notes/${id}`,
      headers: { 'if-match': etag },
      payload: { body: 'Tweede versie', kind: 'call' },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ body: 'Tweede versie', kind: 'call' });
    expect(edited.headers.etag).not.toBe(etag);

    const stale = await t.session(owner.cookie, {
      method: 'PATCH',
      url: `/api/v1/notes/${id}`,
      headers: { 'if-match': etag },
      payload: { body: 'Over een oude versie heen' },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('version_conflict');

    const ownerNote = await t.session(owner.cookie, {
      method: 'POST',
      url: '/api/v1/notes',
      payload: { organization_id: organizationId, body: 'Van de eigenaar' },
    });
    const notAuthor = await t.session(colleague.cookie, {
      method: 'PATCH',
      url: `/api/v1/notes/${ownerNote.json().id}`,
      payload: { body: 'Niet van mij' },
    });
    expect(notAuthor.statusCode).toBe(403);
    expect(
      (await t.session(colleague.cookie, { method: 'DELETE', url: `/api/v1/notes/${ownerNote.json().id}` })).statusCode,
    ).toBe(403);

    // The owner is an admin: may change and delete the colleague's note.
    const byAdmin = await t.session(owner.cookie, {
      method: 'PATCH',
      url: `/api/v1/notes/${id}`,
      headers: { 'if-match': edited.headers.etag as string },
      payload: { body: 'Aangevuld door de eigenaar' },
    });
    expect(byAdmin.statusCode).toBe(200);
    expect((await t.session(owner.cookie, { method: 'DELETE', url: `/api/v1/notes/${id}` })).statusCode).toBe(204);
    expect((await t.session(owner.cookie, { method: 'DELETE', url: `/api/v1/notes/${id}` })).json().code).toBe(
      'timeline_item_not_found',
    );
    const audit = await t.session(owner.cookie, { method: 'GET', url: '/api/v1/audit_events?limit=20' });
    expect(audit.json().data.map((event: { action: string }) => event.action)).toEqual(
      expect.arrayContaining(['crm.note_added', 'crm.note_updated', 'crm.note_deleted']),
    );
  });

  it('addTimelineItem: another module adds an item once per source, in its own transaction; it is read-only here', async () => {
    const owner = await tenantWithOwner(t);
    const organizationId = await insertOrganization(t, owner.tenant_id);
    const request = {
      organization_id: organizationId,
      kind: 'quote.sent',
      body: 'Offerte OF-2026-0001 verstuurd',
      source_type: 'quote',
      source_id: 'a5b0c8e2-0000-4000-8000-000000000001',
      details: { number: 'OF-2026-0001', total: '1210.00' },
    };
    const first = await t.kernel.database.withTenant(owner.tenant_id, (tx) =>
      addTimelineItem({ tenantId: owner.tenant_id, tx }, request),
    );
    const again = await t.kernel.database.withTenant(owner.tenant_id, (tx) =>
      addTimelineItem({ tenantId: owner.tenant_id, tx }, { ...request, body: 'Nog een keer' }),
    );
    expect(first.isNew).toBe(true);
    expect(again).toMatchObject({ isNew: false, item: { id: first.item.id, body: 'Offerte OF-2026-0001 verstuurd' } });
    // Another kind for the same source is another item (sent, then accepted).
    const accepted = await t.kernel.database.withTenant(owner.tenant_id, (tx) =>
      addTimelineItem({ tenantId: owner.tenant_id, tx }, { ...request, kind: 'quote.accepted', body: 'Geaccepteerd' }),
    );
    expect(accepted.isNew).toBe(true);
    // Rolled back with the caller's transaction: nothing stays behind.
    await expect(
      t.kernel.database.withTenant(owner.tenant_id, async (tx) => {
        await addTimelineItem({ tenantId: owner.tenant_id, tx }, { ...request, kind: 'quote.expired' });
        throw new Error('the quote module failed after adding the item');
      }),
    ).rejects.toThrow(/quote module failed/);

    const timeline = await t.api(owner.api_key, {
      method: 'GET',
      url: `/api/v1/organizations/${organizationId}/timeline`,
    });
    const items = timeline.json().data;
    expect(items.map((item: { kind: string }) => item.kind).sort()).toEqual(['quote.accepted', 'quote.sent']);
    expect(items.find((item: { kind: string }) => item.kind === 'quote.sent')).toMatchObject({
      is_note: false,
      source: { type: 'quote', id: request.source_id },
      details: { number: 'OF-2026-0001', total: '1210.00' },
    });
    const change = await t.api(owner.api_key, {
      method: 'PATCH',
      url: `/api/v1/notes/${first.item.id}`,
      payload: { body: 'Aangepast' },
    });
    expect(change.statusCode).toBe(409);
    expect(change.json().code).toBe('timeline_item_read_only');

    // The relations' own history (no source, not a note kind) is read-only too.
    const [history] = await t.kernel.database.withTenant(owner.tenant_id, (tx) =>
      tx
        .insert(timelineItems)
        .values({ tenantId: owner.tenant_id, organizationId, kind: 'status_changed', details: { change: 'status' } })
        .returning(),
    );
    const listed = await t.api(owner.api_key, {
      method: 'GET',
      url: `/api/v1/organizations/${organizationId}/timeline`,
    });
    expect(listed.json().data.find((item: { id: string }) => item.id === history!.id)).toMatchObject({
      is_note: false,
    });
    const deleteHistory = await t.api(owner.api_key, { method: 'DELETE', url: `/api/v1/notes/${history!.id}` });
    expect(deleteHistory.json().code).toBe('timeline_item_read_only');
  });

  it('adds an item requested through the event crm.timeline_item_requested', async () => {
    await t.kernel.jobs.start();
    const owner = await tenantWithOwner(t);
    const personId = await insertPerson(t, owner.tenant_id, 'Piet', 'Pieters');
    const payload = {
      person_id: personId,
      kind: 'call.ended',
      body: 'Inkomend gesprek, 3 minuten',
      source_type: 'call',
      source_id: 'call-42',
    };
    await t.kernel.database.withTenant(owner.tenant_id, async (tx) => {
      await t.kernel.jobs.publish({ tenantId: owner.tenant_id, tx }, 'crm.timeline_item_requested', payload);
      await t.kernel.jobs.publish({ tenantId: owner.tenant_id, tx }, 'crm.timeline_item_requested', payload);
    });
    const timeline = async () =>
      (await t.api(owner.api_key, { method: 'GET', url: `/api/v1/persons/${personId}/timeline` })).json().data;
    await expect.poll(timeline, { timeout: 20_000, interval: 100 }).toHaveLength(1);
    // Both deliveries have had time to run: still one item.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await timeline()).toEqual([
      expect.objectContaining({ kind: 'call.ended', source: { type: 'call', id: 'call-42' } }),
    ]);
  });

  it("another tenant gets 404 for this tenant's timelines and notes", async () => {
    const a = await tenantWithOwner(t);
    const b = await tenantWithOwner(t);
    const organizationId = await insertOrganization(t, a.tenant_id);
    const personId = await insertPerson(t, a.tenant_id);
    const note = (
      await t.api(a.api_key, {
        method: 'POST',
        url: '/api/v1/notes',
        payload: { organization_id: organizationId, body: 'Geheim' },
      })
    ).json();
    const requests = [
      { method: 'GET', url: `/api/v1/organizations/${organizationId}/timeline` },
      { method: 'GET', url: `/api/v1/persons/${personId}/timeline` },
      { method: 'PATCH', url: `/api/v1/notes/${note.id}`, payload: { body: 'x' } },
      { method: 'DELETE', url: `/api/v1/notes/${note.id}` },
      { method: 'POST', url: '/api/v1/notes', payload: { organization_id: organizationId, body: 'x' } },
      { method: 'POST', url: '/api/v1/notes', payload: { person_id: personId, body: 'x' } },
    ] as const;
    for (const request of requests) {
      const response = await t.api(b.api_key, { ...request });
      expect([request.url, response.statusCode]).toEqual([request.url, 404]);
    }
    const still = await t.api(a.api_key, { method: 'GET', url: `/api/v1/organizations/${organizationId}/timeline` });
    expect(still.json().data).toHaveLength(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { officeDate } from '../activities/shared/amsterdam-time.ts';
import { addColleague, insertOrganization, insertPerson, tenantWithOwner } from './activities-fixtures.ts';

const dayOffset = (days: number) => officeDate(new Date(Date.now() + days * 86_400_000));

describe('CRM tasks and call-back requests', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("a call-back assigned to a colleague shows under that colleague's open tasks and counts, not under mine", async () => {
    const owner = await tenantWithOwner(t);
    const colleague = await addColleague(t, owner, 'Carla Collega');
    const organizationId = await insertOrganization(t, owner.tenant_id, 'Garage De Vries');
    const personId = await insertPerson(t, owner.tenant_id, 'Henk', 'de Vries');
    const callback = await t.session(owner.cookie, {
      method: 'POST',
      url: '/api/v1/tasks',
      payload: {
        kind: 'callback',
        title: 'Henk terugbellen over de APK',
        description: 'Vraagt naar de prijs',
        due_on: dayOffset(-1),
        assignee_user_id: colleague.userId,
        organization_id: organizationId,
        person_id: personId,
      },
    });
    expect(callback.statusCode).toBe(201);
    expect(callback.json()).toMatchObject({
      object: 'task',
      kind: 'callback',
      assignee: { user_id: colleague.userId, name: 'Carla Collega' },
      organization_name: 'Garage De Vries',
      person_name: 'Henk de Vries',
      is_done: false,
      created_by: { user_id: owner.user_id },
      version: 1,
    });
    await t.session(owner.cookie, {
      method: 'POST',
      url: '/api/v1/tasks',
      payload: { title: 'Offerte nalopen', due_on: dayOffset(0), assignee_user_id: colleague.userId },
    });
    await t.session(owner.cookie, {
      method: 'POST',
      url: '/api/v1/tasks',
      payload: { title: 'Eigen taak zonder datum' },
    });

    const mine = await t.session(colleague.cookie, { method: 'GET', url: '/api/v1/tasks?assignee=me&status=open' });
    expect(mine.json().data.map((task: { title: string }) => task.title)).toEqual([
      'Henk terugbellen over de APK',
      'Offerte nalopen',
    ]);
    const summary = await t.session(colleague.cookie, { method: 'GET', url: '/api/v1/tasks/summary' });
    expect(summary.json()).toEqual({ object: 'task_summary', open: 2, overdue: 1, due_today: 1 });
    const ownersOwn = await t.session(owner.cookie, { method: 'GET', url: '/api/v1/tasks?assignee=me' });
    expect(ownersOwn.json().data.map((task: { title: string }) => task.title)).toEqual(['Eigen taak zonder datum']);
    const assignedByOwner = await t.session(owner.cookie, { method: 'GET', url: '/api/v1/tasks?created_by=me' });
    expect(assignedByOwner.json().data).toHaveLength(3);
    const ofOrganization = await t.session(owner.cookie, {
      method: 'GET',
      url: `/api/v1/tasks?organization_id=${organizationId}`,
    });
    expect(ofOrganization.json().data.map((task: { id: string }) => task.id)).toEqual([callback.json().id]);

    // The colleague calls back and marks it done; it leaves the open list and the count.
    const done = await t.session(colleague.cookie, {
      method: 'PATCH',
      url: `/api/v1/tasks/${callback.json().id}`,
      headers: { 'if-match': '"1"' },
      payload: { done: true },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ is_done: true, version: 2 });
    expect(done.json().done_at).not.toBeNull();
    expect(done.headers.etag).toBe('"2"');
    expect((await t.session(colleague.cookie, { method: 'GET', url: '/api/v1/tasks/summary' })).json().open).toBe(1);
    const doneList = await t.session(colleague.cookie, { method: 'GET', url: '/api/v1/tasks?assignee=me&status=done' });
    expect(doneList.json().data.map((task: { id: string }) => task.id)).toEqual([callback.json().id]);
    const reopened = await t.session(colleague.cookie, {
      method: 'PATCH',
      url: `/api/v1/tasks/${callback.json().id}`,
      payload: { done: false },
    });
    expect(reopened.json()).toMatchObject({ is_done: false, done_at: null, version: 3 });
    const stale = await t.session(owner.cookie, {
      method: 'PATCH',
      url: `/api/v1/tasks/${callback.json().id}`,
      headers: { 'if-match': '"2"' },
      payload: { title: 'Over een oude versie heen' },
    });
    expect(stale.statusCode).toBe(412);

    const audit = await t.session(owner.cookie, { method: 'GET', url: '/api/v1/audit_events?limit=30' });
    expect(audit.json().data.map((event: { action: string }) => event.action)).toEqual(
      expect.arrayContaining(['crm.task_created', 'crm.task_completed', 'crm.task_reopened']),
    );
  });

  it('assigns only to members of the account; "me" needs a logged-in user', async () => {
    const owner = await tenantWithOwner(t);
    const other = await tenantWithOwner(t);
    const outsider = await t.session(owner.cookie, {
      method: 'POST',
      url: '/api/v1/tasks',
      payload: { title: 'Voor iemand anders', assignee_user_id: other.user_id },
    });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().errors).toEqual([
      expect.objectContaining({ field: 'assignee_user_id', code: 'not_a_member' }),
    ]);
    const byKeyWithoutAssignee = await t.api(owner.api_key, {
      method: 'POST',
      url: '/api/v1/tasks',
      payload: { title: 'Van een script' },
    });
    expect(byKeyWithoutAssignee.json().errors).toEqual([
      expect.objectContaining({ field: 'assignee_user_id', code: 'required' }),
    ]);
    const byKey = await t.api(owner.api_key, {
      method: 'POST',
      url: '/api/v1/tasks',
      payload: { title: 'Van een script', assignee_user_id: owner.user_id, due_on: '2026-02-30' },
    });
    expect(byKey.json().errors).toEqual([expect.objectContaining({ field: 'due_on', code: 'invalid_date' })]);
    const meByKey = await t.api(owner.api_key, { method: 'GET', url: '/api/v1/tasks?assignee=me' });
    expect(meByKey.json().errors).toEqual([expect.objectContaining({ field: 'assignee', code: 'user_required' })]);
    const reassign = await t.session(owner.cookie, {
      method: 'POST',
      url: '/api/v1/tasks',
      payload: { title: 'Eigen taak' },
    });
    const toOutsider = await t.session(owner.cookie, {
      method: 'PATCH',
      url: `/api/v1/tasks/${reassign.json().id}`,
      payload: { assignee_user_id: other.user_id },
    });
    expect(toOutsider.json().errors[0]).toMatchObject({ field: 'assignee_user_id', code: 'not_a_member' });
  });

  it('pages through open tasks soonest due first, undated last', async () => {
    const owner = await tenantWithOwner(t);
    for (const [title, due] of [
      ['c', dayOffset(3)],
      ['geen datum', null],
      ['a', dayOffset(1)],
      ['b', dayOffset(2)],
    ] as const)
      await t.session(owner.cookie, { method: 'POST', url: '/api/v1/tasks', payload: { title, due_on: due } });
    const titles: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await t.session(owner.cookie, {
        method: 'GET',
        url: `/api/v1/tasks?assignee=me&limit=1${after ? `&starting_after=${after}` : ''}`,
      });
      titles.push(...page.json().data.map((task: { title: string }) => task.title));
      if (!page.json().has_more) break;
      after = page.json().data[0].id;
    }
    expect(titles).toEqual(['a', 'b', 'c', 'geen datum']);
  });

  it('deletes a task by its creator, its assignee or an admin, not by another colleague', async () => {
    const owner = await tenantWithOwner(t);
    const carla = await addColleague(t, owner, 'Carla');
    const dirk = await addColleague(t, owner, 'Dirk');
    const task = await t.session(carla.cookie, {
      method: 'POST',
      url: '/api/v1/tasks',
      payload: { title: 'Voor Carla zelf' },
    });
    expect(task.json().assignee.user_id).toBe(carla.userId);
    expect(
      (await t.session(dirk.cookie, { method: 'DELETE', url: `/api/v1/tasks/${task.json().id}` })).statusCode,
    ).toBe(403);
    expect(
      (await t.session(carla.cookie, { method: 'DELETE', url: `/api/v1/tasks/${task.json().id}` })).statusCode,
    ).toBe(204);
    expect((await t.session(owner.cookie, { method: 'GET', url: `/api/v1/tasks/${task.json().id}` })).json().code).toBe(
      'task_not_found',
    );
  });

  it("another tenant gets 404 for this tenant's tasks and relations", async () => {
    const a = await tenantWithOwner(t);
    const b = await tenantWithOwner(t);
    const organizationId = await insertOrganization(t, a.tenant_id);
    const task = (
      await t.session(a.cookie, {
        method: 'POST',
        url: '/api/v1/tasks',
        payload: { title: 'Van A', organization_id: organizationId },
      })
    ).json();
    for (const request of [
      { method: 'GET', url: `/api/v1/tasks/${task.id}` },
      { method: 'PATCH', url: `/api/v1/tasks/${task.id}`, payload: { done: true } },
      { method: 'DELETE', url: `/api/v1/tasks/${task.id}` },
      { method: 'POST', url: '/api/v1/tasks', payload: { title: 'x', organization_id: organizationId } },
    ] as const) {
      const response = await t.session(b.cookie, { ...request });
      expect([request.method, request.url, response.statusCode]).toEqual([request.method, request.url, 404]);
    }
    expect((await t.session(b.cookie, { method: 'GET', url: '/api/v1/tasks' })).json().data).toEqual([]);
  });
});

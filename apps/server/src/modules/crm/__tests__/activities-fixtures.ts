import { randomUUID } from 'node:crypto';
import type { ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import { cookieOf } from '../../../test-support/session-helpers.ts';
import type { TestApp } from '../../../test-support/test-app.ts';
import { organizations, persons } from '../crm.tables.ts';

/** A tenant with its owner logged in (session cookie) and the owner's API key. */
export async function tenantWithOwner(t: TestApp, name?: string) {
  const tenant = await t.createTenant(name);
  return { ...tenant, cookie: await t.login(tenant.user_id) };
}

/** Organizations and persons written straight into the tenant's tables: the relations API is not what these tests are about. */
export async function insertOrganization(t: TestApp, tenantId: string, name = 'Bakkerij Jansen BV'): Promise<string> {
  const id = randomUUID();
  await t.kernel.database.withTenant(tenantId, (tx) => tx.insert(organizations).values({ tenantId, id, name }));
  return id;
}

export async function insertPerson(
  t: TestApp,
  tenantId: string,
  firstName = 'Jan',
  lastName = 'Jansen',
): Promise<string> {
  const id = randomUUID();
  await t.kernel.database.withTenant(tenantId, (tx) =>
    tx.insert(persons).values({ tenantId, id, firstName, lastName }),
  );
  return id;
}

let colleagues = 0;

/** Invites a colleague as member and accepts for them: their user id and session cookie. */
export async function addColleague(t: TestApp, owner: ProvisionedTenant & { cookie: string }, name = 'Carla Collega') {
  const email = `colleague${++colleagues}-${Date.now()}@activities.test`;
  const invited = await t.session(owner.cookie, { method: 'POST', url: '/api/v1/invitations', payload: { email } });
  if (invited.statusCode !== 201) throw new Error(`invitation failed: ${invited.body}`);
  const accepted = await t.app.inject({
    method: 'POST',
    url: `/api/v1/invitations/${invited.json().id}/accept`,
    payload: { name, password: 'colleague-password-1' },
  });
  if (accepted.statusCode !== 204) throw new Error(`accepting failed: ${accepted.body}`);
  const cookie = cookieOf(accepted);
  const me = await t.session(cookie, { method: 'GET', url: '/api/v1/me' });
  return { userId: me.json().user.id as string, email, name, cookie };
}

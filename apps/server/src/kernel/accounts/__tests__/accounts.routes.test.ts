import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../../test-support/smtp-sink.ts';
import { cookieOf, linkIn } from '../../../test-support/session-helpers.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';

const PASSWORD = 'correct horse battery';

describe('accounts: sign-up, verification, login, members, invitations, API keys', () => {
  let t: TestApp;
  let smtp: SmtpSink;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await createTestApp({ SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  async function signUpAndVerify(email: string, company = 'Sign Up BV', locale = 'nl') {
    const signUp = await t.app.inject({
      method: 'POST',
      url: '/api/v1/signup',
      payload: {
        company_name: company,
        name: 'Ann Owner',
        email,
        password: PASSWORD,
        locale,
        address: { street: 'Kerkstraat 1', postal_code: '1234 AB', city: 'Utrecht' },
      },
    });
    expect(signUp.statusCode).toBe(201);
    const mail = await smtp.waitFor((message) => message.to.includes(email));
    const link = linkIn(mail.text);
    const verify = await t.app.inject({ method: 'GET', url: link.pathname + link.search });
    expect(verify.statusCode).toBe(302);
    return { signUp: signUp.json(), mail, cookie: cookieOf(verify) };
  }

  it('art. 6, 7: signs up, sends a Dutch activation mail over SMTP, and the link logs the owner into the new tenant', async () => {
    const { signUp, mail, cookie } = await signUpAndVerify('ann@signup.test');
    expect(mail.subject).toBe('Bevestig je e-mailadres voor Clientbox');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { email: 'ann@signup.test', locale: 'nl' },
      tenant: { id: signUp.tenant_id, name: 'Sign Up BV', role: 'owner' },
    });
    const company = await t.app.inject({ method: 'GET', url: '/api/v1/company', headers: { cookie } });
    expect(company.json().legal_name).toBe('Sign Up BV');
  });

  it('sends the verification mail in English when signing up in English', async () => {
    const { mail } = await signUpAndVerify('bob@signup.test', 'Bob Ltd', 'en');
    expect(mail.subject).toBe('Confirm your e-mail address for Clientbox');
  });

  it('art. 6, 7: refuses login before the e-mail address is verified, and a second login with the same address', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/signup',
      payload: {
        company_name: 'X',
        name: 'X',
        email: 'unverified@signup.test',
        password: PASSWORD,
        address: { street: 'Kerkstraat 1', postal_code: '1234 AB', city: 'Utrecht' },
      },
    });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email: 'unverified@signup.test', password: PASSWORD },
    });
    expect(login.statusCode).toBe(403);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/signup',
      payload: {
        company_name: 'Y',
        name: 'Y',
        email: 'UNVERIFIED@signup.test',
        password: PASSWORD,
        address: { street: 'Kerkstraat 1', postal_code: '1234 AB', city: 'Utrecht' },
      },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'email_taken', errors: [{ field: 'email', code: 'email_taken' }] });
  });

  it('validates the sign-up form field by field', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/signup',
      payload: { company_name: '', name: 'A', email: 'not-an-email', password: 'short' },
    });
    expect(response.statusCode).toBe(400);
    const fields = response
      .json()
      .errors.map((error: { field: string; code: string }) => `${error.field}:${error.code}`);
    expect(fields).toEqual(
      expect.arrayContaining(['company_name:required', 'email:invalid_email', 'password:password_too_short']),
    );
  });

  it('throttles password guessing per account with a clear 429 and Retry-After, and audits failed logins', async () => {
    const { cookie } = await signUpAndVerify('target@signup.test', 'Target BV');
    for (let attempt = 0; attempt < 5; attempt++) {
      const wrong = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        payload: { email: 'target@signup.test', password: 'wrong password!' },
      });
      expect(wrong.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email: 'target@signup.test', password: PASSWORD },
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('too_many_attempts');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    const audit = await t.app.inject({ method: 'GET', url: '/api/v1/audit_events?limit=100', headers: { cookie } });
    const actions = audit.json().data.map((event: { action: string }) => event.action);
    expect(actions.filter((action: string) => action === 'auth.login_failed')).toHaveLength(5);
  });

  it('art. 7: invites a colleague who sets their own password, joins as member and logs in', async () => {
    const { cookie, signUp } = await signUpAndVerify('boss@team.test', 'Team BV');
    const invite = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations',
      headers: { cookie },
      payload: { email: 'colleague@team.test', role: 'member' },
    });
    expect(invite.statusCode).toBe(201);
    const mail = await smtp.waitFor((message) => message.to.includes('colleague@team.test'));
    expect(mail.subject).toContain('Team BV');
    const acceptPath = linkIn(mail.text).pathname;
    const id = acceptPath.split('/')[2]!;
    const info = await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${id}/public` });
    expect(info.json()).toMatchObject({
      tenant_name: 'Team BV',
      email: 'colleague@team.test',
      has_account: false,
      status: 'pending',
    });
    const accept = await t.app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${id}/accept`,
      payload: { name: 'Cees Colleague', password: PASSWORD },
    });
    expect(accept.statusCode).toBe(204);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: cookieOf(accept) } });
    expect(me.json().tenant).toMatchObject({ id: signUp.tenant_id, role: 'member' });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email: 'colleague@team.test', password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const reused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${id}/accept`,
      payload: { name: 'Again', password: PASSWORD },
    });
    expect(reused.statusCode).toBe(409);
    const members = await t.app.inject({ method: 'GET', url: '/api/v1/members', headers: { cookie } });
    expect(
      members.json().data.map((member: { email: string; role: string }) => `${member.email}:${member.role}`),
    ).toEqual(['boss@team.test:owner', 'colleague@team.test:member']);
    // A member may not manage members.
    const memberCookie = cookieOf(login);
    const forbidden = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations',
      headers: { cookie: memberCookie },
      payload: { email: 'x@team.test' },
    });
    expect(forbidden.statusCode).toBe(403);
  });

  it('keeps the last owner', async () => {
    const { cookie } = await signUpAndVerify('solo@owner.test', 'Solo BV');
    const [owner] = (await t.app.inject({ method: 'GET', url: '/api/v1/members', headers: { cookie } })).json().data;
    const demote = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/members/${owner.id}`,
      headers: { cookie },
      payload: { role: 'member' },
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().code).toBe('cannot_remove_last_owner');
  });

  it('API keys: shown once, stored as a hash, usable at once, revocable; another tenant cannot see or revoke them', async () => {
    const a = await t.createTenant('Keys A');
    const b = await t.createTenant('Keys B');
    const created = await t.api(a.api_key, {
      method: 'POST',
      url: '/api/v1/api_keys',
      payload: { name: 'Bookkeeping sync' },
    });
    expect(created.statusCode).toBe(201);
    const { key, id, prefix } = created.json();
    expect(key.startsWith(prefix)).toBe(true);
    expect((await t.api(key, { method: 'GET', url: '/api/v1/company' })).statusCode).toBe(200);
    await expect
      .poll(async () => {
        const audit = (await t.api(a.api_key, { method: 'GET', url: '/api/v1/audit_events?limit=100' })).json().data;
        return audit.find(
          (event: { action: string; target_id: string }) => event.action === 'api_key.used' && event.target_id === id,
        );
      })
      .toMatchObject({ actor_type: 'api_key', actor_name: 'Bookkeeping sync', ip: '127.0.0.1' });
    const listed = await t.api(a.api_key, { method: 'GET', url: '/api/v1/api_keys' });
    expect(JSON.stringify(listed.json())).not.toContain(key);
    const stored = await t.kernel.database.query<{ key_hash: string }>('SELECT key_hash FROM api_keys WHERE id = $1', [
      id,
    ]);
    expect(stored[0]!.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(
      (await t.api(b.api_key, { method: 'GET', url: '/api/v1/api_keys' })).json().data.map((k: { id: string }) => k.id),
    ).not.toContain(id);
    expect((await t.api(b.api_key, { method: 'DELETE', url: `/api/v1/api_keys/${id}` })).statusCode).toBe(404);
    expect((await t.api(a.api_key, { method: 'DELETE', url: `/api/v1/api_keys/${id}` })).statusCode).toBe(204);
    expect((await t.api(key, { method: 'GET', url: '/api/v1/company' })).statusCode).toBe(401);
  });

  it('pages through the audit log, newest first, without gaps or repeats', async () => {
    const tenant = await t.createTenant('Paging BV');
    for (const city of ['A', 'B', 'C', 'D'])
      await t.api(tenant.api_key, { method: 'PATCH', url: '/api/v1/company', payload: { city } });
    const all = (await t.api(tenant.api_key, { method: 'GET', url: '/api/v1/audit_events?limit=100' })).json().data;
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 10; page++) {
      const response = (
        await t.api(tenant.api_key, { method: 'GET', url: `/api/v1/audit_events?limit=2${cursor}` })
      ).json();
      seen.push(...response.data.map((event: { id: string }) => event.id));
      if (!response.has_more) break;
      cursor = `&starting_after=${response.data.at(-1).id}`;
    }
    expect(seen).toEqual(all.map((event: { id: string }) => event.id));
    const times = all.map((event: { occurred_at: string }) => event.occurred_at);
    expect([...times].sort().reverse()).toEqual(times);
    const bad = await t.api(tenant.api_key, { method: 'GET', url: '/api/v1/audit_events?limit=500' });
    expect(bad.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'query.limit' }] });
  });

  it('another tenant gets 404 for members, invitations and audit entries of this tenant', async () => {
    const a = await t.createTenant('Iso A');
    const b = await t.createTenant('Iso B');
    const invite = (
      await t.api(a.api_key, { method: 'POST', url: '/api/v1/invitations', payload: { email: 'someone@iso.test' } })
    ).json();
    const [member] = (await t.api(a.api_key, { method: 'GET', url: '/api/v1/members' })).json().data;
    expect((await t.api(b.api_key, { method: 'DELETE', url: `/api/v1/invitations/${invite.id}` })).statusCode).toBe(
      404,
    );
    expect(
      (await t.api(b.api_key, { method: 'PATCH', url: `/api/v1/members/${member.id}`, payload: { role: 'admin' } }))
        .statusCode,
    ).toBe(404);
    expect((await t.api(b.api_key, { method: 'DELETE', url: `/api/v1/members/${member.id}` })).statusCode).toBe(404);
    expect(
      (await t.api(b.api_key, { method: 'GET', url: '/api/v1/members' })).json().data.map((m: { id: string }) => m.id),
    ).not.toContain(member.id);
    const auditOfB = (await t.api(b.api_key, { method: 'GET', url: '/api/v1/audit_events?limit=100' })).json().data;
    expect(auditOfB.every((event: { target_id: string | null }) => event.target_id !== invite.id)).toBe(true);
  });
});

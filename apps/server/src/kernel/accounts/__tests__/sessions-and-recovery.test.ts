import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../../test-support/smtp-sink.ts';
import { cookieOf, linkIn } from '../../../test-support/session-helpers.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { totp } from './totp.ts';

const PASSWORD = 'correct horse battery';
describe('password reset, two-factor login, several tenants', () => {
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

  async function owner(email: string, company: string) {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/signup',
      payload: {
        company_name: company,
        name: 'Owner',
        email,
        password: PASSWORD,
        address: { street: 'Kerkstraat 1', postal_code: '1234 AB', city: 'Utrecht' },
      },
    });
    const link = linkIn((await smtp.waitFor((mail) => mail.to.includes(email))).text);
    const verified = await t.app.inject({ method: 'GET', url: link.pathname + link.search });
    return cookieOf(verified);
  }
  const login = (email: string, password = PASSWORD) =>
    t.app.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email, password } });

  it('resets a forgotten password by e-mail; the old one stops working', async () => {
    await owner('forgot@reset.test', 'Reset BV');
    const request = await t.app.inject({
      method: 'POST',
      url: '/api/auth/request-password-reset',
      payload: { email: 'forgot@reset.test', redirectTo: '/reset-password' },
    });
    expect(request.statusCode).toBe(200);
    const mail = await smtp.waitFor(
      (message) => message.to.includes('forgot@reset.test') && message.subject.includes('wachtwoord'),
    );
    const followed = await t.app.inject({ method: 'GET', url: linkIn(mail.text).pathname + linkIn(mail.text).search });
    const token = new URL(String(followed.headers.location), 'http://x').searchParams.get('token');
    expect(token).toBeTruthy();
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      payload: { newPassword: 'a brand new secret', token },
    });
    expect(reset.statusCode).toBe(200);
    expect((await login('forgot@reset.test')).statusCode).toBe(401);
    expect((await login('forgot@reset.test', 'a brand new secret')).statusCode).toBe(200);
  });

  it('turns on TOTP, then asks for the code at login; the change is audited', async () => {
    const cookie = await owner('totp@twofa.test', 'Twofa BV');
    const enable = await t.app.inject({
      method: 'POST',
      url: '/api/auth/two-factor/enable',
      headers: { cookie },
      payload: { password: PASSWORD },
    });
    expect(enable.statusCode).toBe(200);
    const { totpURI, backupCodes } = enable.json();
    expect(backupCodes).toHaveLength(10);
    const secret = new URL(totpURI).searchParams.get('secret')!;
    const confirm = await t.app.inject({
      method: 'POST',
      url: '/api/auth/two-factor/verify-totp',
      headers: { cookie },
      payload: { code: totp(secret) },
    });
    expect(confirm.statusCode).toBe(200);

    const first = await login('totp@twofa.test');
    expect(first.json()).toMatchObject({ twoFactorRedirect: true });
    const pending = cookieOf(first);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/two-factor/verify-totp',
      headers: { cookie: pending },
      payload: { code: '000000' },
    });
    expect(wrong.statusCode).toBe(401);
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/auth/two-factor/verify-totp',
      headers: { cookie: pending },
      payload: { code: totp(secret) },
    });
    expect(second.statusCode).toBe(200);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: cookieOf(second) } });
    expect(me.json().user.two_factor_enabled).toBe(true);

    const audit = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/audit_events?limit=100',
        headers: { cookie: cookieOf(second) },
      })
    )
      .json()
      .data.map((event: { action: string }) => event.action);
    expect(audit).toEqual(
      expect.arrayContaining(['auth.two_factor_enabled', 'auth.login_password_accepted', 'auth.login_succeeded']),
    );
  });

  it('art. 7: lists sessions and revokes one', async () => {
    await owner('sessions@multi.test', 'Sessions BV');
    const laptop = cookieOf(await login('sessions@multi.test'));
    const phone = cookieOf(await login('sessions@multi.test'));
    const sessions = (
      await t.app.inject({ method: 'GET', url: '/api/auth/list-sessions', headers: { cookie: laptop } })
    ).json();
    expect(sessions.length).toBeGreaterThanOrEqual(2);
    const phoneToken = decodeURIComponent(phone.split('=')[1]!).split('.')[0];
    const revoke = await t.app.inject({
      method: 'POST',
      url: '/api/auth/revoke-session',
      headers: { cookie: laptop },
      payload: { token: phoneToken },
    });
    expect(revoke.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: phone } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: laptop } })).statusCode).toBe(
      200,
    );
  });

  it("one person in two tenants switches between them, and sees each tenant's own data", async () => {
    const first = await owner('double@one.test', 'First BV');
    const second = await owner('boss@two.test', 'Second BV');
    const invite = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations',
      headers: { cookie: second },
      payload: { email: 'double@one.test', role: 'admin' },
    });
    const info = await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${invite.json().id}/public` });
    expect(info.json().has_account).toBe(true);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${invite.json().id}/accept`, payload: {} }))
        .statusCode,
    ).toBe(401);
    const accept = await t.app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${invite.json().id}/accept`,
      headers: { cookie: first },
      payload: {},
    });
    expect(accept.statusCode).toBe(204);

    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: first } })).json();
    expect(me.tenants.map((tenant: { name: string; role: string }) => `${tenant.name}:${tenant.role}`)).toEqual([
      'First BV:owner',
      'Second BV:admin',
    ]);
    expect(me.tenant.name).toBe('Second BV');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/company', headers: { cookie: first } })).json().legal_name,
    ).toBe('Second BV');

    const firstTenant = me.tenants.find((tenant: { name: string }) => tenant.name === 'First BV');
    const switched = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/active_tenant',
      headers: { cookie: first },
      payload: { tenant_id: firstTenant.id },
    });
    expect(switched.statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/company', headers: { cookie: first } })).json().legal_name,
    ).toBe('First BV');

    const foreign = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: second } })).json()
      .tenant.id;
    const stranger = await owner('stranger@three.test', 'Third BV');
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/me/active_tenant',
          headers: { cookie: stranger },
          payload: { tenant_id: foreign },
        })
      ).statusCode,
    ).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../../test-support/smtp-sink.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { operatorSession } from './console-test-helpers.ts';

describe('terms art. 19: announcements and newsletters with one-click unsubscribe', () => {
  let t: TestApp;
  let smtp: SmtpSink;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await createTestApp({ SMTP_URL: smtp.url, OPERATOR_NAME: 'Hosting Noord B.V.' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('a newsletter carries a working one-click unsubscribe; service messages still arrive afterwards', async () => {
    const admin = await operatorSession(t, 'admin');
    const tenant = await t.createTenant();
    const [owner] = await t.kernel.database.owner
      .execute((await import('drizzle-orm')).sql`SELECT email FROM users WHERE id = ${tenant.user_id}`)
      .then((result) => (result as unknown as { rows: { email: string }[] }).rows);
    const address = owner!.email;

    const newsletter = await t.session(admin.cookie, {
      method: 'POST',
      url: '/api/v1/operator/announcements',
      payload: { kind: 'newsletter', subject: 'Nieuw in Clientbox: offertes', body: 'Beste klant,\n\nDit is nieuw.' },
    });
    expect(newsletter.statusCode).toBe(201);
    expect(newsletter.json().recipient_count).toBeGreaterThanOrEqual(1);
    const mail = await smtp.waitFor((m) => m.to.includes(address) && m.subject === 'Nieuw in Clientbox: offertes');
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(mail.text).toContain('Hosting Noord B.V.');
    const oneClick = /<([^>]+)>/.exec(mail.headers['list-unsubscribe']!)![1]!;
    const url = new URL(oneClick);

    // A forged token does nothing.
    const forged = await t.app.inject({
      method: 'POST',
      url: `${url.pathname}?email=${encodeURIComponent(address)}&token=forged-token-value`,
    });
    expect(forged.statusCode).toBe(404);
    // What a mail client sends for RFC 8058 one-click unsubscribe.
    const unsubscribed = await t.app.inject({
      method: 'POST',
      url: `${url.pathname}${url.search}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(unsubscribed.statusCode).toBe(200);

    await t.session(admin.cookie, {
      method: 'POST',
      url: '/api/v1/operator/announcements',
      payload: { kind: 'newsletter', subject: 'Tweede nieuwsbrief', body: 'Nog meer nieuws.' },
    });
    const service = await t.session(admin.cookie, {
      method: 'POST',
      url: '/api/v1/operator/announcements',
      payload: {
        kind: 'service',
        subject: 'Onderhoud zondag',
        body: 'Zondag 02:00–03:00 is Clientbox niet bereikbaar.',
      },
    });
    expect(service.statusCode).toBe(201);
    const serviceMail = await smtp.waitFor((m) => m.to.includes(address) && m.subject === 'Onderhoud zondag');
    expect(serviceMail.headers['list-unsubscribe']).toBeUndefined();
    expect(smtp.messages.some((m) => m.to.includes(address) && m.subject === 'Tweede nieuwsbrief')).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../test-support/smtp-sink.ts';
import { createMailer } from './create-mailer.ts';
import { renderMail } from './render-mail.ts';

describe('mailer over SMTP', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(() => sink.close());

  it('delivers a rendered mail to a real SMTP server: recipient, subject and the exact link', async () => {
    const mailer = createMailer({
      smtpUrl: sink.url,
      from: 'Clientbox <no-reply@clientbox.test>',
      outboxDir: '/nonexistent',
    });
    expect(mailer.mode).toBe('smtp');
    const url =
      'http://localhost:3000/api/auth/verify-email?token=eyJhbGciOiJIUzI1NiJ9.eyJlbWFpbCI6ImFubkBleGFtcGxlLnRlc3QifQ.sig&callbackURL=%2F';
    const rendered = renderMail('nl', 'verify_email', { name: 'Zoë', url });
    const { id } = await mailer.send({
      to: 'ann@example.test',
      ...rendered,
      headers: { 'X-Clientbox-Template': 'verify_email' },
    });
    await mailer.close();

    const received = await sink.waitFor((mail) => mail.to.includes('ann@example.test'));
    expect(received.to).toEqual(['ann@example.test']);
    expect(received.from).toBe('no-reply@clientbox.test');
    expect(received.headers.from).toBe('Clientbox <no-reply@clientbox.test>');
    expect(received.headers['message-id']).toBe(id);
    expect(received.headers['x-clientbox-template']).toBe('verify_email');
    expect(received.subject).toBe('Bevestig je e-mailadres voor Clientbox');
    expect(received.text).toBe(rendered.text);
    expect(/https?:\/\/\S+/.exec(received.text)?.[0]).toBe(url);
    expect(received.html).toBe(rendered.html);
    expect(received.html).toContain(`href="${url.replace('&', '&amp;')}"`);
  });

  it('keeps a non-ASCII subject intact and logs in with the credentials of the URL', async () => {
    const smtpUrl = sink.url.replace('smtp://', 'smtp://mailer%40clientbox:s3cr%3At@');
    const mailer = createMailer({ smtpUrl, from: 'Clientbox <no-reply@clientbox.test>', outboxDir: '/nonexistent' });
    await mailer.send({
      to: 'cafe@example.test',
      subject: 'Café Ünal — factuur € 12',
      text: 'Zie https://app.test/a?b=1&c=2',
      html: '<p>hi</p>',
    });
    await mailer.close();
    const received = await sink.waitFor((mail) => mail.to.includes('cafe@example.test'));
    expect(received.subject).toBe('Café Ünal — factuur € 12');
    expect(received.text).toBe('Zie https://app.test/a?b=1&c=2');
    expect(received.authUser).toBe('mailer@clientbox');
  });

  it('sends copies, a reply address, a sender name and attachments with their exact bytes', async () => {
    const mailer = createMailer({
      smtpUrl: sink.url,
      from: 'Clientbox <no-reply@clientbox.test>',
      outboxDir: '/nonexistent',
    });
    const pdf = Uint8Array.from({ length: 3000 }, (_, index) => (index * 7919) % 256);
    const xml = new TextEncoder().encode('<?xml version="1.0"?>\n<Invoice>Café</Invoice>\n');
    await mailer.send({
      to: 'klant@example.test',
      cc: ['boekhouder@example.test'],
      replyTo: 'facturen@bakker.test',
      fromName: 'Bakker & Zn. B.V.',
      subject: 'Factuur 2026-00001',
      text: 'Zie bijlage',
      html: '<p>Zie bijlage</p>',
      attachments: [
        { filename: 'factuur-2026-00001.pdf', contentType: 'application/pdf', content: pdf },
        { filename: 'factuur-2026-00001.xml', contentType: 'application/xml', content: xml },
      ],
    });
    await mailer.close();
    const received = await sink.waitFor((mail) => mail.to.includes('klant@example.test'));
    expect(received.to).toEqual(['klant@example.test', 'boekhouder@example.test']);
    expect(received.headers.cc).toBe('boekhouder@example.test');
    expect(received.headers['reply-to']).toBe('facturen@bakker.test');
    expect(received.headers.from).toContain('no-reply@clientbox.test');
    expect(received.headers.from).toContain('Bakker & Zn. B.V.');
    expect(received.text).toBe('Zie bijlage');
    expect(received.attachments.map((file) => [file.filename, file.contentType])).toEqual([
      ['factuur-2026-00001.pdf', 'application/pdf'],
      ['factuur-2026-00001.xml', 'application/xml'],
    ]);
    expect(Buffer.compare(received.attachments[0]!.content, Buffer.from(pdf))).toBe(0);
    expect(Buffer.compare(received.attachments[1]!.content, Buffer.from(xml))).toBe(0);
  });

  it('speaks TLS from the first byte for smtps:// (so a plain server is refused)', async () => {
    const mailer = createMailer({
      smtpUrl: `smtps://127.0.0.1:${sink.port}?connectionTimeout=3000&greetingTimeout=3000`,
      from: 'a@clientbox.test',
      outboxDir: '/nonexistent',
    });
    await expect(mailer.send({ to: 'tls@example.test', subject: 's', text: 't', html: 'h' })).rejects.toThrow();
    await mailer.close();
    expect(sink.messages.some((mail) => mail.to.includes('tls@example.test'))).toBe(false);
  });

  it('has no outbox to show', async () => {
    const mailer = createMailer({ smtpUrl: sink.url, from: 'a@clientbox.test', outboxDir: '/nonexistent' });
    expect(await mailer.listOutbox()).toEqual([]);
    expect(await mailer.getOutboxMessage('anything')).toBeUndefined();
    await mailer.close();
  });
});

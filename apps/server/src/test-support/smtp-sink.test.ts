import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMailMessage, startSmtpSink, type SmtpSink } from './smtp-sink.ts';

const LONG_URL =
  'http://localhost:3000/api/auth/verify-email?token=eyJhbGciOiJIUzI1NiJ9.eyJlbWFpbCI6ImFubkBleGFtcGxlLnRlc3QifQ.abc==&callbackURL=%2Fwelcome';

describe('SMTP sink', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(() => sink.close());

  it.each(['quoted-printable', 'base64'] as const)(
    'reads back what nodemailer sends as %s, link intact',
    async (textEncoding) => {
      const transport = nodemailer.createTransport(sink.url);
      const to = `${textEncoding}@example.test`;
      const subject = `Bevestig je e-mailadres — Café Ünal 🎉 ${'ë'.repeat(40)}`;
      const text = `Hallo Zoë,\n\nKlik hier:\n${LONG_URL}\n\nGroet`;
      await transport.sendMail({
        from: 'Clientbox <no-reply@example.test>',
        to,
        subject,
        text,
        html: `<p>Zoë <a href="${LONG_URL}">link</a></p>`,
        textEncoding,
      });
      transport.close();
      const mail = await sink.waitFor((received) => received.to.includes(to));
      expect(mail.raw).toContain(`Content-Transfer-Encoding: ${textEncoding}`);
      expect(mail.raw).not.toContain(LONG_URL);
      expect(mail.from).toBe('no-reply@example.test');
      expect(mail.subject).toBe(subject);
      expect(mail.text).toBe(text);
      expect(mail.html).toBe(`<p>Zoë <a href="${LONG_URL}">link</a></p>`);
      expect(mail.authUser).toBeUndefined();
    },
  );

  it('accepts any credentials given in the URL', async () => {
    const transport = nodemailer.createTransport(sink.url.replace('smtp://', 'smtp://mailer%40app:p%40ss%3Aword@'));
    await transport.sendMail({ from: 'a@example.test', to: 'auth@example.test', subject: 'x', text: 'y' });
    transport.close();
    expect((await sink.waitFor((mail) => mail.to.includes('auth@example.test'))).authUser).toBe('mailer@app');
  });

  it('waits for a mail that arrives later and gives up after the timeout', async () => {
    const later = sink.waitFor((mail) => mail.subject === 'later', 5_000);
    const transport = nodemailer.createTransport(sink.url);
    await transport.sendMail({ from: 'a@example.test', to: 'later@example.test', subject: 'later', text: 'y' });
    transport.close();
    await expect(later).resolves.toMatchObject({ to: ['later@example.test'] });
    await expect(sink.waitFor((mail) => mail.subject === 'never', 50)).rejects.toThrow(/no matching mail within 50 ms/);
  });
});

describe('parseMailMessage', () => {
  it('joins encoded words split inside a character and decodes other charsets', () => {
    const euro = Buffer.from('€', 'utf8');
    const first = Buffer.concat([Buffer.from('Prijs '), euro.subarray(0, 1)]).toString('base64');
    const second = Buffer.concat([euro.subarray(1), Buffer.from(' 10')]).toString('base64');
    const raw = [
      `Subject: =?UTF-8?B?${first}?=\r\n =?UTF-8?B?${second}?= ok`,
      'X-Note: =?ISO-8859-1?Q?Caf=E9_au_lait?=',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'body',
    ].join('\r\n');
    const mail = parseMailMessage(Buffer.from(raw, 'latin1'));
    expect(mail.subject).toBe('Prijs € 10 ok');
    expect(mail.headers['x-note']).toBe('Café au lait');
    expect(mail.text).toBe('body');
  });

  it('finds text and html inside nested multiparts and skips attachments', () => {
    const raw = [
      'Content-Type: multipart/mixed; boundary="outer"',
      '',
      '--outer',
      'Content-Type: multipart/alternative; boundary=inner',
      '',
      '--inner',
      'Content-Type: text/plain; charset=iso-8859-1',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Zo=EB, a long line that was wrapped with a soft line break right here =',
      'and continues.',
      '--inner',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('<p>Zoë</p>').toString('base64'),
      '--inner--',
      '--outer',
      'Content-Type: text/plain',
      'Content-Disposition: attachment; filename="notes.txt"',
      '',
      'not the body',
      '--outer--',
      '',
    ].join('\r\n');
    const mail = parseMailMessage(Buffer.from(raw, 'latin1'));
    expect(mail.text).toBe('Zoë, a long line that was wrapped with a soft line break right here and continues.');
    expect(mail.html).toBe('<p>Zoë</p>');
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSmtpSink } from '../../test-support/smtp-sink.ts';
import { createMailer } from './create-mailer.ts';
import { renderMail } from './render-mail.ts';

describe('mailer', () => {
  const outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clientbox-outbox-'));
  afterAll(() => fs.rmSync(outboxDir, { recursive: true, force: true }));

  it('without SMTP keeps mail in the development outbox, newest first', async () => {
    const mailer = createMailer({ smtpUrl: undefined, from: 'Clientbox <x@y.test>', outboxDir });
    expect(mailer.mode).toBe('outbox');
    await mailer.send({ to: 'a@x.test', ...renderMail('nl', 'reset_password', { name: 'A', url: 'http://l/reset?token=1' }) });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await mailer.send({ to: 'b@x.test', ...renderMail('en', 'reset_password', { name: 'B', url: 'http://l/reset?token=2' }) });
    const messages = await mailer.listOutbox();
    expect(messages.map((message) => message.to)).toEqual(['b@x.test', 'a@x.test']);
    expect(messages[1]!.text).toContain('http://l/reset?token=1');
  });

  it('with SMTP delivers to a real SMTP server, non-ASCII subject intact', async () => {
    const sink = await startSmtpSink();
    const mailer = createMailer({ smtpUrl: sink.url, from: 'Clientbox <x@y.test>', outboxDir });
    await mailer.send({ to: 'c@x.test', subject: 'Café Ünal — factuur', text: 'Zie https://app.test/a?b=1&c=2', html: '<p>hi</p>' });
    const received = await sink.waitFor((mail) => mail.to.includes('c@x.test'));
    expect(received.subject).toBe('Café Ünal — factuur');
    expect(received.text).toContain('https://app.test/a?b=1&c=2');
    await mailer.close();
    await sink.close();
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { outboxMessage } from '@clientbox/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMailer } from './create-mailer.ts';
import { renderMail } from './render-mail.ts';

describe('development outbox', () => {
  let outboxDir: string;
  beforeEach(() => {
    outboxDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'clientbox-outbox-')), 'outbox');
  });
  afterEach(() => fs.rmSync(path.dirname(outboxDir), { recursive: true, force: true }));

  it('writes each mail as a JSON file in the contract shape and reads it back by id', async () => {
    const mailer = createMailer({ from: 'Clientbox <x@clientbox.test>', outboxDir });
    expect(mailer.mode).toBe('outbox');
    const rendered = renderMail('en', 'reset_password', { name: 'Ann', url: 'http://localhost:3000/reset?token=1' });
    const before = Date.now();
    const { id } = await mailer.send({ to: 'ann@example.test', ...rendered });

    expect(fs.readdirSync(outboxDir)).toEqual([`${id}.json`]);
    const stored = outboxMessage.parse(JSON.parse(fs.readFileSync(path.join(outboxDir, `${id}.json`), 'utf8')));
    expect(stored).toEqual({ id, to: 'ann@example.test', ...rendered, sent_at: stored.sent_at });
    expect(new Date(stored.sent_at).toISOString()).toBe(stored.sent_at);
    expect(Date.parse(stored.sent_at)).toBeGreaterThanOrEqual(before - 1);
    expect(await mailer.getOutboxMessage(id)).toEqual(stored);
  });

  it('lists newest first, also for mails sent within the same millisecond', async () => {
    const mailer = createMailer({ smtpUrl: '', from: 'x@clientbox.test', outboxDir });
    for (const to of ['a@x.test', 'b@x.test', 'c@x.test', 'd@x.test'])
      await mailer.send({ to, subject: to, text: to, html: to });
    expect((await mailer.listOutbox()).map((message) => message.to)).toEqual([
      'd@x.test',
      'c@x.test',
      'b@x.test',
      'a@x.test',
    ]);
  });

  it('refuses ids that are not its own, so a URL cannot reach other files', async () => {
    const mailer = createMailer({ from: 'x@clientbox.test', outboxDir });
    await mailer.send({ to: 'a@x.test', subject: 's', text: 't', html: 'h' });
    fs.writeFileSync(path.join(path.dirname(outboxDir), 'secret.json'), '{"id":"secret"}');
    for (const id of ['../secret', 'secret', '', '20250101T000000000Z-000000-0000000g'])
      expect(await mailer.getOutboxMessage(id)).toBeUndefined();
  });

  it('skips temporary, foreign and unreadable files and lists nothing before the first mail', async () => {
    const mailer = createMailer({ from: 'x@clientbox.test', outboxDir });
    expect(await mailer.listOutbox()).toEqual([]);
    const { id } = await mailer.send({ to: 'a@x.test', subject: 's', text: 't', html: 'h' });
    const broken = id.replace(/-[0-9a-f]{8}$/, '-ffffffff');
    fs.writeFileSync(path.join(outboxDir, `${broken}.json`), '{ half a mess');
    fs.writeFileSync(path.join(outboxDir, `${id.replace(/-[0-9a-f]{8}$/, '-eeeeeeee')}.json.123.tmp`), '{}');
    fs.writeFileSync(path.join(outboxDir, 'notes.json'), '{}');
    expect((await mailer.listOutbox()).map((message) => message.id)).toEqual([id]);
    expect(await mailer.getOutboxMessage(broken)).toBeUndefined();
  });
});

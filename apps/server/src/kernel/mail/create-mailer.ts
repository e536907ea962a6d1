import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  sent_at: string;
}

export interface Mailer {
  readonly mode: 'smtp' | 'outbox';
  send(mail: OutgoingMail): Promise<{ id: string }>;
  listOutbox(): Promise<OutboxMessage[]>;
  close(): Promise<void>;
}

interface MailerOptions {
  smtpUrl: string | undefined;
  from: string;
  outboxDir: string;
  logger?: { info(obj: object, msg: string): void };
}

/**
 * SMTP when SMTP_URL is set (`smtp://user:pass@host:587`, `smtps://…` for implicit TLS), otherwise
 * a development outbox: each message a JSON file in DATA_DIR/outbox, readable at /dev/outbox.
 */
export function createMailer(options: MailerOptions): Mailer {
  return options.smtpUrl ? createSmtpMailer(options, options.smtpUrl) : createOutboxMailer(options);
}

function createSmtpMailer(options: MailerOptions, smtpUrl: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    mode: 'smtp',
    async send(mail) {
      const info = await transport.sendMail({ from: options.from, ...mail });
      options.logger?.info({ to: mail.to, subject: mail.subject, messageId: info.messageId }, 'mail sent');
      return { id: info.messageId };
    },
    listOutbox: async () => [],
    close: async () => transport.close(),
  };
}

function createOutboxMailer(options: MailerOptions): Mailer {
  return {
    mode: 'outbox',
    async send(mail) {
      await fs.mkdir(options.outboxDir, { recursive: true });
      const sentAt = new Date().toISOString();
      const id = `${sentAt.replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}`;
      const message: OutboxMessage = { id, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, sent_at: sentAt };
      const file = path.join(options.outboxDir, `${id}.json`);
      // Write then rename: a reader never sees half a message.
      await fs.writeFile(`${file}.tmp`, JSON.stringify(message));
      await fs.rename(`${file}.tmp`, file);
      options.logger?.info({ to: mail.to, subject: mail.subject }, 'mail kept in the development outbox');
      return { id };
    },
    async listOutbox() {
      const names = await fs.readdir(options.outboxDir).catch(() => [] as string[]);
      const files = names.filter((name) => name.endsWith('.json')).sort().reverse().slice(0, 200);
      return Promise.all(files.map(async (name) => JSON.parse(await fs.readFile(path.join(options.outboxDir, name), 'utf8')) as OutboxMessage));
    },
    close: async () => undefined,
  };
}

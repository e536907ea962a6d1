import type { OutboxMessage } from '@clientbox/contracts';
import nodemailer from 'nodemailer';
import { createOutboxMailer } from './development-outbox.ts';

export type { OutboxMessage };

/** A file sent with a mail: base64-encoded on the wire, so the recipient gets exactly these bytes. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

export interface OutgoingMail {
  to: string;
  /** Copies, visible to every recipient. */
  cc?: string[] | undefined;
  subject: string;
  text: string;
  html: string;
  /** Where answers go when not to the sender: a tenant's mail to its customer goes back to the tenant. */
  replyTo?: string | undefined;
  /** Shown instead of the configured sender's name; the address stays the configured one (SPF, DKIM). */
  fromName?: string | undefined;
  attachments?: MailAttachment[] | undefined;
  headers?: Record<string, string>;
}

export interface Mailer {
  /** `outbox` on a development machine without SMTP: mail is kept on disk, readable in the app. */
  readonly mode: 'smtp' | 'outbox';
  send(mail: OutgoingMail): Promise<{ id: string }>;
  /** Newest first; empty in SMTP mode. */
  listOutbox(): Promise<OutboxMessage[]>;
  /** `undefined` for an unknown or malformed id, and always in SMTP mode. */
  getOutboxMessage(id: string): Promise<OutboxMessage | undefined>;
  close(): Promise<void>;
}

export interface MailLogger {
  info(details: object, message: string): void;
}

export interface MailerConfig {
  /**
   * `smtp://user:pass@host:587` (STARTTLS when the server offers it), `smtps://user:pass@host:465`
   * (TLS from the first byte). User and password percent-encoded. Query parameters are nodemailer
   * SMTP options, e.g. `?requireTLS=true`, `?ignoreTLS=true`, `?tls.rejectUnauthorized=false`.
   */
  smtpUrl?: string | undefined;
  /** `Name <address>` as in the From header. */
  from: string;
  outboxDir: string;
  logger?: MailLogger | undefined;
}

/** SMTP when a URL is configured, otherwise the development outbox in `outboxDir`. */
export function createMailer(config: MailerConfig): Mailer {
  return config.smtpUrl
    ? createSmtpMailer(config.smtpUrl, config)
    : createOutboxMailer(config.outboxDir, config.logger);
}

function createSmtpMailer(smtpUrl: string, config: MailerConfig): Mailer {
  // nodemailer parses the URL itself (scheme → secure, decoded credentials, query → options).
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    mode: 'smtp',
    async send(mail) {
      const info = await transport.sendMail({
        from: mail.fromName ? { name: mail.fromName, address: addressOf(config.from) } : config.from,
        to: mail.to,
        ...(mail.cc?.length ? { cc: mail.cc } : {}),
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
        attachments: mail.attachments?.map((attachment) => ({
          filename: attachment.filename,
          contentType: attachment.contentType,
          content: Buffer.from(attachment.content),
          contentTransferEncoding: 'base64' as const,
        })),
      });
      // The address is personal data and the subject may name a tenant: log the id only.
      config.logger?.info({ messageId: info.messageId }, 'mail sent');
      return { id: info.messageId };
    },
    listOutbox: async () => [],
    getOutboxMessage: async () => undefined,
    close: async () => transport.close(),
  };
}

/** `Name <address>` or a bare address → the address. */
function addressOf(from: string): string {
  return /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from.trim();
}

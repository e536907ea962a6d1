import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Mailer, MailLogger, OutboxMessage } from './create-mailer.ts';

/** The development page shows the latest mail; older files stay on disk but are not listed. */
const LIST_LIMIT = 200;
// Ids sort in sending order: time, then a per-process counter for mails within one millisecond.
const ID_PATTERN = /^\d{8}T\d{9}Z-\d{6}-[0-9a-f]{8}$/;
let sequence = 0;

/**
 * Without SMTP every mail becomes a JSON file in `outboxDir`, so a developer (and the web app's
 * development page) can read verification and invitation links without a mail server.
 */
export function createOutboxMailer(outboxDir: string, logger?: MailLogger): Mailer {
  const fileOf = (id: string) => path.join(outboxDir, `${id}.json`);
  return {
    mode: 'outbox',
    async send(mail) {
      const now = new Date();
      const id = `${now.toISOString().replace(/[-:.]/g, '')}-${String(sequence++ % 1_000_000).padStart(6, '0')}-${randomUUID().slice(0, 8)}`;
      const message: OutboxMessage = {
        id,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        sent_at: now.toISOString(),
      };
      await fs.mkdir(outboxDir, { recursive: true });
      // Write then rename: a reader never sees half a message, and *.tmp files are never listed.
      const temporary = `${fileOf(id)}.${process.pid}.tmp`;
      await fs.writeFile(temporary, JSON.stringify(message, null, 2));
      await fs.rename(temporary, fileOf(id));
      logger?.info({ outboxId: id }, 'mail kept in the development outbox');
      return { id };
    },
    async listOutbox() {
      const names = await fs.readdir(outboxDir).catch(() => [] as string[]);
      const ids = names.filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -'.json'.length));
      const newest = ids
        .filter((id) => ID_PATTERN.test(id))
        .sort()
        .reverse()
        .slice(0, LIST_LIMIT);
      const messages = await Promise.all(newest.map((id) => readMessage(fileOf(id))));
      return messages.filter((message) => message !== undefined);
    },
    async getOutboxMessage(id) {
      // The id comes from a URL: only our own id shape may become part of a path.
      return ID_PATTERN.test(id) ? readMessage(fileOf(id)) : undefined;
    },
    close: async () => undefined,
  };
}

/** A file deleted or hand-edited by the developer is skipped, not an error for the whole list. */
async function readMessage(file: string): Promise<OutboxMessage | undefined> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as OutboxMessage;
  } catch {
    return undefined;
  }
}

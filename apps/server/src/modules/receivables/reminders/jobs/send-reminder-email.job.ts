import { writeOutboxEvent } from '../../../../kernel/jobs/outbox.ts';
import { FINAL_NOTICE_SENT, type FinalNoticeSentEvent } from '../reminder-events.ts';
import type { Kernel } from '../../../../kernel/kernel.ts';
import { SYSTEM_ACTOR, type TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import type { Tx } from '../../../../kernel/db/database.ts';
import { getCompany } from '../../../company/index.ts';
import { renderReminderEmail } from '../documents/reminder-email.ts';
import { letterOf } from '../documents/reminder-letter.ts';
import { letterTitle } from '../documents/reminder-texts.ts';
import { findReminder, markReminder } from '../reminders.repository.ts';

const systemContext = (tenantId: string, tx: Tx): TenantContext => ({
  tenantId,
  tx,
  actor: SYSTEM_ACTOR,
  role: 'owner',
  locale: 'nl',
  meta: { requestId: null, ip: null, userAgent: null },
});

export const SEND_REMINDER_EMAIL_JOB = 'receivables.send-reminder-email';

export interface SendReminderEmailPayload {
  reminderId: string;
}

/**
 * Mails one written reminder with its PDF, then marks it `sent`. A mail server that keeps
 * refusing leaves it `queued` after the retries; the next daily run queues it again. No transaction is open while the mail server is
 * talked to. A reminder no longer `queued` (sent by an earlier attempt) is not sent again.
 */
export function defineSendReminderEmailJob(kernel: Pick<Kernel, 'jobs' | 'mailer' | 'config'>): void {
  kernel.jobs.define<SendReminderEmailPayload, { status: string }>(
    SEND_REMINDER_EMAIL_JOB,
    async (job) => {
      const { payload } = job;
      const found = await job.step(async (tx) => {
        const reminder = await findReminder(tx, job.tenantId, payload.reminderId);
        const company = reminder ? await getCompany(systemContext(job.tenantId, tx)) : null;
        return reminder && company ? { reminder, company } : null;
      });
      if (!found || found.reminder.status !== 'queued') return { status: found?.reminder.status ?? 'missing' };
      const { reminder, company } = found;
      if (!reminder.recipient) {
        await job.step((tx) => markReminder(tx, job.tenantId, reminder.id, { status: 'failed', error: 'no_email' }));
        return { status: 'failed' };
      }
      const title = letterTitle(reminder);
      const sent = await kernel.mailer.send({
        to: reminder.recipient,
        ...renderReminderEmail(letterOf(company, reminder), kernel.config.operator),
        fromName: company.legal_name,
        replyTo: company.email ?? undefined,
        attachments: [
          {
            filename: `${title} ${reminder.invoiceNumber}.pdf`.replace(/[^\w .-]/g, '-'),
            contentType: 'application/pdf',
            content: reminder.pdfContent,
          },
        ],
      });
      await job.step(async (tx) => {
        await markReminder(tx, job.tenantId, reminder.id, { status: 'sent', sentAt: new Date(), messageId: sent.id });
        if (reminder.kind === 'final_notice') {
          const event: FinalNoticeSentEvent = {
            reminder_id: reminder.id,
            invoice_id: reminder.invoiceId,
            customer_id: reminder.organizationId ?? reminder.personId,
          };
          await writeOutboxEvent(tx, job.tenantId, FINAL_NOTICE_SENT, event);
        }
      });
      return { status: 'sent' };
    },
    { transaction: 'steps', retries: 2, timeoutSeconds: 300, concurrency: 2 },
  );
}

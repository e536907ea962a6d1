import type { InvoiceDelivery } from '@clientbox/contracts';
import type { Tx } from '../../../kernel/db/database.ts';
import type { Kernel } from '../../../kernel/kernel.ts';
import type { Actor, Locale, RequestMeta } from '../../../kernel/tenancy/tenant-context.ts';
import { prepareInvoiceEmail } from '../use-cases/prepare-invoice-email.ts';
import { type DeliveryContext, recordDelivery } from '../use-cases/record-delivery.ts';

export const SEND_INVOICE_EMAIL_JOB = 'invoices.send-email';

/** Who asked, from the request that queued it: the sent log and the audit name them. */
export interface SendInvoiceEmailPayload {
  invoiceId: string;
  to: string;
  cc: string[];
  message: string | null;
  actor: Actor;
  locale: Locale;
  meta: RequestMeta;
}

/**
 * E-mails an issued invoice, queued by `sendInvoice`. In steps, so no transaction is open while
 * the mail server is talked to: read the invoice and its stored files, send, then record the
 * delivery (sent_at, audit event, timeline). The result is the `invoice_delivery`. A failed send
 * is retried (a mail server's 4xx is often temporary). A retry of a run that recorded its mail
 * finds that entry and does not send again; only a crash between sending and recording (a few
 * inserts) would send twice.
 */
export function defineSendInvoiceEmailJob(kernel: Pick<Kernel, 'jobs' | 'mailer' | 'config'>): void {
  kernel.jobs.define<SendInvoiceEmailPayload, InvoiceDelivery>(
    SEND_INVOICE_EMAIL_JOB,
    async (job) => {
      const { payload } = job;
      const contextOf = (tx: Tx): DeliveryContext => ({
        tenantId: job.tenantId,
        tx,
        actor: payload.actor,
        meta: payload.meta,
        locale: payload.locale,
      });
      const prepared = await job.step((tx) =>
        prepareInvoiceEmail(contextOf(tx), payload, job.jobRunId, kernel.config.operator),
      );
      if (prepared.isSent) return prepared.delivery;
      const sent = await kernel.mailer.send(prepared.mail);
      const sentAt = new Date();
      return job.step((tx) =>
        recordDelivery(contextOf(tx), prepared.invoice, {
          channel: 'email',
          to: payload.to,
          cc: payload.cc,
          messageId: sent.id,
          note: null,
          sentAt,
          email: { subject: prepared.mail.subject, attachments: prepared.attachments, jobRunId: job.jobRunId },
        }),
      );
    },
    { transaction: 'steps', retries: 2, timeoutSeconds: 300 },
  );
}

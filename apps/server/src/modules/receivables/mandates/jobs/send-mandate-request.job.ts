import type { Kernel } from '../../../../kernel/kernel.ts';
import type { OutgoingMail } from '../../../../kernel/mail/index.ts';
import { renderMandateRequestEmail } from '../mandate-request-email.ts';
import { signingUrlOf } from '../mandates.dto.ts';
import { findMandate } from '../mandates.repository.ts';

export const SEND_MANDATE_REQUEST_JOB = 'receivables.send-mandate-request';

/** What the request knew; the signing link is read when sending (a credential stays out of the job). */
export interface SendMandateRequestPayload {
  mandateId: string;
  to: string;
  language: 'nl' | 'en';
  company: string;
  companyEmail: string | null;
  debtorName: string | null;
}

/**
 * E-mails a pending mandate request's signing link, queued by `sendMandateRequest`. The mandate
 * is read in a step of its own, so no transaction is open while the mail server is talked to; a
 * request signed or withdrawn in the meantime is not sent. A failed send is retried.
 */
export function defineSendMandateRequestJob(kernel: Pick<Kernel, 'jobs' | 'mailer' | 'config'>): void {
  kernel.jobs.define<SendMandateRequestPayload, { sent_to: string; message_id: string } | { skipped: string }>(
    SEND_MANDATE_REQUEST_JOB,
    async (job) => {
      const { payload } = job;
      const mail = await job.step(async (tx): Promise<OutgoingMail | null> => {
        const mandate = await findMandate(tx, job.tenantId, payload.mandateId);
        const url = mandate ? signingUrlOf(mandate, kernel.config.publicBaseUrl) : null;
        if (!mandate || !url) return null;
        return {
          to: payload.to,
          ...renderMandateRequestEmail({
            language: payload.language,
            company: payload.company,
            companyEmail: payload.companyEmail,
            debtorName: payload.debtorName,
            mandateId: mandate.mandateId,
            scheme: mandate.scheme,
            url,
            operator: kernel.config.operator,
          }),
          fromName: payload.company,
          replyTo: payload.companyEmail ?? undefined,
          headers: { 'X-Clientbox-Template': 'mandate-request' },
        };
      });
      if (!mail) return { skipped: 'the request was signed or withdrawn' };
      const sent = await kernel.mailer.send(mail);
      return { sent_to: payload.to, message_id: sent.id };
    },
    { transaction: 'steps', retries: 2, timeoutSeconds: 300 },
  );
}

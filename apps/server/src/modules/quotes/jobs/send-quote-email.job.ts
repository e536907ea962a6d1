import type { Kernel } from '../../../kernel/kernel.ts';
import type { OutgoingMail } from '../../../kernel/mail/index.ts';
import { renderQuoteEmail } from '../documents/quote-email.ts';
import { publicUrlOf } from '../quotes.dto.ts';
import { findQuote, findQuotePdf, updateQuoteRow } from '../quotes.repository.ts';
import { quotePdfFileName } from '../use-cases/get-quote-pdf.ts';

export const SEND_QUOTE_EMAIL_JOB = 'quotes.send-email';

export interface SendQuoteEmailPayload {
  quoteId: string;
  to: string;
}

/**
 * E-mails a sent quote, queued by `sendQuote`. In steps, so no transaction is open while the
 * mail server is talked to: read the quote and its stored PDF, send, then note `emailed_at`. A
 * failed send is retried (a mail server's 4xx is often temporary).
 */
export function defineSendQuoteEmailJob(kernel: Pick<Kernel, 'jobs' | 'mailer' | 'config'>): void {
  kernel.jobs.define<SendQuoteEmailPayload, { emailed_at: string } | { skipped: string }>(
    SEND_QUOTE_EMAIL_JOB,
    async (job) => {
      const mail = await job.step(async (tx): Promise<OutgoingMail | null> => {
        const quote = await findQuote(tx, job.tenantId, job.payload.quoteId);
        const pdf = quote ? await findQuotePdf(tx, job.tenantId, quote.id) : null;
        // Already e-mailed by an earlier attempt whose last step committed: send once.
        if (!quote?.snapshot || !pdf || quote.emailedAt) return null;
        const url = publicUrlOf(quote, kernel.config.publicBaseUrl)!;
        return {
          to: job.payload.to,
          ...renderQuoteEmail({
            snapshot: quote.snapshot,
            revision: quote.revision,
            url,
            operator: kernel.config.operator,
          }),
          fromName: quote.snapshot.supplier.name,
          replyTo: quote.snapshot.supplier.email ?? undefined,
          attachments: [{ filename: quotePdfFileName(quote), contentType: 'application/pdf', content: pdf.content }],
          headers: { 'X-Clientbox-Template': 'quote' },
        };
      });
      if (!mail) return { skipped: 'already e-mailed or not sent' };
      await kernel.mailer.send(mail);
      const emailedAt = new Date();
      await job.step((tx) => updateQuoteRow(tx, job.tenantId, job.payload.quoteId, { emailedAt }));
      return { emailed_at: emailedAt.toISOString() };
    },
    { transaction: 'steps', retries: 2, timeoutSeconds: 300 },
  );
}

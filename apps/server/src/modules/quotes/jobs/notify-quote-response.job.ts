import { computeDocumentTotals } from '@clientbox/contracts';
import { memberRecipients } from '../../../kernel/accounts/member-recipients.ts';
import type { Kernel } from '../../../kernel/kernel.ts';
import type { OutgoingMail } from '../../../kernel/mail/index.ts';
import { renderResponseEmail } from '../documents/quote-email.ts';
import { isExcluded } from '../domain/optional-lines.ts';
import { findQuote } from '../quotes.repository.ts';

export const NOTIFY_QUOTE_RESPONSE_JOB = 'quotes.notify-response';

export interface NotifyQuoteResponsePayload {
  quoteId: string;
  response: 'accepted' | 'declined';
}

/**
 * Tells the tenant that a customer answered a quote: whoever sent the quote (else who made it),
 * and when neither is a member any more, the owners and admins. Each in their own language, with
 * a link to the quote in the app. Read in one step, sent outside any transaction.
 */
export function defineNotifyQuoteResponseJob(kernel: Pick<Kernel, 'jobs' | 'mailer' | 'config'>): void {
  kernel.jobs.define<NotifyQuoteResponsePayload, { notified: number }>(
    NOTIFY_QUOTE_RESPONSE_JOB,
    async (job) => {
      const mails = await job.step(async (tx): Promise<OutgoingMail[]> => {
        const ctx = { tenantId: job.tenantId, tx };
        const quote = await findQuote(tx, job.tenantId, job.payload.quoteId);
        if (!quote?.snapshot) return [];
        const snapshot = quote.snapshot;
        const recipients = await memberRecipients(ctx, {
          userIds: [quote.sentBy ?? quote.createdBy],
          fallbackRoles: ['owner', 'admin'],
        });
        const selected = quote.selectedOptionalLines ?? [];
        const total = computeDocumentTotals({
          ...snapshot,
          lines: snapshot.lines.map((line, index) => ({
            ...line,
            is_excluded: isExcluded({ kind: line.kind, isOptional: line.is_optional }, index, selected),
          })),
        }).total_incl_vat;
        const response =
          job.payload.response === 'accepted'
            ? {
                kind: 'accepted' as const,
                name: quote.acceptedName ?? '',
                acceptedAt: quote.acceptedAt ?? new Date(),
                totalInclVat: total,
              }
            : { kind: 'declined' as const, reason: quote.declinedReason ?? '' };
        return recipients.map((recipient) => ({
          to: recipient.email,
          ...renderResponseEmail({
            language: recipient.locale,
            recipientName: recipient.name,
            response,
            number: snapshot.number,
            customerName: snapshot.customer.name,
            url: `${kernel.config.publicBaseUrl}/quotes/${quote.id}`,
            operator: kernel.config.operator,
          }),
          headers: { 'X-Clientbox-Template': `quote_${job.payload.response}` },
        }));
      });
      for (const mail of mails) await kernel.mailer.send(mail);
      return { notified: mails.length };
    },
    { transaction: 'steps', retries: 2, timeoutSeconds: 300 },
  );
}

import { formatDecimal, parseUnitPrice } from '@clientbox/contracts';
import type { Kernel } from '../../../kernel/kernel.ts';
import { renderPriceNoticeEmail } from '../price-notice-email.ts';
import { findPriceChanges, findSubscription, markPriceChangesAnnounced } from '../subscriptions.repository.ts';

export const SEND_PRICE_NOTICE_JOB = 'subscriptions.send-price-notice';

export interface SendPriceNoticePayload {
  subscriptionId: string;
  priceChangeIds: string[];
  to: string;
  language: 'nl' | 'en';
  company: string;
  companyEmail: string | null;
  customerName: string | null;
}

const euro = (unitPrice: string) => formatDecimal(parseUnitPrice(unitPrice) / 100n, 2);

/**
 * E-mails the notice of a price change and records when it went out (`announced_at`). The
 * changes are read in a step of their own, so no transaction is open while the mail is sent.
 */
export function defineSendPriceNoticeJob(kernel: Pick<Kernel, 'jobs' | 'mailer' | 'config'>): void {
  kernel.jobs.define<SendPriceNoticePayload, { sent_to: string } | { skipped: string }>(
    SEND_PRICE_NOTICE_JOB,
    async (job) => {
      const { payload } = job;
      const content = await job.step(async (tx) => {
        const subscription = await findSubscription(tx, job.tenantId, payload.subscriptionId);
        const changes = await findPriceChanges(tx, job.tenantId, payload.priceChangeIds);
        if (!subscription || changes.length === 0) return null;
        return renderPriceNoticeEmail({
          language: payload.language,
          company: payload.company,
          customerName: payload.customerName,
          subscriptionName: subscription.name,
          appliesFrom: changes[0]!.appliesFrom,
          lines: changes.map((change) => ({
            description: change.description,
            before: euro(change.previousUnitPrice),
            after: euro(change.unitPrice),
          })),
          reason: changes[0]!.reason,
          operator: kernel.config.operator,
        });
      });
      if (!content) return { skipped: 'the subscription or its price change is gone' };
      await kernel.mailer.send({
        to: payload.to,
        ...content,
        fromName: payload.company,
        replyTo: payload.companyEmail ?? undefined,
        headers: { 'X-Clientbox-Template': 'subscription-price-notice' },
      });
      await job.step((tx) => markPriceChangesAnnounced(tx, job.tenantId, payload.priceChangeIds));
      return { sent_to: payload.to };
    },
    { transaction: 'steps', retries: 2, timeoutSeconds: 300 },
  );
}

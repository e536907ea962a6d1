import { divideHalfUp, formatAmount, parseAmount } from '@clientbox/contracts';
import type { OrderCancelledEvent } from '../../../kernel/orders/platform-billing-events.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { issueInvoiceFromLines, sendInvoice } from '../../invoices/index.ts';
import type { BillingDeps } from './billing-deps.ts';
import { ensurePlatformCustomer, PLATFORM_PAYMENT_TERM_DAYS } from './platform-customer.ts';

/** Art. 14: the compensation for an order cancelled before delivery: 10% of its price, excl. VAT. */
export function cancellationFee(periodTotal: string): bigint {
  return divideHalfUp(parseAmount(periodTotal) * 10n, 100n);
}

/** Invoices the art. 14 compensation for a cancelled order and e-mails it. */
export async function invoiceCancellationFee(ctx: TenantContext, event: OrderCancelledEvent, deps: BillingDeps) {
  const customerId = await ensurePlatformCustomer(ctx, event.customer);
  const fee = cancellationFee(event.order.period_total);
  if (fee === 0n) return;
  const issued = await issueInvoiceFromLines(
    ctx,
    {
      customer_id: customerId,
      lines: [
        {
          kind: 'item',
          product_id: null,
          product_code: null,
          description: `Annuleringsvergoeding bestelling (art. 14 algemene voorwaarden): 10% van € ${event.order.period_total}`,
          quantity: '1',
          unit_code: 'C62',
          unit_price: formatAmount(fee),
          vat_rate: '21',
          vat_category: 'S',
          discount_percent: null,
          discount_amount: null,
        },
      ],
      language: 'nl',
      discount_percent: null,
      buyer_reference: null,
      note: event.reason,
      source: { type: 'cancelled_order', id: event.order.id, number: null },
      payment_term_days: PLATFORM_PAYMENT_TERM_DAYS,
    },
    deps,
  );
  if (event.customer.email) await sendInvoice(ctx, issued.id, { cc: [] }, deps.jobs);
}

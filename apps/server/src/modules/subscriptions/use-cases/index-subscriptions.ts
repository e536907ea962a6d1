import {
  type CalendarDate,
  divideHalfUp,
  formatUnitPrice,
  type IndexSubscriptions,
  parseDecimal,
  parseUnitPrice,
} from '@clientbox/contracts';
import type { z } from 'zod';
import type { indexationResult } from '@clientbox/contracts';
import type { JobRunner } from '../../../kernel/jobs/job-runner.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { loadLineVersions, loadPriceChanges, runningSubscriptionRows } from '../subscriptions.repository.ts';
import { announcePriceChange } from './announce-price-change.ts';
import { subscriptionSettingsOf } from './subscription-settings.ts';
import { currentVersions, versionOf } from './subscription-parts.ts';

/** A price raised by a percentage (4 decimals), rounded half up to the unit price's 4 decimals. */
export function indexedPrice(unitPrice: string, percent: string): string {
  const units = parseUnitPrice(unitPrice);
  // In millionths: 1 + percent / 100, the percent having 4 decimals.
  const factor = 1_000_000n + parseDecimal(percent, 4);
  return formatUnitPrice(divideHalfUp(units * factor, 1_000_000n));
}

/**
 * Yearly indexation in one action: every item line of the chosen running subscriptions (default
 * all) gets its latest price (an announced one, else the current) raised by the percentage, announced like any price change (notice time,
 * e-mail to each customer). A subscription that ends before the new price could apply is skipped.
 */
export async function indexSubscriptions(
  ctx: TenantContext,
  input: IndexSubscriptions,
  today: CalendarDate,
  deps: { jobs: Pick<JobRunner, 'enqueue'> },
): Promise<z.infer<typeof indexationResult>> {
  const { priceNoticeMonths } = await subscriptionSettingsOf(ctx);
  const rows = await runningSubscriptionRows(ctx.tx, ctx.tenantId, today, input.subscription_ids);
  const ids = rows.map((row) => row.id);
  const versions = await loadLineVersions(ctx.tx, ctx.tenantId, ids);
  const prices = await loadPriceChanges(ctx.tx, ctx.tenantId, ids);
  const result: z.infer<typeof indexationResult> = {
    object: 'subscription_indexation',
    subscriptions: 0,
    price_changes: 0,
    skipped: [],
  };
  for (const row of rows) {
    if (row.endDate !== null && row.endDate < input.requested_from) {
      result.skipped.push({ subscription_id: row.id, reason: 'ends_before_new_price' });
      continue;
    }
    const own = versions.filter((version) => version.subscriptionId === row.id).map(versionOf);
    // The price to raise is the latest one known: an announced price if there is one.
    const announced = prices.filter((change) => change.subscriptionId === row.id);
    const lines = currentVersions(own, row, today)
      .filter((version) => version.fields.kind === 'item')
      .map((version) => {
        const latest = announced.filter((change) => change.lineKey === version.lineKey).at(-1)?.unitPrice;
        return {
          line_key: version.lineKey,
          unit_price: indexedPrice(latest ?? version.fields.unit_price, input.percent),
        };
      });
    if (lines.length === 0) continue;
    const changeIds = await announcePriceChange(
      ctx,
      row,
      { requested_from: input.requested_from, lines, ...(input.reason ? { reason: input.reason } : {}) },
      today,
      { jobs: deps.jobs, noticeMonths: priceNoticeMonths },
    );
    if (changeIds.length) {
      result.subscriptions += 1;
      result.price_changes += changeIds.length;
    }
  }
  return result;
}

import { daysBetween, formatAmount } from '@clientbox/contracts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { type BilledPeriod, type PeriodAdjustment, type ReconciledPeriod } from '../domain/adjustments.ts';
import type { LineVersion } from '../domain/period-lines.ts';
import {
  insertAdjustments,
  loadLineVersions,
  loadPeriods,
  loadPriceChanges,
  type SubscriptionRow,
  updatePeriodAmounts,
} from '../subscriptions.repository.ts';
import { announcedPriceOf, versionOf } from './subscription-parts.ts';

/** A subscription's line versions, announced prices and invoiced periods, read for a change. */
export async function loadBilledState(ctx: TenantContext, row: SubscriptionRow) {
  const versions = (await loadLineVersions(ctx.tx, ctx.tenantId, [row.id])).map(versionOf);
  const prices = (await loadPriceChanges(ctx.tx, ctx.tenantId, [row.id])).map(announcedPriceOf);
  const billed: BilledPeriod[] = (await loadPeriods(ctx.tx, ctx.tenantId, [row.id])).map((period) => ({
    id: period.id,
    start: period.periodStart,
    end: period.periodEnd,
    amounts: new Map(period.billedLines.map((line) => [line.line_key, BigInt(line.amount)])),
  }));
  return { versions, prices, billed };
}

/** The line's description for an adjustment: its newest version that knows the key. */
export function describeLine(versions: LineVersion[], lineKey: string): LineVersion | undefined {
  return versions.filter((version) => version.lineKey === lineKey).at(-1);
}

/**
 * Stores the differences a change made to invoiced periods (billed by the next run) and what
 * those periods now come to, so a later change counts from here.
 */
export async function saveAdjustments(
  ctx: TenantContext,
  row: SubscriptionRow,
  versions: LineVersion[],
  result: { adjustments: PeriodAdjustment[]; periods: ReconciledPeriod[] },
) {
  await insertAdjustments(
    ctx.tx,
    result.adjustments.map((adjustment) => {
      const line = describeLine(versions, adjustment.lineKey);
      return {
        tenantId: ctx.tenantId,
        subscriptionId: row.id,
        periodStart: adjustment.periodStart,
        periodEnd: adjustment.periodEnd,
        fromDate: adjustment.fromDate,
        untilDate: adjustment.untilDate,
        lineKey: adjustment.lineKey,
        description: line?.fields.description ?? row.name,
        amount: adjustment.amount,
        vatRate: line?.fields.vat_rate ?? null,
        vatCategory: line?.fields.vat_category ?? 'S',
      };
    }),
  );
  for (const period of result.periods)
    await updatePeriodAmounts(ctx.tx, ctx.tenantId, period.periodId, {
      amountExclVat: period.total,
      billedLines: [...period.amounts].map(([line_key, amount]) => ({ line_key, amount: amount.toString() })),
    });
}

export function adjustmentsForPreview(
  versions: LineVersion[],
  adjustments: PeriodAdjustment[],
  periodDays: (start: string) => number,
) {
  return adjustments.map((adjustment) => ({
    description: describeLine(versions, adjustment.lineKey)?.fields.description ?? '',
    period: { start: adjustment.fromDate, end: adjustment.untilDate },
    days: daysBetween(adjustment.fromDate, adjustment.untilDate) + 1,
    period_days: periodDays(adjustment.periodStart),
    amount_excl_vat: formatAmount(adjustment.amount),
  }));
}

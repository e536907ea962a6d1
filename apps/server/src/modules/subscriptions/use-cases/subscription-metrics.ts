import {
  addDays,
  addMonths,
  type CalendarDate,
  divideHalfUp,
  formatAmount,
  formatDecimal,
  type SubscriptionMetrics,
} from '@clientbox/contracts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import type { LineVersion } from '../domain/period-lines.ts';
import { allSubscriptionRows, loadLineVersions, type SubscriptionRow } from '../subscriptions.repository.ts';
import { monthlyCents, versionOf, versionsOn } from './subscription-parts.ts';

interface Reckoned {
  row: SubscriptionRow;
  versions: LineVersion[];
}

const runsOn = (row: SubscriptionRow, date: CalendarDate) =>
  row.startDate <= date && (row.endDate === null || row.endDate >= date);

/** MRR on a day: the monthly value of the lines running that day of every subscription running that day. */
function mrrOn(all: Reckoned[], date: CalendarDate): { mrr: bigint; active: number } {
  let mrr = 0n;
  let active = 0;
  for (const { row, versions } of all) {
    if (!runsOn(row, date)) continue;
    active += 1;
    mrr += monthlyCents(versionsOn(versions, date), row.intervalMonths);
  }
  return { mrr, active };
}

/**
 * MRR, ARR (12 × MRR), churn over the last 30 days (MRR of subscriptions that ended in them, as a
 * share of MRR 30 days ago) and the last 12 months: MRR at each month's end (today for this
 * month), MRR won by subscriptions that started and lost by those that ended in the month. All
 * from the line versions, so a past month shows the prices as they were.
 */
export async function subscriptionMetrics(ctx: TenantContext, today: CalendarDate): Promise<SubscriptionMetrics> {
  const rows = await allSubscriptionRows(ctx.tx, ctx.tenantId);
  const versions = await loadLineVersions(
    ctx.tx,
    ctx.tenantId,
    rows.map((row) => row.id),
  );
  const all: Reckoned[] = rows.map((row) => ({
    row,
    versions: versions.filter((version) => version.subscriptionId === row.id).map(versionOf),
  }));
  const now = mrrOn(all, today);
  const monthAgo = addDays(today, -30);
  const before = mrrOn(all, monthAgo).mrr;
  let lost = 0n;
  for (const { row, versions: own } of all)
    if (row.endDate !== null && row.endDate >= monthAgo && row.endDate < today)
      lost += monthlyCents(versionsOn(own, row.endDate), row.intervalMonths);
  const churn = before === 0n ? 0n : divideHalfUp(lost * 10_000n, before);

  const months: SubscriptionMetrics['months'] = [];
  const thisMonth = `${today.slice(0, 7)}-01`;
  for (let back = 11; back >= 0; back -= 1) {
    const first = addMonths(thisMonth, -back);
    const last = back === 0 ? today : addDays(addMonths(first, 1), -1);
    const atEnd = mrrOn(all, last);
    let won = 0n;
    let churned = 0n;
    for (const { row, versions: own } of all) {
      if (row.startDate >= first && row.startDate <= last)
        won += monthlyCents(versionsOn(own, row.startDate), row.intervalMonths);
      if (row.endDate !== null && row.endDate >= first && row.endDate <= last && row.endDate < today)
        churned += monthlyCents(versionsOn(own, row.endDate), row.intervalMonths);
    }
    months.push({
      month: first.slice(0, 7),
      mrr: formatAmount(atEnd.mrr),
      new_mrr: formatAmount(won),
      churned_mrr: formatAmount(churned),
      active: atEnd.active,
    });
  }
  return {
    object: 'subscription_metrics',
    date: today,
    mrr: formatAmount(now.mrr),
    arr: formatAmount(now.mrr * 12n),
    active_subscriptions: now.active,
    churn_percent_30d: formatDecimal(churn, 2),
    months,
  };
}

import {
  addDays,
  type CalendarDate,
  type ChangeSubscription,
  formatAmount,
  type Subscription,
  type SubscriptionChangePreview,
} from '@clientbox/contracts';
import { randomUUID } from 'node:crypto';
import { recordAuditEvent } from '../../../kernel/audit/audit-log.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { resolveDocumentLines } from '../../invoices/index.ts';
import { reconcileBilledPeriods } from '../domain/adjustments.ts';
import { gridPeriodContaining } from '../domain/billing-periods.ts';
import type { LineVersion } from '../domain/period-lines.ts';
import { changeDateTooEarly, lineNotFound, subscriptionEnded, subscriptionNotFound } from '../subscriptions.errors.ts';
import {
  endLineVersionsFrom,
  findSubscription,
  insertLineVersions,
  type SubscriptionRow,
  updateSubscriptionRow,
} from '../subscriptions.repository.ts';
import { adjustmentsForPreview, loadBilledState, saveAdjustments } from './billed-state.ts';
import {
  fieldsOfResolved,
  lineRowOf,
  monthlyCents,
  presentSubscription,
  scheduleOf,
  versionsOn,
} from './subscription-parts.ts';

/**
 * The earliest day a change may apply: the start of the period running today (a change reaches
 * back at most into the current period), and never before the subscription starts.
 */
export function earliestChangeDate(row: SubscriptionRow, today: CalendarDate): CalendarDate {
  if (today <= row.startDate) return row.startDate;
  const running = gridPeriodContaining(scheduleOf(row), today).start;
  return running > row.startDate ? running : row.startDate;
}

async function plannedChange(ctx: TenantContext, row: SubscriptionRow, input: ChangeSubscription, today: CalendarDate) {
  const effective = input.effective_date;
  if (row.endDate !== null && (row.endDate < today || effective > row.endDate)) throw subscriptionEnded();
  const earliest = earliestChangeDate(row, today);
  if (effective < earliest) throw changeDateTooEarly(earliest);
  const state = await loadBilledState(ctx, row);
  const knownKeys = new Set(state.versions.map((version) => version.lineKey));
  input.lines.forEach((line, index) => {
    if (line.line_key && !knownKeys.has(line.line_key)) throw lineNotFound(index);
  });
  const resolved = await resolveDocumentLines(ctx, input.lines, effective);
  const added: LineVersion[] = resolved.map((line, position) => ({
    lineKey: input.lines[position]!.line_key ?? randomUUID(),
    position,
    validFrom: effective,
    validUntil: null,
    fields: fieldsOfResolved(line),
  }));
  const kept = state.versions
    .filter((version) => version.validFrom < effective)
    .map((version) =>
      version.validUntil === null || version.validUntil >= effective
        ? { ...version, validUntil: addDays(effective, -1) }
        : version,
    );
  const versions = [...kept, ...added];
  const schedule = scheduleOf(row);
  const result = reconcileBilledPeriods(schedule, state.billed, versions, state.prices, effective);
  return { state, versions, added, result, schedule };
}

/** What a change would cost or credit for days already invoiced, without saving anything. */
export async function previewSubscriptionChange(
  ctx: TenantContext,
  id: string,
  input: ChangeSubscription,
  today: CalendarDate,
): Promise<SubscriptionChangePreview> {
  const row = await findSubscription(ctx.tx, ctx.tenantId, id);
  if (!row) throw subscriptionNotFound();
  const { state, versions, result, schedule } = await plannedChange(ctx, row, input, today);
  const net = result.adjustments.reduce((sum, adjustment) => sum + adjustment.amount, 0n);
  return {
    object: 'subscription_change_preview',
    effective_date: input.effective_date,
    adjustments: adjustmentsForPreview(
      versions,
      result.adjustments,
      (start) => gridPeriodContaining(schedule, start).days,
    ),
    net_amount_excl_vat: formatAmount(net),
    monthly_amount_before: formatAmount(
      monthlyCents(versionsOn(state.versions, input.effective_date), row.intervalMonths),
    ),
    monthly_amount_after: formatAmount(monthlyCents(versionsOn(versions, input.effective_date), row.intervalMonths)),
  };
}

/**
 * Applies a change of lines from its effective date: the running versions end the day before,
 * the new ones start; periods already invoiced get their difference as adjustments, which the
 * next billing run invoices (more) or credits (less).
 */
export async function changeSubscription(
  ctx: TenantContext,
  id: string,
  input: ChangeSubscription,
  today: CalendarDate,
): Promise<Subscription> {
  const row = await findSubscription(ctx.tx, ctx.tenantId, id, true);
  if (!row) throw subscriptionNotFound();
  const { versions, added, result } = await plannedChange(ctx, row, input, today);
  await endLineVersionsFrom(ctx.tx, ctx.tenantId, row.id, input.effective_date);
  await insertLineVersions(
    ctx.tx,
    added.map((version) => lineRowOf(ctx.tenantId, row.id, version)),
  );
  await saveAdjustments(ctx, row, versions, result);
  const updated = await updateSubscriptionRow(ctx.tx, ctx.tenantId, row.id, {});
  await recordAuditEvent(ctx, {
    action: 'subscription.changed',
    targetType: 'subscription',
    targetId: row.id,
    details: {
      effective_date: input.effective_date,
      adjustments: result.adjustments.map((adjustment) => formatAmount(adjustment.amount)),
    },
  });
  return presentSubscription(ctx, updated!, today);
}

import { addMonths, type CalendarDate, type CreatePriceChange, type Subscription } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../kernel/audit/audit-log.ts';
import type { JobRunner } from '../../../kernel/jobs/job-runner.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { getCompany } from '../../company/index.ts';
import { getCustomerForDocument } from '../../crm/index.ts';
import { firstPeriodStartOnOrAfter } from '../domain/billing-periods.ts';
import { SEND_PRICE_NOTICE_JOB, type SendPriceNoticePayload } from '../jobs/send-price-notice.job.ts';
import { lineNotFound, priceChangeTooSoon, subscriptionEnded, subscriptionNotFound } from '../subscriptions.errors.ts';
import {
  findSubscription,
  insertPriceChanges,
  loadLineVersions,
  loadPriceChanges,
  type SubscriptionRow,
  updateSubscriptionRow,
} from '../subscriptions.repository.ts';
import { subscriptionSettingsOf } from './subscription-settings.ts';
import { currentVersions, customerIdOf, presentSubscription, scheduleOf, versionOf } from './subscription-parts.ts';

/**
 * Announces new prices for lines of a subscription: the first day they may apply is the notice
 * time (the tenant's setting; one month for the operator's tenants, art. 11) after today, and
 * they take over from the first period that starts on or after the requested day and has not been
 * invoiced yet — an invoiced period is never re-priced. The customer is e-mailed at once.
 * Returns the ids of the new price changes (empty when nothing changes).
 */
export async function announcePriceChange(
  ctx: TenantContext,
  row: SubscriptionRow,
  input: CreatePriceChange,
  today: CalendarDate,
  deps: { jobs: Pick<JobRunner, 'enqueue'>; noticeMonths: number },
): Promise<string[]> {
  if (row.endDate !== null && row.endDate < input.requested_from) throw subscriptionEnded();
  const earliest = addMonths(today, deps.noticeMonths);
  if (input.requested_from < earliest) throw priceChangeTooSoon(earliest);
  const versions = (await loadLineVersions(ctx.tx, ctx.tenantId, [row.id])).map(versionOf);
  const announced = await loadPriceChanges(ctx.tx, ctx.tenantId, [row.id]);
  const current = currentVersions(versions, row, today);
  const schedule = scheduleOf(row);
  const onGrid = firstPeriodStartOnOrAfter(schedule, input.requested_from);
  const appliesFrom = onGrid > row.nextPeriodStart ? onGrid : firstPeriodStartOnOrAfter(schedule, row.nextPeriodStart);
  const rows = input.lines.map((line, index) => {
    const version = current.find((candidate) => candidate.lineKey === line.line_key);
    if (!version || version.fields.kind !== 'item') throw lineNotFound(index);
    const before = announced.filter((change) => change.lineKey === line.line_key).at(-1)?.unitPrice;
    return {
      tenantId: ctx.tenantId,
      subscriptionId: row.id,
      lineKey: line.line_key,
      description: version.fields.description,
      unitPrice: line.unit_price,
      previousUnitPrice: before ?? version.fields.unit_price,
      requestedFrom: input.requested_from,
      appliesFrom,
      reason: input.reason ?? null,
    };
  });
  const changes = rows.filter((change) => change.unitPrice !== change.previousUnitPrice);
  const inserted = await insertPriceChanges(ctx.tx, changes);
  if (inserted.length === 0) return [];
  await notifyCustomer(
    ctx,
    row,
    inserted.map((change) => change.id),
    deps.jobs,
  );
  await recordAuditEvent(ctx, {
    action: 'subscription.price_change_announced',
    targetType: 'subscription',
    targetId: row.id,
    details: {
      applies_from: appliesFrom,
      lines: inserted.map((change) => `${change.description}: ${change.unitPrice}`),
    },
  });
  return inserted.map((change) => change.id);
}

/** The route's use case: one subscription, with the tenant's notice time, answered with its new state. */
export async function announceSubscriptionPriceChange(
  ctx: TenantContext,
  id: string,
  input: CreatePriceChange,
  today: CalendarDate,
  deps: { jobs: Pick<JobRunner, 'enqueue'> },
): Promise<Subscription> {
  const row = await findSubscription(ctx.tx, ctx.tenantId, id, true);
  if (!row) throw subscriptionNotFound();
  const { priceNoticeMonths } = await subscriptionSettingsOf(ctx);
  await announcePriceChange(ctx, row, input, today, { jobs: deps.jobs, noticeMonths: priceNoticeMonths });
  const updated = await updateSubscriptionRow(ctx.tx, ctx.tenantId, row.id, {});
  return presentSubscription(ctx, updated!, today);
}

async function notifyCustomer(
  ctx: TenantContext,
  row: SubscriptionRow,
  priceChangeIds: string[],
  jobs: Pick<JobRunner, 'enqueue'>,
) {
  const customerId = customerIdOf(row);
  const customer = customerId ? await getCustomerForDocument(ctx, customerId) : null;
  // Without an address the notice cannot go out: `announced_at` stays empty and the screens say so.
  if (!customer?.email) return;
  const company = await getCompany(ctx);
  const payload: SendPriceNoticePayload = {
    subscriptionId: row.id,
    priceChangeIds,
    to: customer.email,
    language: customer.language,
    company: company.trading_name ?? company.legal_name,
    companyEmail: company.email,
    customerName: customer.kind === 'person' ? customer.name : null,
  };
  await jobs.enqueue(ctx, SEND_PRICE_NOTICE_JOB, payload);
}

import { type BillingRunInvoice, type CalendarDate, formatAmount } from '@clientbox/contracts';
import { addDays } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../kernel/audit/audit-log.ts';
import type { JobRunner } from '../../../kernel/jobs/job-runner.ts';
import type { FileStorage } from '../../../kernel/storage/index.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { type CustomerForDocument, getCustomerForDocument } from '../../crm/index.ts';
import { issueInvoiceFromLines, type DocumentLineFields, sendInvoice } from '../../invoices/index.ts';
import { subscriptionMandate } from '../../receivables/index.ts';
import { type BillingRange, dueRanges, nextInvoiceDate } from '../domain/billing-periods.ts';
import { adjustmentLine, invoiceLinesOfRange, subscriptionHeading } from '../domain/invoice-lines.ts';
import { amountsPerLine, linesOfRange } from '../domain/period-lines.ts';
import {
  type AdjustmentRow,
  insertPeriod,
  loadLineVersions,
  loadPeriods,
  loadPriceChanges,
  lockSubscriptions,
  markAdjustmentsBilled,
  pendingAdjustments,
  setPeriodInvoice,
  type SubscriptionRow,
  updateSubscriptionRow,
} from '../subscriptions.repository.ts';
import { announcedPriceOf, customerIdOf, scheduleOf, versionOf } from './subscription-parts.ts';

export interface BillingDeps {
  storage: FileStorage;
  jobs: Pick<JobRunner, 'enqueue'>;
}

interface BilledRange {
  subscription: SubscriptionRow;
  range: BillingRange;
  lines: DocumentLineFields[];
  amounts: Map<string, bigint>;
  total: bigint;
}

/**
 * Bills one group — a customer's subscriptions that go on one invoice, or one subscription — for
 * everything due by `today`, in the caller's transaction: the periods are recorded, the invoice
 * is made, issued (its number taken) and queued for sending, and the cursors move on, all or
 * nothing. The rows are locked and read afresh first, so a second run (or process) that reaches
 * the same group waits and then finds nothing left to bill. A dry run only reads and reports.
 */
export async function billSubscriptionGroup(
  ctx: TenantContext,
  ids: string[],
  today: CalendarDate,
  deps: BillingDeps,
  options: { dryRun: boolean },
): Promise<BillingRunInvoice[]> {
  const rows = await lockSubscriptions(ctx.tx, ctx.tenantId, ids, !options.dryRun);
  if (rows.length === 0) return [];
  const customerId = customerIdOf(rows[0]!);
  const customer = customerId ? await getCustomerForDocument(ctx, customerId) : null;
  // A customer removed from the CRM cannot be invoiced: the subscription waits (and shows as due).
  if (!customer) return [];
  const subscriptionIds = rows.map((row) => row.id);
  const versions = (await loadLineVersions(ctx.tx, ctx.tenantId, subscriptionIds)).map((row) => ({
    subscriptionId: row.subscriptionId,
    version: versionOf(row),
  }));
  const prices = await loadPriceChanges(ctx.tx, ctx.tenantId, subscriptionIds);
  const adjustments = await pendingAdjustments(ctx.tx, ctx.tenantId, subscriptionIds);
  const language = customer.language;

  const billed: BilledRange[] = [];
  for (const subscription of rows) {
    const ownVersions = versions.filter((v) => v.subscriptionId === subscription.id).map((v) => v.version);
    const ownPrices = prices.filter((p) => p.subscriptionId === subscription.id).map(announcedPriceOf);
    for (const range of dueRanges(scheduleOf(subscription), subscription.nextPeriodStart, today)) {
      const periodLines = linesOfRange(range, ownVersions, ownPrices);
      const amounts = amountsPerLine(periodLines);
      const total = [...amounts.values()].reduce((sum, amount) => sum + amount, 0n);
      billed.push({ subscription, range, lines: invoiceLinesOfRange(periodLines, range, language), amounts, total });
    }
  }
  const charges = adjustments.filter((adjustment) => adjustment.amount > 0n);
  const credits = adjustments.filter((adjustment) => adjustment.amount < 0n);
  const invoiceLines = linesOfInvoice(rows, billed, charges, language);
  const invoiceTotal = billed.reduce((sum, item) => sum + item.total, 0n) + sumOf(charges);
  const first = rows[0]!;

  const results: BillingRunInvoice[] = [];
  const report = (
    kind: 'invoice' | 'credit_note',
    total: bigint,
    invoice: { id: string; number: string | null } | null,
  ) =>
    results.push({
      customer_id: customer.id,
      customer_name: customer.name,
      invoice_date: today,
      subscription_ids: [...new Set(billed.map((item) => item.subscription.id))],
      periods: billed.map((item) => ({
        subscription_id: item.subscription.id,
        start: item.range.start,
        end: item.range.end,
      })),
      kind,
      total_excl_vat: formatAmount(total),
      payment_method: first.paymentMethod,
      invoice_id: invoice?.id ?? null,
      invoice_number: invoice?.number ?? null,
    });

  if (options.dryRun) {
    if (billed.length || charges.length) report('invoice', invoiceTotal, null);
    for (const group of creditsByInvoice(credits)) report('credit_note', -sumOf(group.adjustments), null);
    return results;
  }

  let invoiceId: string | null = null;
  if (invoiceLines.some((line) => line.kind === 'item')) {
    const mandateReference = await usableMandateReference(ctx, first);
    const periods = billed.map((item) => item.range);
    const issued = await issueInvoiceFromLines(
      ctx,
      {
        customer_id: customer.id,
        lines: invoiceLines,
        language,
        discount_percent: null,
        buyer_reference: first.buyerReference,
        note: first.invoiceNote,
        source: { type: 'subscription', id: first.id, number: null },
        issue_date: today,
        ...(periods.length ? { period: spanOf(periods) } : {}),
        payment_term_days: first.paymentTermDays,
        ...(mandateReference ? { mandate_reference: mandateReference } : {}),
      },
      deps,
      customer,
    );
    invoiceId = issued.id;
    await sendWhenPossible(ctx, issued.id, customer, deps);
    report('invoice', invoiceTotal, { id: issued.id, number: issued.number });
  }
  await recordPeriods(ctx, billed, today, invoiceId);
  await markAdjustmentsBilled(
    ctx.tx,
    ctx.tenantId,
    charges.map((charge) => charge.id),
    invoiceId,
  );
  for (const group of creditsByInvoice(credits)) {
    const credited = await issueCreditNote(ctx, customer, group, deps);
    report('credit_note', -sumOf(group.adjustments), credited);
  }
  return results;
}

function linesOfInvoice(
  rows: SubscriptionRow[],
  billed: BilledRange[],
  charges: AdjustmentRow[],
  language: 'nl' | 'en',
): DocumentLineFields[] {
  const lines: DocumentLineFields[] = [];
  const several = rows.length > 1;
  for (const subscription of rows) {
    const own = billed.filter((item) => item.subscription.id === subscription.id);
    const ownCharges = charges.filter((charge) => charge.subscriptionId === subscription.id);
    if (own.length === 0 && ownCharges.length === 0) continue;
    if (several) lines.push(subscriptionHeading(subscription.name));
    for (const item of own) lines.push(...item.lines);
    for (const charge of ownCharges) lines.push(adjustmentLine(charge, language));
  }
  return lines;
}

const sumOf = (adjustments: AdjustmentRow[]) => adjustments.reduce((sum, adjustment) => sum + adjustment.amount, 0n);

function spanOf(ranges: BillingRange[]) {
  const start = ranges.map((range) => range.start).sort()[0]!;
  const end = ranges.map((range) => range.end).sort()[ranges.length - 1]!;
  return { start, end };
}

/** The periods as billed and the cursors moved past them, in the invoice's transaction. */
async function recordPeriods(ctx: TenantContext, billed: BilledRange[], today: CalendarDate, invoiceId: string | null) {
  const periodIds: string[] = [];
  const lastEnd = new Map<string, CalendarDate>();
  for (const item of billed) {
    const period = await insertPeriod(ctx.tx, {
      tenantId: ctx.tenantId,
      subscriptionId: item.subscription.id,
      periodStart: item.range.start,
      periodEnd: item.range.end,
      invoiceDate: today,
      amountExclVat: item.total,
      billedLines: [...item.amounts].map(([line_key, amount]) => ({ line_key, amount: amount.toString() })),
    });
    // The unique key refuses a period billed before: the cursor and this key never disagree,
    // and if they did, the period is not billed a second time.
    if (!period) throw new Error(`period ${item.range.start} of subscription ${item.subscription.id} billed twice`);
    periodIds.push(period.id);
    lastEnd.set(item.subscription.id, item.range.end);
  }
  if (invoiceId) await setPeriodInvoice(ctx.tx, ctx.tenantId, periodIds, invoiceId);
  for (const [subscriptionId, end] of lastEnd) {
    const subscription = billed.find((item) => item.subscription.id === subscriptionId)!.subscription;
    const cursor = addDays(end, 1);
    await updateSubscriptionRow(ctx.tx, ctx.tenantId, subscriptionId, {
      nextPeriodStart: cursor,
      nextInvoiceOn: nextInvoiceDate(scheduleOf(subscription), cursor),
    });
  }
  for (const subscriptionId of lastEnd.keys())
    await recordAuditEvent(ctx, {
      action: 'subscription.billed',
      targetType: 'subscription',
      targetId: subscriptionId,
      details: {
        invoice_id: invoiceId,
        periods: billed
          .filter((item) => item.subscription.id === subscriptionId)
          .map((item) => `${item.range.start}/${item.range.end}`),
      },
    });
}

/**
 * The mandate reference to collect under, or null to be paid by transfer: a mandate not signed
 * yet, revoked or expired by the invoice day does not stop the billing — the invoice asks for a
 * transfer instead, and the next one collects again once the mandate is usable.
 */
async function usableMandateReference(ctx: TenantContext, subscription: SubscriptionRow): Promise<string | null> {
  if (subscription.paymentMethod !== 'direct_debit' || !subscription.mandateId) return null;
  const mandate = await subscriptionMandate(ctx, subscription.mandateId);
  return mandate?.usable ? mandate.reference : null;
}

/** Queued with the invoice; a customer without an e-mail address gets the invoice some other way. */
async function sendWhenPossible(
  ctx: TenantContext,
  invoiceId: string,
  customer: CustomerForDocument,
  deps: BillingDeps,
) {
  // The address is the CRM's, as `sendInvoice` would look it up: given here, it is not read again.
  if (!customer.email) return;
  await sendInvoice(ctx, invoiceId, { to: customer.email, cc: [] }, deps.jobs);
}

function creditsByInvoice(credits: AdjustmentRow[]) {
  const groups = new Map<string, AdjustmentRow[]>();
  for (const credit of credits) {
    const key = credit.subscriptionId + '|' + credit.periodStart;
    groups.set(key, [...(groups.get(key) ?? []), credit]);
  }
  return [...groups.values()].map((adjustments) => ({ adjustments }));
}

/** A credit note for days already invoiced that are no longer owed (a smaller change, an ending with credit). */
async function issueCreditNote(
  ctx: TenantContext,
  customer: CustomerForDocument,
  group: { adjustments: AdjustmentRow[] },
  deps: BillingDeps,
) {
  const first = group.adjustments[0]!;
  const [period] = (await loadPeriods(ctx.tx, ctx.tenantId, [first.subscriptionId])).filter(
    (row) => row.periodStart === first.periodStart,
  );
  if (!period?.invoiceId) {
    // Nothing was invoiced for that period (it came to nothing): there is nothing to credit.
    await markAdjustmentsBilled(
      ctx.tx,
      ctx.tenantId,
      group.adjustments.map((a) => a.id),
      null,
    );
    return null;
  }
  const issued = await issueInvoiceFromLines(
    ctx,
    {
      customer_id: customer.id,
      lines: group.adjustments.map((adjustment) => adjustmentLine(adjustment, customer.language)),
      language: customer.language,
      discount_percent: null,
      buyer_reference: null,
      note: null,
      source: { type: 'subscription', id: first.subscriptionId, number: null },
      credited_invoice_id: period.invoiceId,
      period: { start: first.periodStart, end: first.periodEnd },
    },
    deps,
    customer,
  );
  await markAdjustmentsBilled(
    ctx.tx,
    ctx.tenantId,
    group.adjustments.map((a) => a.id),
    issued.id,
  );
  await sendWhenPossible(ctx, issued.id, customer, deps);
  return { id: issued.id, number: issued.number };
}

import {
  type BillingRunInvoice,
  type BillingRunPreview,
  type CalendarDate,
  formatAmount,
  parseAmount,
} from '@clientbox/contracts';
import type { Tx } from '../../../kernel/db/database.ts';
import { SYSTEM_ACTOR, type TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { dueSubscriptions } from '../subscriptions.repository.ts';
import { type BillingDeps, billSubscriptionGroup } from './bill-subscription-group.ts';

/** The work of a run: the due subscriptions, grouped as their invoices will be. */
export async function dueGroups(ctx: Pick<TenantContext, 'tenantId' | 'tx'>, today: CalendarDate): Promise<string[][]> {
  const groups = new Map<string, string[]>();
  for (const due of await dueSubscriptions(ctx.tx, ctx.tenantId, today))
    groups.set(due.groupKey, [...(groups.get(due.groupKey) ?? []), due.id]);
  return [...groups.values()];
}

/** What a run on `today` would invoice, computed exactly as the run does but without writing anything. */
export async function previewBilling(
  ctx: TenantContext,
  today: CalendarDate,
  deps: BillingDeps,
): Promise<BillingRunPreview> {
  const invoices: BillingRunInvoice[] = [];
  for (const ids of await dueGroups(ctx, today))
    invoices.push(...(await billSubscriptionGroup(ctx, ids, today, deps, { dryRun: true })));
  const total = invoices.reduce(
    (sum, invoice) => sum + (invoice.kind === 'invoice' ? 1n : -1n) * parseAmount(invoice.total_excl_vat),
    0n,
  );
  return { object: 'billing_run_preview', date: today, invoices, total_excl_vat: formatAmount(total) };
}

export interface BillingRunResult {
  date: CalendarDate;
  invoices: number;
  credit_notes: number;
  failed: { subscription_ids: string[]; error: string }[];
}

/**
 * A billing run: each group is billed in a transaction of its own (`step`), so a run killed
 * half-way keeps what it finished and the next run bills the rest — the cursors say what is
 * done. A group that fails (an incomplete company profile, say) is reported and the others go on.
 */
export async function runBilling(
  tenantId: string,
  today: CalendarDate,
  step: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>,
  deps: BillingDeps,
  progress: (done: number, total: number) => Promise<void> = async () => {},
): Promise<BillingRunResult> {
  const contextOf = (tx: Tx): TenantContext => ({
    tenantId,
    actor: SYSTEM_ACTOR,
    role: 'owner',
    locale: 'nl',
    meta: { requestId: null, ip: null, userAgent: null },
    tx,
  });
  const groups = await step((tx) => dueGroups(contextOf(tx), today));
  const result: BillingRunResult = { date: today, invoices: 0, credit_notes: 0, failed: [] };
  for (const [index, ids] of groups.entries()) {
    try {
      const made = await step((tx) => billSubscriptionGroup(contextOf(tx), ids, today, deps, { dryRun: false }));
      result.invoices += made.filter((invoice) => invoice.kind === 'invoice').length;
      result.credit_notes += made.filter((invoice) => invoice.kind === 'credit_note').length;
    } catch (error) {
      result.failed.push({ subscription_ids: ids, error: errorCodeOf(error) });
    }
    if ((index + 1) % 50 === 0 || index + 1 === groups.length) await progress(index + 1, groups.length);
  }
  return result;
}

function errorCodeOf(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}

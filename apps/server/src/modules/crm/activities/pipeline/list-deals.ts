import { type Deal, type dealQuery, type DealSummary, formatAmount } from '@clientbox/contracts';
import type { z } from 'zod';
import { AppError } from '../../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { monthsUpTo } from '../shared/amsterdam-time.ts';
import { findOrCreateStageRows } from './deal-stages.repository.ts';
import { findDealView, listDealViews, monthlyClosedTotals } from './deals.repository.ts';
import { toDealDto } from './pipeline.dto.ts';

export async function listDeals(
  ctx: TenantContext,
  query: z.output<typeof dealQuery>,
): Promise<{ data: Deal[]; hasMore: boolean }> {
  const { rows, hasMore } = await listDealViews(
    ctx.tx,
    ctx.tenantId,
    {
      stageId: query.stage_id,
      organizationId: query.organization_id,
      personId: query.person_id,
      outcome: query.status,
      closedSince: query.closed_since,
    },
    { limit: query.limit, startingAfter: query.starting_after },
  );
  return { data: rows.map(toDealDto), hasMore };
}

export async function getDeal(ctx: TenantContext, id: string): Promise<Deal> {
  const view = await findDealView(ctx.tx, ctx.tenantId, id);
  if (!view) throw new AppError('deal_not_found');
  return toDealDto(view);
}

/** Won and lost totals per month for the chart: every month of the period, also the empty ones. */
export async function summarizeDeals(ctx: TenantContext, monthCount: number): Promise<DealSummary> {
  await findOrCreateStageRows(ctx.tx, ctx.tenantId);
  const months = monthsUpTo(new Date(), monthCount);
  const totals = await monthlyClosedTotals(ctx.tx, ctx.tenantId, months[0]!);
  const total = (month: string, outcome: 'won' | 'lost') => {
    const found = totals.find((entry) => entry.month === month && entry.outcome === outcome);
    return { count: found?.count ?? 0, value: formatAmount(found?.cents ?? 0n) };
  };
  return {
    object: 'deal_summary',
    currency: 'EUR',
    months: months.map((month) => ({ month, won: total(month, 'won'), lost: total(month, 'lost') })),
  };
}

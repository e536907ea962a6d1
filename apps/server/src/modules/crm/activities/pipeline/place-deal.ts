import type { DealOutcome } from '@clientbox/contracts';
import { AppError } from '../../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import type { StageRow } from './deal-stages.repository.ts';
import { columnDealIds, type DealChanges, type DealRow, renumberColumn } from './deals.repository.ts';
import { applyStage, type DealClosing, placeAt } from './pipeline-rules.ts';

/** The closing fields for a deal in a stage of `target` outcome; a lost deal without a reason is a 400. */
export function closingOrThrow(
  current: (DealClosing & { outcome: DealOutcome }) | null,
  target: DealOutcome,
  lostReason: string | null | undefined,
  now: Date,
) {
  const result = applyStage(current, target, lostReason, now);
  if ('error' in result)
    throw new AppError('validation_failed', {
      fields: [{ field: 'lost_reason', code: 'required', message: 'a lost deal needs a reason' }],
    });
  return result;
}

/**
 * Puts a deal at `index` in the column of `target` (past the end: last), closing or reopening
 * it as the stage's outcome says. Returns the deal's own changes; the other cards of the column
 * are renumbered here.
 */
export async function placeDeal(
  ctx: TenantContext,
  deal: DealRow,
  from: StageRow,
  target: StageRow,
  index: number,
  lostReason: string | null | undefined,
): Promise<DealChanges> {
  const closing = closingOrThrow(
    { outcome: from.outcome, closedAt: deal.closedAt, lostReason: deal.lostReason },
    target.outcome,
    lostReason,
    new Date(),
  );
  const column = (await columnDealIds(ctx.tx, ctx.tenantId, target.id)).filter((card) => card.id !== deal.id);
  const order = placeAt(
    column.map((card) => card.id),
    deal.id,
    index,
  );
  await renumberColumn(ctx.tx, ctx.tenantId, column, order);
  return {
    stageId: target.id,
    position: order.indexOf(deal.id),
    closedAt: closing.closedAt,
    lostReason: closing.lostReason,
    ...(closing.isProbabilityReset ? { probability: null } : {}),
  };
}

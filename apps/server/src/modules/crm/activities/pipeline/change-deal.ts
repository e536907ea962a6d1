import { type Deal, type MoveDeal, parseAmount, type UpdateDeal } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../../kernel/audit/audit-log.ts';
import { AppError } from '../../../../kernel/errors/app-error.ts';
import { hasRole, type TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { assertVersion } from '../shared/if-match.ts';
import { assertRelationsExist } from '../shared/relation-references.ts';
import { actingUserId } from '../shared/tenant-members.ts';
import { findStageRow } from './deal-stages.repository.ts';
import { type DealChanges, type DealView, deleteDealRow, findDealView, updateDealRow } from './deals.repository.ts';
import { closingOrThrow, placeDeal } from './place-deal.ts';
import { toDealDto } from './pipeline.dto.ts';

async function loadDeal(ctx: TenantContext, id: string, expectedVersion: number | null): Promise<DealView> {
  const view = await findDealView(ctx.tx, ctx.tenantId, id);
  if (!view) throw new AppError('deal_not_found');
  assertVersion(expectedVersion, view.deal.version);
  return view;
}

async function loadStage(ctx: TenantContext, id: string) {
  const stage = await findStageRow(ctx.tx, ctx.tenantId, id);
  if (!stage) throw new AppError('deal_stage_not_found');
  return stage;
}

async function save(ctx: TenantContext, view: DealView, changes: DealChanges, action: string, details = {}) {
  const changed = (Object.keys(changes) as (keyof DealChanges)[]).filter((key) => {
    const value = changes[key];
    const stored = view.deal[key];
    return value instanceof Date && stored instanceof Date ? value.getTime() !== stored.getTime() : value !== stored;
  });
  if (changed.length > 0) {
    await updateDealRow(ctx.tx, ctx.tenantId, view.deal.id, changes, view.deal.version);
    await recordAuditEvent(ctx, {
      action,
      targetType: 'deal',
      targetId: view.deal.id,
      details: { fields: changed, ...details },
    });
  }
  return toDealDto((await findDealView(ctx.tx, ctx.tenantId, view.deal.id))!);
}

/** Changes the deal's fields; a new stage puts it at the bottom of that column (the board moves with `moveDeal`). */
export async function updateDeal(
  ctx: TenantContext,
  id: string,
  input: UpdateDeal,
  expectedVersion: number | null,
): Promise<Deal> {
  const view = await loadDeal(ctx, id, expectedVersion);
  const changes: DealChanges = {};
  if (input.title !== undefined) changes.title = input.title;
  if (input.organization_id !== undefined) changes.organizationId = input.organization_id;
  if (input.person_id !== undefined) changes.personId = input.person_id;
  if (input.value !== undefined) changes.valueCents = parseAmount(input.value);
  if (input.currency !== undefined) changes.currency = input.currency;
  if (input.expected_close_on !== undefined) changes.expectedCloseOn = input.expected_close_on;
  if (input.probability !== undefined)
    changes.probability = input.probability === null ? null : Number(input.probability);
  await assertRelationsExist(ctx.tx, ctx.tenantId, {
    organizationId: changes.organizationId,
    personId: changes.personId,
  });
  if (input.stage_id !== undefined && input.stage_id !== view.deal.stageId) {
    const target = await loadStage(ctx, input.stage_id);
    Object.assign(
      changes,
      await placeDeal(ctx, view.deal, view.stage, target, Number.MAX_SAFE_INTEGER, input.lost_reason),
    );
  } else if (input.lost_reason !== undefined) {
    const { deal, stage } = view;
    const current = { outcome: stage.outcome, closedAt: deal.closedAt, lostReason: deal.lostReason };
    changes.lostReason = closingOrThrow(current, stage.outcome, input.lost_reason, new Date()).lostReason;
  }
  return save(ctx, view, changes, 'crm.deal_updated');
}

/** The board: into a stage's column at a place; closes the deal in a won or lost stage, reopens it elsewhere. */
export async function moveDeal(
  ctx: TenantContext,
  id: string,
  input: MoveDeal,
  expectedVersion: number | null,
): Promise<Deal> {
  const view = await loadDeal(ctx, id, expectedVersion);
  const target = await loadStage(ctx, input.stage_id);
  const changes = await placeDeal(ctx, view.deal, view.stage, target, input.position, input.lost_reason);
  return save(ctx, view, changes, 'crm.deal_moved', { from_stage_id: view.stage.id, to_stage_id: target.id });
}

/** Its owner or an admin. */
export async function deleteDeal(ctx: TenantContext, id: string, expectedVersion: number | null): Promise<void> {
  const { deal } = await loadDeal(ctx, id, expectedVersion);
  const userId = actingUserId(ctx.actor);
  if (!(userId !== null && deal.ownerUserId === userId) && !hasRole(ctx.role, 'admin'))
    throw new AppError('forbidden', { detail: 'Only the owner of the deal or an admin deletes it.' });
  await deleteDealRow(ctx.tx, ctx.tenantId, id);
  await recordAuditEvent(ctx, {
    action: 'crm.deal_deleted',
    targetType: 'deal',
    targetId: id,
    details: { title: deal.title },
  });
}

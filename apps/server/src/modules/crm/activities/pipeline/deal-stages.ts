import type { createDealStage as createDealStageSchema, DealStage, UpdateDealStage } from '@clientbox/contracts';
import type { z } from 'zod';
import { recordAuditEvent } from '../../../../kernel/audit/audit-log.ts';
import { AppError } from '../../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import {
  countDealsPerStage,
  deleteStageRow,
  findOrCreateStageRows,
  insertStageRow,
  renumberStages,
  type StageChanges,
  type StageRow,
  updateStageRow,
} from './deal-stages.repository.ts';
import { placeAt } from './pipeline-rules.ts';
import { toDealStageDto } from './pipeline.dto.ts';

/** The pipeline in order, with how many deals each stage holds; the defaults on the first read. */
export async function listDealStages(ctx: TenantContext): Promise<DealStage[]> {
  const stages = await findOrCreateStageRows(ctx.tx, ctx.tenantId);
  const counts = await countDealsPerStage(ctx.tx, ctx.tenantId);
  return stages.map((stage) => toDealStageDto(stage, counts.get(stage.id) ?? 0));
}

async function stageDto(ctx: TenantContext, id: string): Promise<DealStage> {
  const stage = (await listDealStages(ctx)).find((candidate) => candidate.id === id);
  if (!stage) throw new AppError('deal_stage_not_found');
  return stage;
}

export async function createDealStage(
  ctx: TenantContext,
  input: z.output<typeof createDealStageSchema>,
): Promise<DealStage> {
  const stages = await findOrCreateStageRows(ctx.tx, ctx.tenantId);
  const created = await insertStageRow(ctx.tx, {
    tenantId: ctx.tenantId,
    name: input.name,
    outcome: input.outcome,
    probability: input.probability !== undefined ? Number(input.probability) : input.outcome === 'won' ? 100 : 0,
    position: stages.length,
  });
  const order = placeAt(
    stages.map((stage) => stage.id),
    created.id,
    input.position ?? stages.length,
  );
  await renumberStages(ctx.tx, ctx.tenantId, [...stages, created], order);
  await recordAuditEvent(ctx, {
    action: 'crm.deal_stage_created',
    targetType: 'deal_stage',
    targetId: created.id,
    details: { name: created.name, outcome: created.outcome },
  });
  return stageDto(ctx, created.id);
}

/** A pipeline keeps an open stage: new deals start in one. */
function assertKeepsOpenStage(stages: StageRow[], without: StageRow): void {
  if (without.outcome === 'open' && !stages.some((stage) => stage.id !== without.id && stage.outcome === 'open'))
    throw new AppError('deal_stage_last_open');
}

async function loadStage(ctx: TenantContext, id: string) {
  const stages = await findOrCreateStageRows(ctx.tx, ctx.tenantId);
  const stage = stages.find((candidate) => candidate.id === id);
  if (!stage) throw new AppError('deal_stage_not_found');
  const dealCount = (await countDealsPerStage(ctx.tx, ctx.tenantId)).get(id) ?? 0;
  return { stages, stage, dealCount };
}

export async function updateDealStage(ctx: TenantContext, id: string, input: UpdateDealStage): Promise<DealStage> {
  const { stages, stage, dealCount } = await loadStage(ctx, id);
  const changes: StageChanges = {};
  if (input.name !== undefined && input.name !== stage.name) changes.name = input.name;
  if (input.probability !== undefined && Number(input.probability) !== stage.probability)
    changes.probability = Number(input.probability);
  if (input.outcome !== undefined && input.outcome !== stage.outcome) {
    // The deals in it would change from open to closed (or back) without a date or a lost reason.
    if (dealCount > 0) throw new AppError('deal_stage_has_deals', { detail: 'Move its deals to another stage first.' });
    assertKeepsOpenStage(stages, stage);
    changes.outcome = input.outcome;
  }
  if (Object.keys(changes).length > 0) await updateStageRow(ctx.tx, ctx.tenantId, id, changes);
  if (input.position !== undefined && input.position !== stages.indexOf(stage)) {
    const order = placeAt(
      stages.map((candidate) => candidate.id),
      id,
      input.position,
    );
    await renumberStages(ctx.tx, ctx.tenantId, stages, order);
    changes.position = input.position;
  }
  if (Object.keys(changes).length > 0)
    await recordAuditEvent(ctx, {
      action: 'crm.deal_stage_updated',
      targetType: 'deal_stage',
      targetId: id,
      details: { fields: Object.keys(changes) },
    });
  return stageDto(ctx, id);
}

/** Only an empty stage goes: deals never lose their place in the pipeline silently. */
export async function deleteDealStage(ctx: TenantContext, id: string): Promise<void> {
  const { stages, stage, dealCount } = await loadStage(ctx, id);
  if (dealCount > 0)
    throw new AppError('deal_stage_has_deals', {
      detail: `This stage holds ${dealCount} deal(s); move them to another stage first.`,
    });
  assertKeepsOpenStage(stages, stage);
  await deleteStageRow(ctx.tx, ctx.tenantId, id);
  const remaining = stages.filter((candidate) => candidate.id !== id);
  await renumberStages(
    ctx.tx,
    ctx.tenantId,
    remaining,
    remaining.map((candidate) => candidate.id),
  );
  await recordAuditEvent(ctx, {
    action: 'crm.deal_stage_deleted',
    targetType: 'deal_stage',
    targetId: id,
    details: { name: stage.name },
  });
}

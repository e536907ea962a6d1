import { type createDeal as createDealSchema, type Deal, parseAmount } from '@clientbox/contracts';
import type { z } from 'zod';
import { recordAuditEvent } from '../../../../kernel/audit/audit-log.ts';
import { AppError } from '../../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { assertRelationsExist } from '../shared/relation-references.ts';
import { actingUserId } from '../shared/tenant-members.ts';
import { findOrCreateStageRows } from './deal-stages.repository.ts';
import { closingOrThrow } from './place-deal.ts';
import { columnDealIds, findDealView, insertDealRow } from './deals.repository.ts';
import { toDealDto } from './pipeline.dto.ts';

/** A deal starts at the bottom of its stage's column (the first open stage when none is given). */
export async function createDeal(ctx: TenantContext, input: z.output<typeof createDealSchema>): Promise<Deal> {
  const stages = await findOrCreateStageRows(ctx.tx, ctx.tenantId);
  const stage = input.stage_id
    ? stages.find((candidate) => candidate.id === input.stage_id)
    : stages.find((candidate) => candidate.outcome === 'open');
  if (!stage) throw new AppError('deal_stage_not_found');
  const reference = { organizationId: input.organization_id ?? null, personId: input.person_id ?? null };
  await assertRelationsExist(ctx.tx, ctx.tenantId, reference);
  const closing = closingOrThrow(null, stage.outcome, input.lost_reason, new Date());
  const column = await columnDealIds(ctx.tx, ctx.tenantId, stage.id);
  const row = await insertDealRow(ctx.tx, {
    tenantId: ctx.tenantId,
    title: input.title,
    ...reference,
    stageId: stage.id,
    valueCents: parseAmount(input.value),
    currency: input.currency,
    expectedCloseOn: input.expected_close_on ?? null,
    probability: input.probability != null && !closing.isProbabilityReset ? Number(input.probability) : null,
    lostReason: closing.lostReason,
    closedAt: closing.closedAt,
    position: (column.at(-1)?.position ?? -1) + 1,
    ownerUserId: actingUserId(ctx.actor),
  });
  await recordAuditEvent(ctx, {
    action: 'crm.deal_created',
    targetType: 'deal',
    targetId: row.id,
    details: { title: row.title, stage_id: stage.id, value: input.value },
  });
  return toDealDto((await findDealView(ctx.tx, ctx.tenantId, row.id))!);
}

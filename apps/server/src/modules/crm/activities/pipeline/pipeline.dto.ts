import { type Deal, type DealStage, formatAmount } from '@clientbox/contracts';
import { personName } from '../shared/relation-references.ts';
import type { StageRow } from './deal-stages.repository.ts';
import type { DealView } from './deals.repository.ts';

export function toDealStageDto(row: StageRow, dealCount: number): DealStage {
  return {
    object: 'deal_stage',
    id: row.id,
    name: row.name,
    position: row.position,
    probability: String(row.probability),
    outcome: row.outcome,
    deal_count: dealCount,
  };
}

export function toDealDto(view: DealView): Deal {
  const { deal, stage } = view;
  return {
    object: 'deal',
    id: deal.id,
    title: deal.title,
    organization_id: deal.organizationId,
    organization_name: view.organizationName,
    person_id: deal.personId,
    person_name: personName(view.personFirstName, view.personLastName),
    stage_id: deal.stageId,
    outcome: stage.outcome,
    value: formatAmount(deal.valueCents),
    currency: 'EUR',
    expected_close_on: deal.expectedCloseOn,
    probability: String(deal.probability ?? stage.probability),
    is_probability_from_stage: deal.probability === null,
    lost_reason: deal.lostReason,
    closed_at: deal.closedAt?.toISOString() ?? null,
    position: deal.position,
    owner: deal.ownerUserId ? { user_id: deal.ownerUserId, name: view.ownerName } : null,
    version: deal.version,
    created_at: deal.createdAt.toISOString(),
    updated_at: deal.updatedAt.toISOString(),
  };
}

import { dealOutcome, dealValue, formatAmount, parseAmount, probabilityPercentage } from '@clientbox/contracts';
import { z } from 'zod';
import { AppError } from '../../../../kernel/errors/app-error.ts';
import type { ImportableExporter } from '../../../../kernel/export/export-registry.ts';
import { deals } from '../../crm.tables.ts';
import { RELATION_ENTITIES } from '../shared/export-order.ts';
import { assertImportedRelationsExist, parseImportedRows, usersById } from '../shared/import-rows.ts';
import { tenantMembersByEmail } from '../shared/tenant-members.ts';
import { deleteAllStageRows, insertStageRow, listStageRows } from './deal-stages.repository.ts';
import { hasAnyDeal, listAllDealRows } from './deals.repository.ts';
import { DEFAULT_STAGES } from './pipeline-rules.ts';

const STAGES = 'crm.deal_stages';
const DEALS = 'crm.deals';
const timestamp = z.iso.datetime({ offset: true });

const importedStage = z.strictObject({
  id: z.uuid(),
  name: z.string().trim().min(1).max(80),
  position: z.number().int().min(0),
  probability: probabilityPercentage,
  outcome: dealOutcome,
});
type StageExportRow = z.output<typeof importedStage>;

/**
 * The pipeline's stages. "Empty", for an import, is the default pipeline as the first read
 * creates it; a renamed, added or removed stage is the tenant's own data.
 */
export const dealStagesExporter: ImportableExporter<StageExportRow> = {
  entity: STAGES,
  csv: true,
  columns: ['id', 'name', 'position', 'probability', 'outcome'],

  async export({ tenantId, tx }) {
    return (await listStageRows(tx, tenantId)).map((row) => ({
      id: row.id,
      name: row.name,
      position: row.position,
      probability: String(row.probability),
      outcome: row.outcome,
    }));
  },

  async hasData({ tenantId, tx }) {
    const stages = await listStageRows(tx, tenantId);
    if (stages.length === 0) return false;
    const isDefault =
      stages.length === DEFAULT_STAGES.length &&
      stages.every((stage, index) => {
        const expected = DEFAULT_STAGES[index]!;
        return (
          stage.name === expected.name &&
          stage.probability === expected.probability &&
          stage.outcome === expected.outcome
        );
      });
    return !isDefault;
  },

  async import(ctx, rows) {
    const stages = parseImportedRows(STAGES, importedStage, rows);
    if (stages.length === 0) return;
    if (!stages.some((stage) => stage.outcome === 'open'))
      throw new AppError('import_archive_invalid', { detail: `${STAGES}: a pipeline needs an open stage` });
    // The default stages of the empty account make way for the archived pipeline.
    await deleteAllStageRows(ctx.tx, ctx.tenantId);
    const ordered = [...stages].sort((a, b) => a.position - b.position);
    for (const [position, stage] of ordered.entries())
      await insertStageRow(ctx.tx, {
        tenantId: ctx.tenantId,
        id: stage.id,
        name: stage.name,
        position,
        probability: Number(stage.probability),
        outcome: stage.outcome,
      });
  },
};

const importedDeal = z.strictObject({
  id: z.uuid(),
  title: z.string().trim().min(1).max(200),
  organization_id: z.uuid().nullable(),
  person_id: z.uuid().nullable(),
  stage_id: z.uuid(),
  value: dealValue,
  currency: z.literal('EUR'),
  expected_close_on: z.iso.date().nullable(),
  probability: probabilityPercentage.nullable(),
  lost_reason: z.string().max(500).nullable(),
  closed_at: timestamp.nullable(),
  position: z.number().int().min(0),
  owner_name: z.string().max(200).nullable(),
  owner_email: z.string().max(320).nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});
type DealExportRow = z.output<typeof importedDeal>;

/** Deals with their stage, value (euros) and the owner by name and address. */
export const dealsExporter: ImportableExporter<DealExportRow> = {
  entity: DEALS,
  csv: true,
  importAfter: [...RELATION_ENTITIES, STAGES],
  columns: Object.keys(importedDeal.shape) as (keyof DealExportRow)[],

  async export({ tenantId, tx }) {
    const rows = await listAllDealRows(tx, tenantId);
    const people = await usersById(
      tx,
      rows.map((row) => row.ownerUserId),
    );
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      organization_id: row.organizationId,
      person_id: row.personId,
      stage_id: row.stageId,
      value: formatAmount(row.valueCents),
      currency: 'EUR' as const,
      expected_close_on: row.expectedCloseOn,
      probability: row.probability === null ? null : String(row.probability),
      lost_reason: row.lostReason,
      closed_at: row.closedAt?.toISOString() ?? null,
      position: row.position,
      owner_name: row.ownerUserId ? (people.get(row.ownerUserId)?.name ?? null) : null,
      owner_email: row.ownerUserId ? (people.get(row.ownerUserId)?.email ?? null) : null,
      created_at: row.createdAt.toISOString(),
      updated_at: row.updatedAt.toISOString(),
    }));
  },

  hasData: ({ tenantId, tx }) => hasAnyDeal(tx, tenantId),

  async import(ctx, rows) {
    const imported = parseImportedRows(DEALS, importedDeal, rows);
    if (imported.length === 0) return;
    await assertImportedRelationsExist(ctx.tx, ctx.tenantId, DEALS, imported);
    const stages = new Map((await listStageRows(ctx.tx, ctx.tenantId)).map((stage) => [stage.id, stage]));
    for (const [index, deal] of imported.entries()) {
      const stage = stages.get(deal.stage_id);
      if (!stage)
        throw new AppError('import_archive_invalid', { detail: `${DEALS} row ${index + 1}: unknown stage_id` });
      if (stage.outcome === 'lost' && !deal.lost_reason)
        throw new AppError('import_archive_invalid', {
          detail: `${DEALS} row ${index + 1}: a lost deal needs a reason`,
        });
    }
    const members = await tenantMembersByEmail(ctx.tx, ctx.tenantId);
    for (let start = 0; start < imported.length; start += 500)
      await ctx.tx.insert(deals).values(
        imported.slice(start, start + 500).map((deal) => ({
          tenantId: ctx.tenantId,
          id: deal.id,
          title: deal.title,
          organizationId: deal.organization_id,
          personId: deal.person_id,
          stageId: deal.stage_id,
          valueCents: parseAmount(deal.value),
          currency: deal.currency,
          expectedCloseOn: deal.expected_close_on,
          probability: deal.probability === null ? null : Number(deal.probability),
          lostReason: deal.lost_reason,
          closedAt: deal.closed_at ? new Date(deal.closed_at) : null,
          position: deal.position,
          ownerUserId: deal.owner_email ? (members.get(deal.owner_email.toLowerCase())?.userId ?? null) : null,
          createdAt: new Date(deal.created_at),
          updatedAt: new Date(deal.updated_at),
        })),
      );
  },
};

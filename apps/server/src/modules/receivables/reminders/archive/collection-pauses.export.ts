import { z } from 'zod';
import {
  invalidArchive,
  isoDate,
  memberEmails,
  membersByEmail,
  parseArchiveRows,
  timestamp,
} from '../../../../kernel/export/archive-rows.ts';
import { hasTenantRows, rejectMissingReferences } from '../../../../kernel/export/archive-tables.ts';
import type { ImportableExporter } from '../../../../kernel/export/export-registry.ts';
import { collectionPauses } from '../../reminders.tables.ts';
import { allPauseRows, insertPauseRows } from '../reminders.repository.ts';

const ENTITY = 'receivables.collection_pauses';

const pauseRow = z.strictObject({
  id: z.uuid(),
  organization_id: z.uuid().nullable(),
  person_id: z.uuid().nullable(),
  reason: z.string(),
  paused_on: isoDate,
  until: isoDate.nullable(),
  ended_on: isoDate.nullable(),
  created_by_email: z.string().nullable(),
  created_at: timestamp,
});
type PauseArchiveRow = z.output<typeof pauseRow>;

/** Every pause, ended ones included: the collections history shows them beside the letters. */
export const collectionPausesExporter: ImportableExporter<PauseArchiveRow> = {
  entity: ENTITY,
  csv: true,
  importAfter: ['crm.organizations', 'crm.persons'],
  columns: Object.keys(pauseRow.shape) as (keyof PauseArchiveRow)[],

  async export(ctx) {
    const emailOf = await memberEmails(ctx);
    return (await allPauseRows(ctx.tx, ctx.tenantId)).map((row) => ({
      id: row.id,
      organization_id: row.organizationId,
      person_id: row.personId,
      reason: row.reason,
      paused_on: row.pausedOn,
      until: row.until,
      ended_on: row.endedOn,
      created_by_email: emailOf(row.createdBy),
      created_at: row.createdAt.toISOString(),
    }));
  },

  hasData: ({ tenantId, tx }) => hasTenantRows(tx, collectionPauses, tenantId),

  async import(ctx, rows) {
    const parsed = parseArchiveRows(ENTITY, pauseRow, rows);
    const ids = new Set<string>();
    for (const [index, row] of parsed.entries()) {
      const problem =
        !row.organization_id === !row.person_id
          ? 'a pause needs one customer'
          : ids.has(row.id)
            ? 'an id occurs twice'
            : null;
      if (problem) throw invalidArchive(ENTITY, `row ${index + 1}: ${problem}`);
      ids.add(row.id);
    }
    const memberOf = await membersByEmail(ctx);
    await rejectMissingReferences(ENTITY, 'refers to a customer the archive does not hold', () =>
      insertPauseRows(
        ctx.tx,
        parsed.map((row) => ({
          tenantId: ctx.tenantId,
          id: row.id,
          organizationId: row.organization_id,
          personId: row.person_id,
          reason: row.reason,
          pausedOn: row.paused_on,
          until: row.until,
          endedOn: row.ended_on,
          createdBy: memberOf(row.created_by_email),
          createdAt: new Date(row.created_at),
        })),
      ),
    );
  },
};

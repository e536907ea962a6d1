import { z } from 'zod';
import type { ImportableExporter } from '../../../../kernel/export/export-registry.ts';
import { RELATION_ENTITIES } from '../shared/export-order.ts';
import { assertImportedRelationsExist, usersById, parseImportedRows } from '../shared/import-rows.ts';
import { tenantMembersByEmail } from '../shared/tenant-members.ts';
import { timelineItems } from '../../crm.tables.ts';
import { hasAnyTimelineItem, listAllTimelineRows } from './timeline.repository.ts';

const ENTITY = 'crm.timeline_items';

const importedItem = z
  .strictObject({
    id: z.uuid(),
    organization_id: z.uuid().nullable(),
    person_id: z.uuid().nullable(),
    kind: z.string().min(1).max(60),
    body: z.string().max(10_000),
    occurred_at: z.iso.datetime({ offset: true }),
    author_name: z.string().max(200).nullable(),
    author_email: z.string().max(320).nullable(),
    source_type: z.string().max(60).nullable(),
    source_id: z.string().max(200).nullable(),
    details: z.record(z.string(), z.unknown()),
    created_at: z.iso.datetime({ offset: true }),
  })
  .refine((row) => (row.organization_id === null) !== (row.person_id === null), {
    message: 'exactly one of organization_id and person_id',
  });
type TimelineExportRow = z.output<typeof importedItem>;

/** Notes, contact moments and the items other modules added, with their authors by name and address. */
export const timelineItemsExporter: ImportableExporter<TimelineExportRow> = {
  entity: ENTITY,
  csv: true,
  importAfter: RELATION_ENTITIES,
  columns: [
    'id',
    'organization_id',
    'person_id',
    'kind',
    'body',
    'occurred_at',
    'author_name',
    'author_email',
    'source_type',
    'source_id',
    'details',
    'created_at',
  ],

  async export({ tenantId, tx }) {
    const rows = await listAllTimelineRows(tx, tenantId);
    const people = await usersById(
      tx,
      rows.map((row) => row.authorUserId),
    );
    return rows.map((row) => ({
      id: row.id,
      organization_id: row.organizationId,
      person_id: row.personId,
      kind: row.kind,
      body: row.body,
      occurred_at: row.occurredAt.toISOString(),
      author_name: row.authorName,
      author_email: row.authorUserId ? (people.get(row.authorUserId)?.email ?? null) : null,
      source_type: row.sourceType,
      source_id: row.sourceId,
      details: row.details,
      created_at: row.createdAt.toISOString(),
    }));
  },

  hasData: ({ tenantId, tx }) => hasAnyTimelineItem(tx, tenantId),

  async import(ctx, rows) {
    const items = parseImportedRows(ENTITY, importedItem, rows);
    if (items.length === 0) return;
    await assertImportedRelationsExist(ctx.tx, ctx.tenantId, ENTITY, items);
    const members = await tenantMembersByEmail(ctx.tx, ctx.tenantId);
    for (let start = 0; start < items.length; start += 500)
      await ctx.tx.insert(timelineItems).values(
        items.slice(start, start + 500).map((item) => ({
          tenantId: ctx.tenantId,
          id: item.id,
          organizationId: item.organization_id,
          personId: item.person_id,
          kind: item.kind,
          body: item.body,
          occurredAt: new Date(item.occurred_at),
          authorUserId: item.author_email ? (members.get(item.author_email.toLowerCase())?.userId ?? null) : null,
          authorName: item.author_name,
          sourceType: item.source_type,
          sourceId: item.source_id,
          details: item.details,
          createdAt: new Date(item.created_at),
        })),
      );
  },
};
